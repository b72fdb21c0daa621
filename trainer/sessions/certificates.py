"""Certificates of attendance, as plain HTML for the A4 writer (``trainer.printing``).

Apart from the attendance file's format and its models (pydantic, about 100 ms to import), so
that the CPD section, which prints, opens without them."""

from __future__ import annotations

from html import escape

from trainer.domain.durations import hours_text


def certificates_html(files: list[dict]) -> str:
    """One certificate of attendance per page, for the A4 writer (``trainer.printing``)."""
    pages = []
    for i, data in enumerate(files):
        s, who = data["session"], data["attendee"]
        practised = [r for r in data.get("rounds", []) if r["role"] == "practitioner"]
        skills = sorted({r["skill"] for r in data.get("rounds", []) if r.get("skill")})
        brk = ' style="page-break-before: always"' if i else ""
        lines = [
            f"<h1{brk}>Certificate of attendance</h1>",
            "<p>This certifies that</p>",
            f"<h2>{escape(who['name'])}</h2>",
            f"<p>attended the team training session <b>{escape(s['title'] or s['plan_title'])}</b>"
            + (f" with {escape(s['team'])}" if s.get("team") else "")
            + f" on {escape(s['date'])}.</p>",
            "<table cellpadding='4'>",
            f"<tr><th align='left'>Length</th><td>{hours_text(s['minutes'])} of participatory learning</td></tr>",
            f"<tr><th align='left'>Practice rounds</th><td>{len(data.get('rounds', []))}, "
            f"of which {len(practised)} as practitioner</td></tr>",
        ]
        if skills:
            lines.append(f"<tr><th align='left'>Skills practised</th><td>{escape(', '.join(skills))}</td></tr>")
        lines.append(f"<tr><th align='left'>Observer feedback</th><td>{int(data.get('feedback', 0))}</td></tr>")
        if s.get("facilitator"):
            lines.append(f"<tr><th align='left'>Facilitator</th><td>{escape(s['facilitator'])}</td></tr>")
        lines += [
            "</table>",
            "<p>&nbsp;</p><p>Signed: ______________________________ &nbsp; Date: ______________</p>",
            f"<p><small>Session reference {escape(s['uid'][:8])}; the attendee's own attendance file "
            "credits this session in their CPD log.</small></p>",
        ]
        pages.append("\n".join(lines))
    return "<html><body>" + "\n".join(pages) + "</body></html>"
