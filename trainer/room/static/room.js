// The live room's phone page: join with the session code and a name, then follow
// the session live. Observers tap counts; each tap has its own id and stays in
// localStorage until the trainer's app says it is saved, so a dropped connection
// or a reload resends it and the app never counts it twice.
"use strict";

const $ = (id) => document.getElementById(id);
const store = {
  get: (k, d) => { try { const v = localStorage.getItem("room." + k); return v === null ? d : JSON.parse(v); } catch { return d; } },
  set: (k, v) => { try { localStorage.setItem("room." + k, JSON.stringify(v)); } catch { /* private mode */ } },
  del: (k) => { try { localStorage.removeItem("room." + k); } catch { /* private mode */ } },
};

const S = {
  token: store.get("token", null),
  name: store.get("name", ""),
  pending: store.get("pending", []), // taps not yet acknowledged
  undo: [], // taps of this round that can be undone, newest last
  saved: {}, // round -> counts saved by the app
  rating: {}, // round -> the checklist rating saved by the app
  codes: [],
  view: null,
  ws: null,
  retry: 0,
  timer: { remaining: 0, running: false, base: 0 },
};

function tapId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes); // works on a plain-http page, unlike randomUUID
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function status(text, offline) {
  $("status").textContent = text;
  $("status").classList.toggle("offline", !!offline);
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = {};
  try { body = await response.json(); } catch { /* not JSON */ }
  if (!response.ok) throw new Error(body.error || "The room did not answer (" + response.status + ").");
  return body;
}

// -- joining -------------------------------------------------------------------------
function showJoin(message) {
  $("live").hidden = true;
  $("join").hidden = false;
  $("name-form").hidden = true;
  $("ask-form").hidden = true;
  $("ask-wait").hidden = true;
  $("code-form").hidden = false;
  $("join-error").textContent = message || "";
  $("title").textContent = "Live room";
  status("");
}

$("code-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const code = $("code").value.trim();
  $("join-error").textContent = "";
  try {
    const room = await api("/api/room?code=" + encodeURIComponent(code));
    store.set("code", code);
    $("title").textContent = room.title;
    const box = $("people");
    box.replaceChildren();
    room.people.forEach((p, i) => {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio"; input.name = "person"; input.value = p.id; input.required = true;
      if (i === 0) input.setAttribute("aria-describedby", "join-error");
      label.append(input, document.createTextNode(p.name));
      box.append(label);
    });
    $("code-form").hidden = true;
    $("name-form").hidden = false;
    $("ask-form").hidden = false;
    const first = box.querySelector("input");
    if (first) first.focus();
  } catch (err) {
    $("join-error").textContent = err.message;
    $("code").focus();
  }
});

$("name-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const chosen = document.querySelector("input[name=person]:checked");
  if (!chosen) { $("join-error").textContent = "Choose your name first."; return; }
  try {
    const joined = await api("/api/join", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: store.get("code", ""), person: chosen.value }),
    });
    S.token = joined.token; S.name = joined.name;
    store.set("token", S.token); store.set("name", S.name);
    showLive();
    connect();
  } catch (err) {
    $("join-error").textContent = err.message;
  }
});

// A name not on the list: the trainer adds it to the roster (or refuses); the page waits.
$("ask-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("join-error").textContent = "";
  try {
    const asked = await api("/api/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: store.get("code", ""), name: $("ask-name").value }),
    });
    $("name-form").hidden = true;
    $("ask-form").hidden = true;
    $("ask-wait").hidden = false;
    $("ask-wait").textContent = "Waiting for the trainer to add " + asked.name + " to the list…";
    waitForTrainer(asked.request);
  } catch (err) {
    $("join-error").textContent = err.message;
  }
});

async function waitForTrainer(requestId) {
  try {
    const answer = await api("/api/ask?request=" + encodeURIComponent(requestId));
    if (answer.status === "waiting") { setTimeout(() => waitForTrainer(requestId), 1500); return; }
    if (answer.status === "refused") { showJoin("The trainer did not add that name. Ask them in the room."); return; }
    S.token = answer.token; S.name = answer.name;
    store.set("token", S.token); store.set("name", S.name);
    $("ask-wait").hidden = true;
    showLive();
    connect();
  } catch (err) {
    showJoin(err.message);
  }
}

