"""The revalidation pack as HTML for the A4 writer: in the regulator's order, what is
met and what is missing first, then the CPD log, the reflective accounts (each
with the evidence behind it), the feedback, the sessions attended, and the
sources of the requirements. Plain data in (``trainer.services.cpd`` builds
it), escaped HTML out; every heading starts a page."""

from __future__ import annotations

from html import escape

from trainer.domain.durations import hours_text

BREAK = ' style="page-break-before: always"'


def _rows(rows: list[list[str]], head: list[str]) -> str:
    out = ["<table border='1' cellspacing='0' cellpadding='4' width='100%'>"]
    out.append("<tr>" + "".join(f"<th align='left' bgcolor='#dddddd'>{escape(h)}</th>" for h in head) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _mark(met: bool | None) -> str:
    return {True: "Met", False: "Missing", None: "Outside this app"}[met]


def pack_html(pack: dict) -> str:
    p = pack
    parts = [
        f"<h1>Revalidation pack: {escape(p['regulator'])}</h1>",
        f"<p><b>{escape(p['name'])}</b><br>Cycle: {escape(p['start'])} to {escape(p['end'])} "
        f"({escape(p['cycle'])})<br>Made on {escape(p['made'])} with Practitioner Trainer.</p>",
        "<h2>What is met and what is missing</h2>",
        _rows([[s["title"], s["text"], _mark(s["met"])] for s in p["statuses"]], ["Requirement", "Progress", ""]),
        f"<p>CPD time in this cycle: <b>{hours_text(p['minutes'])}</b>, of which "
        f"<b>{hours_text(p['participatory_minutes'])}</b> participatory.</p>",
        f"<h2{BREAK}>1. CPD log</h2>",
        "<p>How the time is counted: " + escape("; ".join(p["rules"])) + ".</p>",
        _rows(
            [
                [a["day"], a["title"], a["kind"], hours_text(a["minutes"]), "yes" if a["participatory"] else "no"]
                for a in p["activities"]
            ],
            ["Date", "Activity", "Kind", "Time", "Participatory"],
        )
        if p["activities"]
        else "<p>No CPD activity in this cycle yet.</p>",
        "<h3>Time by kind</h3>",
        _rows([[k, hours_text(m)] for k, m in p["by_kind"] if m], ["Kind", "Time"]),
        f"<h2{BREAK}>2. Written reflective accounts</h2>",
    ]
    if not p["reflections"]:
        parts.append("<p>No reflective account chosen yet.</p>")
    for i, r in enumerate(p["reflections"], 1):
        parts.append(f"<h3>Account {i}: {escape(r['title'])}</h3><p><i>{escape(r['day'])}</i></p>")
        for title, text in r["sections"]:
            parts.append(f"<p><b>{escape(title)}</b><br>{escape(text).replace(chr(10), '<br>')}</p>")
        if r["evidence"]:
            parts.append("<p><b>Evidence behind it:</b> " + escape("; ".join(r["evidence"])) + "</p>")
    parts.append(f"<h2{BREAK}>3. Practice-related feedback</h2>")
    parts.append(
        _rows(
            [[f["day"], f["observer"], f["title"], f["note"]] for f in p["feedback"]], ["Date", "From", "Where", "Note"]
        )
        if p["feedback"]
        else "<p>No feedback in this cycle yet.</p>"
    )
    if p["untold_feedback"]:
        parts.append(
            f"<p>{p['untold_feedback']} more piece(s) of observer feedback are recorded in attendance files "
            "whose feedback bundle has not been imported.</p>"
        )
    parts.append(f"<h2{BREAK}>4. Team sessions attended (certificates)</h2>")
    parts.append(
        _rows(
            [[s["day"], s["title"], s["facilitator"], hours_text(s["minutes"]), s["roles"]] for s in p["sessions"]],
            ["Date", "Session", "Facilitator", "Time", "Roles"],
        )
        if p["sessions"]
        else "<p>No team session attended in this cycle.</p>"
    )
    parts.append(f"<h2{BREAK}>5. Other evidence</h2>")
    for item in p["evidence"]:
        listed = "; ".join(item["items"]) or "none chosen yet"
        parts.append(f"<p><b>{escape(item['title'])}</b>: {escape(listed)}</p>")
    if not p["evidence"]:
        parts.append("<p>No other evidence chosen.</p>")
    if p["elsewhere"]:
        parts.append("<h3>Recorded outside this app</h3><ul>")
        parts += [f"<li>{escape(t)}</li>" for t in p["elsewhere"]]
        parts.append("</ul>")
    parts.append("<h3>Sources of these requirements</h3><ul>")
    parts += [
        f"<li>{escape(s['title'])}: {escape(s['url'])} (checked {escape(s['checked'])})</li>" for s in p["sources"]
    ]
    parts.append("</ul>")
    for i, form in enumerate(p.get("forms", []), 6):
        parts.append(f"<h2{BREAK}>{i}. {escape(form['title'])}: sign-off</h2>")
        parts.append(f"<p>For {escape(p['name'])}, cycle {escape(p['start'])} to {escape(p['end'])}.</p>")
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='10' width='100%'>"
            + "".join(f"<tr><th align='left' width='40%'>{escape(f)}</th><td>&nbsp;</td></tr>" for f in form["fields"])
            + "</table>"
        )
    return "<html><body>" + "\n".join(parts) + "</body></html>"
