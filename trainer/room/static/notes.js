// The observer's notes and overall ratings on the phone (loaded after room.js, whose
// S, $, store and status it uses). The notes of a round are one message, saved by the
// app in one step; until the app says so they stay in localStorage ("room.notes") and
// go again after a dropped connection or a reload.
"use strict";

const NOTE_FIELDS = { said: "note-said", response: "note-response", alternative: "note-alternative", note: "note-free" };
const N = {
  round: null, // the round whose notes the form shows
  globals: {}, // global id -> value chosen on this phone
  unsent: store.get("notes", null), // {round, message} saved on the phone, not yet by the app
  typed: false, // changed on this phone since the form was last filled: what the app sends leaves it alone
};

function notesSync(text, kind) {
  $("notes-sync").textContent = text;
  $("notes-sync").className = kind || "hint";
}

function notesError(message, retry) {
  if (!retry && N.unsent) { N.unsent = null; store.del("notes"); } // refused as it is: sending it again cannot help
  notesSync(message, "error");
}

function fillNotes(notes) {
  Object.entries(NOTE_FIELDS).forEach(([key, id]) => { $(id).value = (notes && notes[key]) || ""; });
  N.globals = Object.assign({}, (notes && notes.globals) || {});
  N.typed = false;
  renderGlobals();
}

$("notes-form").addEventListener("input", () => { N.typed = true; });

// Called by room.js's render() with the round of the new state.
function renderNotes(r) {
  const show = !!(r && r.can_count);
  $("notes").hidden = !show;
  if (!show) { N.round = null; return; }
  Object.entries(r.note_labels || {}).forEach(([key, label]) => {
    const el = $("note-" + key + "-label");
    if (el) el.textContent = label;
  });
  buildGlobals(r.globals || []);
  if (N.round !== r.index) {
    N.round = r.index;
    fillNotes(N.unsent && N.unsent.round === r.index ? N.unsent.message : null);
    notesSync(N.unsent && N.unsent.round === r.index ? "Not saved yet: sending again…" : "");
  }
}

// What the app has saved: after joining (counts) or as the answer to "Save notes" (noted).
function notesFromApp(round, notes, answer) {
  if (!notes || round !== N.round) return;
  if (answer) {
    if (N.unsent && N.unsent.round === round) { N.unsent = null; store.del("notes"); }
    notesSync("Notes saved", "hint ok");
  }
  if (!N.typed && !(N.unsent && N.unsent.round === round)) fillNotes(notes);
}

function buildGlobals(globals) {
  const box = $("globals");
  $("globals-box").hidden = globals.length === 0;
  if (box.dataset.ids === globals.map((g) => g.id).join(" ")) return;
  box.dataset.ids = globals.map((g) => g.id).join(" ");
  box.replaceChildren();
  globals.forEach((g) => {
    const row = document.createElement("div");
    row.className = "global";
    const name = document.createElement("p");
    name.className = "name"; name.id = "global-" + g.id; name.textContent = g.name;
    const scale = document.createElement("div");
    scale.className = "scale"; scale.setAttribute("role", "group"); scale.setAttribute("aria-labelledby", name.id);
    for (let v = g.min; v <= g.max; v += 1) {
      const b = document.createElement("button");
      b.type = "button"; b.textContent = String(v); b.dataset.global = g.id; b.dataset.value = String(v);
      b.setAttribute("aria-label", g.name + ": " + v + " of " + g.max);
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", () => {
        N.globals[g.id] = N.globals[g.id] === v ? null : v;
        N.typed = true;
        renderGlobals();
      });
      scale.append(b);
    }
    row.append(name, scale);
    if (g.low || g.high) {
      const ends = document.createElement("p");
      ends.className = "ends";
      const low = document.createElement("span"); low.textContent = g.min + ": " + (g.low || "");
      const high = document.createElement("span"); high.textContent = g.max + ": " + (g.high || "");
      ends.append(low, high);
      row.append(ends);
    }
    box.append(row);
  });
}

function renderGlobals() {
  document.querySelectorAll("#globals button").forEach((b) => {
    b.setAttribute("aria-pressed", String(N.globals[b.dataset.global] === Number(b.dataset.value)));
  });
}

function sendNotes() {
  if (!N.unsent || !S.ws || S.ws.readyState !== WebSocket.OPEN) return false;
  S.ws.send(JSON.stringify(N.unsent.message));
  return true;
}

function resendNotes() { sendNotes(); }

$("notes-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (N.round === null) return;
  const message = { type: "notes", round: N.round, globals: {} };
  Object.entries(NOTE_FIELDS).forEach(([key, id]) => { message[key] = $(id).value; });
  Object.entries(N.globals).forEach(([id, value]) => { message.globals[id] = value; });
  N.unsent = { round: N.round, message: message };
  N.typed = false; // what is in the form now is what goes to the app
  store.set("notes", N.unsent);
  notesSync(sendNotes() ? "Sending…" : "Kept on this phone: it goes when the connection is back", "hint");
});

// -- the feedback page: what the observer rated and wrote -------------------------------
function feedbackNotes(box, o, words) {
  const dl = document.createElement("dl");
  const row = (term, value) => {
    const dt = document.createElement("dt"); dt.textContent = term;
    const dd = document.createElement("dd"); dd.textContent = value;
    dl.append(dt, dd);
  };
  const parts = [];
  Object.entries(o.items || {}).forEach(([skill, item]) => {
    const name = (words.skills || {})[skill] || skill;
    if (item.rating !== null && item.rating !== undefined) {
      row(name, (words.ratings || {})[String(item.rating)] || String(item.rating));
    }
    Object.entries(words.parts || {}).forEach(([key, label]) => { if (item[key]) parts.push([label, item[key]]); });
  });
  Object.entries(o.globals || {}).forEach(([id, value]) => {
    const g = (words.globals || {})[id];
    if (value !== null && value !== undefined) row(g ? g.name : id, value + (g ? " of " + g.max : ""));
  });
  if (dl.childElementCount) box.append(dl);
  parts.forEach(([label, text]) => {
    const p = document.createElement("p");
    const b = document.createElement("strong");
    b.textContent = label + ": ";
    p.append(b, document.createTextNode(text));
    box.append(p);
  });
  if (o.note) { const p = document.createElement("p"); p.textContent = o.note; box.append(p); }
}