$("leave").addEventListener("click", () => {
  forget();
  if (S.ws) S.ws.close();
  showJoin("You have left the room on this phone.");
});

function forget() {
  S.token = null;
  store.del("token"); store.del("name");
}

// -- the live channel -----------------------------------------------------------------
function showLive() {
  $("join").hidden = true;
  $("live").hidden = false;
  $("you-name").textContent = S.name;
}

function connect() {
  if (!S.token) return;
  status("Connecting…");
  const ws = new WebSocket("ws://" + location.host + "/api/live?token=" + encodeURIComponent(S.token));
  S.ws = ws;
  let opened = false;
  ws.onopen = () => { opened = true; S.retry = 0; status("Connected"); resend(); };
  ws.onmessage = (event) => { try { handle(JSON.parse(event.data)); } catch { /* ignore a bad message */ } };
  ws.onclose = async (event) => {
    if (S.ws !== ws || !S.token) return;
    if (event.code === 4001) { forget(); showJoin("You joined again on another device."); return; }
    status("Reconnecting…", true);
    if (!opened) {
      try {
        const r = await fetch("/api/live?token=" + encodeURIComponent(S.token));
        if (r.status === 401) { forget(); showJoin("The room was reopened: join again with the code."); return; }
      } catch { /* the laptop is not reachable: keep trying */ }
    }
    S.retry = Math.min(S.retry + 1, 5);
    setTimeout(connect, 500 * 2 ** S.retry);
  };
}

function send(taps) {
  if (!S.ws || S.ws.readyState !== WebSocket.OPEN) return;
  for (let i = 0; i < taps.length; i += 50) S.ws.send(JSON.stringify({ type: "taps", taps: taps.slice(i, i + 50) }));
}

function resend() {
  if (S.pending.length) send(S.pending);
  resendNotes(); // notes.js: notes saved on the phone but not yet by the app
}
// Taps the app has not acknowledged (refused for speed, or not saved) go again now and then;
// their ids make a second copy harmless.
setInterval(resend, 4000);

function handle(msg) {
  if (msg.type === "state") {
    const oldRound = S.view && S.view.round ? S.view.round.index : null;
    if (!S.view || S.view.phase.number !== msg.phase.number) {
      // screen readers hear the move to a new phase (and the role in it) once
      $("announce").textContent = "Now: " + msg.phase.title +
        (msg.round && msg.round.role_label ? ". Your role: " + msg.round.role_label : "");
    }
    S.view = msg;
    if (msg.codes) S.codes = msg.codes;
    if (!msg.round || msg.round.index !== oldRound) S.undo = [];
    S.timer = { remaining: msg.timer.remaining, running: msg.timer.running, base: performance.now() };
    render();
  } else if (msg.type === "counts") {
    S.saved[msg.round] = msg.counts;
    S.rating[msg.round] = msg.rating;
    renderCounts();
    renderRatings();
    notesFromApp(msg.round, msg.notes, false);
  } else if (msg.type === "noted") {
    notesFromApp(msg.round, msg.notes, true);
  } else if (msg.type === "error" && msg.about === "notes") {
    notesError(msg.error, !!msg.retry);
  } else if (msg.type === "rated") {
    S.rating[msg.round] = msg.rating;
    $("sync").textContent = "Saved";
    $("sync").className = "hint ok";
    renderRatings();
  } else if (msg.type === "ack") {
    const done = new Set(msg.ids);
    S.pending = S.pending.filter((t) => !done.has(t.id));
    store.set("pending", S.pending);
    S.saved[msg.round] = msg.counts;
    $("sync").textContent = S.pending.length ? "Sending…" : "Saved";
    $("sync").className = S.pending.length ? "hint" : "hint ok";
    renderCounts();
  } else if (msg.type === "refused") {
    const bad = new Set(msg.taps.map((t) => t.id));
    S.pending = S.pending.filter((t) => !bad.has(t.id));
    S.undo = S.undo.filter((t) => !bad.has(t.id));
    store.set("pending", S.pending);
    $("sync").textContent = msg.error;
    $("sync").className = "error";
    renderCounts();
  } else if (msg.type === "error") {
    $("sync").textContent = msg.error;
    $("sync").className = "error";
  } else if (msg.type === "bye") {
    status(msg.reason, true);
  }
}

// -- showing ------------------------------------------------------------------------
function render() {
  const v = S.view;
  $("title").textContent = v.title;
  $("you-name").textContent = v.name || S.name;
  $("phase-kind").textContent = v.phase.kind_label;
  $("phase-title").textContent = v.phase.title;
  $("phase-progress").textContent = v.phase.count ? "Part " + v.phase.number + " of " + v.phase.count : "";
  const r = v.round;
  $("round").hidden = !r;
  $("counter").hidden = !(r && r.can_count);
  if (r && r.sitting_out) {
    $("round-heading").textContent = "Round " + r.number;
    $("role").textContent = "You are not in a group this round";
    $("task").textContent = "Ask the trainer where to join.";
    $("group").replaceChildren();
  } else if (r) {
    $("round-heading").textContent = "Round " + r.number + (r.skill ? ": " + r.skill : "");
    $("role").textContent = "Your role: " + r.role_label;
    $("task").textContent = r.task;
    const list = $("group");
    list.replaceChildren();
    r.group.forEach((m) => {
      const li = document.createElement("li");
      const who = document.createElement("span");
      who.textContent = m.name;
      const role = document.createElement("span");
      role.className = "r"; role.textContent = m.role;
      li.append(who, role);
      list.append(li);
    });
    $("counter-who").textContent = r.observing ? "You are observing " + r.observing + "." : "";
  }
  $("instructions").hidden = !(v.phase.instructions || v.phase.prompts.length);
  $("phase-instructions").textContent = v.phase.instructions;
  const prompts = $("prompts");
  prompts.replaceChildren();
  v.phase.prompts.forEach((p) => { const li = document.createElement("li"); li.textContent = p; prompts.append(li); });
  $("feedback").hidden = !v.feedback_open;
  $("checklist").hidden = !(r && r.can_count);
  if (r && r.can_count) {
    $("checklist-heading").textContent = "Checklist: " + (r.skill || "the skill in focus");
    $("done-well").textContent = r.done_well ? "Done well: " + r.done_well : "";
    buildRatings(r.ratings);
    renderRatings();
  }
  renderNotes(r);
  buildCodes();
  renderCounts();
  tick();
}

// -- feedback at the end ----------------------------------------------------------------
$("feedback-show").addEventListener("click", async () => {
  const body = $("feedback-body");
  body.textContent = "Loading…";
  try {
    const got = await api("/api/feedback", { headers: { Authorization: "Bearer " + S.token } });
    body.replaceChildren();
    const a = got.attendance;
    const att = document.createElement("p");
    att.textContent = a.name + " attended " + a.title + " on " + a.date + (a.team ? " (" + a.team + ")" : "") + ".";
    body.append(att);
    const observations = got.bundle ? got.bundle.observations : [];
    if (!observations.length) {
      const none = document.createElement("p");
      none.textContent = "No one observed you in this session.";
      body.append(none);
    }
    observations.forEach((o) => {
      const box = document.createElement("div");
      box.className = "obs";
      const h = document.createElement("h4");
      h.textContent = (o.round_title || "Round " + o.round) + " – observed by " + o.observer_name;
      box.append(h);
      const dl = document.createElement("dl");
      S.codes.forEach((c) => {
        const dt = document.createElement("dt"); dt.textContent = c.label;
        const dd = document.createElement("dd"); dd.textContent = o.counts[c.id] || 0;
        dl.append(dt, dd);
      });
      box.append(dl);
      feedbackNotes(box, o, got.words || {}); // notes.js: the checklist, the notes and the overall ratings
      body.append(box);
    });
    const link = $("feedback-file");
    if (got.bundle) {
      const blob = new Blob([JSON.stringify(got.bundle, null, 2) + "\n"], { type: "application/json" });
      link.href = URL.createObjectURL(blob);
      link.download = got.filename;
      link.hidden = false;
    } else {
      link.hidden = true;
    }
    const proof = $("attendance-file");
    if (got.attendance_file) {
      const blob = new Blob([JSON.stringify(got.attendance_file, null, 2) + "\n"], { type: "application/json" });
      proof.href = URL.createObjectURL(blob);
      proof.download = got.attendance_filename;
      proof.hidden = false;
    } else {
      proof.hidden = true;
    }
  } catch (err) {
    body.textContent = err.message;
  }
});

function buildCodes() {
  const box = $("codes");
  if (box.childElementCount === S.codes.length) return;
  box.replaceChildren();
  S.codes.forEach((c) => {
    const b = document.createElement("button");
    b.type = "button"; b.className = "code"; b.dataset.code = c.id;
    const label = document.createElement("span");
    label.textContent = c.label;
    const n = document.createElement("span");
    n.className = "n"; n.textContent = "0";
    b.append(label, n);
    b.addEventListener("click", () => tap(c.id, 1));
    box.append(b);
  });
}

function buildRatings(ratings) {
  const box = $("ratings");
  if (box.childElementCount === ratings.length) return;
  box.replaceChildren();
  ratings.forEach((choice) => {
    const b = document.createElement("button");
    b.type = "button"; b.className = "rating"; b.textContent = choice.label;
    b.dataset.value = JSON.stringify(choice.value);
    b.setAttribute("aria-pressed", "false");
    b.addEventListener("click", () => rate(choice.value));
    box.append(b);
  });
}

function renderRatings() {
  const r = S.view && S.view.round;
  const current = r ? S.rating[r.index] : undefined;
  document.querySelectorAll(".rating").forEach((b) => {
    b.setAttribute("aria-pressed", String(current !== undefined && current !== null && JSON.stringify(current) === b.dataset.value));
  });
}

function rate(value) {
  const r = S.view && S.view.round;
  if (!r || !r.can_count || !S.ws || S.ws.readyState !== WebSocket.OPEN) {
    $("sync").textContent = "Not connected: try again in a moment";
    $("sync").className = "error";
    return;
  }
  const same = JSON.stringify(S.rating[r.index]) === JSON.stringify(value);
  S.ws.send(JSON.stringify({ type: "rate", round: r.index, rating: same ? null : value })); // again: clear
  $("sync").textContent = "Sending…";
  $("sync").className = "hint";
}

function shown() {
  const r = S.view && S.view.round;
  if (!r || !r.can_count) return {};
  const counts = Object.assign({}, S.saved[r.index] || {});
  S.pending.filter((t) => t.round === r.index).forEach((t) => {
    counts[t.code] = Math.max(0, (counts[t.code] || 0) + t.delta);
  });
  return counts;
}

function renderCounts() {
  const counts = shown();
  document.querySelectorAll(".code").forEach((b) => {
    const label = S.codes.find((c) => c.id === b.dataset.code);
    const n = counts[b.dataset.code] || 0;
    b.querySelector(".n").textContent = n;
    b.setAttribute("aria-label", (label ? label.label : b.dataset.code) + ": " + n);
  });
  $("undo").disabled = S.undo.length === 0;
}

function tap(code, delta) {
  const r = S.view && S.view.round;
  if (!r || !r.can_count) return;
  const t = { id: tapId(), round: r.index, code: code, delta: delta };
  S.pending.push(t);
  store.set("pending", S.pending);
  if (delta > 0) S.undo.push(t);
  $("sync").textContent = "Sending…";
  $("sync").className = "hint";
  renderCounts();
  send([t]);
}

$("undo").addEventListener("click", () => {
  const last = S.undo.pop();
  if (last) tap(last.code, -1);
  renderCounts();
});

function tick() {
  if (!S.view) return;
  let left = S.timer.remaining;
  if (S.timer.running) left = Math.max(0, left - (performance.now() - S.timer.base) / 1000);
  const secs = Math.ceil(left);
  const el = $("timer");
  el.textContent = Math.floor(secs / 60) + ":" + String(secs % 60).padStart(2, "0");
  el.classList.toggle("paused", !S.timer.running && secs > 0);
  el.classList.toggle("up", secs === 0 && S.view.timer.duration > 0);
  el.setAttribute("aria-label", S.timer.running ? "Time left" : "Timer paused");
}
setInterval(tick, 250);

// -- start ----------------------------------------------------------------------------
const given = new URLSearchParams(location.search).get("code");
if (given) $("code").value = given;
// After every deferred script has run (notes.js too): between two deferred scripts the browser
// may already deliver a WebSocket message, and render() needs notes.js's functions.
document.addEventListener("DOMContentLoaded", () => {
  if (S.token) { showLive(); connect(); } else { showJoin(); }
});
