"""Render a portfolio (from ``build_portfolio``) as HTML or Markdown.

HTML comes from one jinja2 template (autoescape, StrictUndefined). With
``for_print=True`` it uses the CSS subset QTextDocument understands, for the
PDF made in ``trainer/printing/``.
"""

from __future__ import annotations

from functools import lru_cache

import jinja2
from markupsafe import Markup, escape

from trainer.domain.durations import hours_text

# A line under each section heading that tells a reader (an appraiser) what
# they are looking at.
INTROS = {
    "modules": "Course modules completed in this period. The time is each module's stated "
    "length and counts towards the CPD total.",
    "sessions": "Team training sessions led or attended in this period; their planned length "
    "counts towards the CPD total.",
    "reflections": "Reflective accounts written by the learner, in their own words.",
    "ratings": "Each skill is rated 0 (not done), 1 (partly) or 2 (done well), or marked not "
    "applicable; the global scores go from 1 to 5.",
    "goals": "Personal goals the learner set themselves, practising what they teach, with the check-ins recorded.",
    "scenarios": "Paired scenarios practised: responses written at key moments, and skill-spotting "
    "rounds with how often the skills spotted matched the expected ones.",
    "reviews": "Questions from finished modules answered again on a spaced schedule (FSRS): choice and "
    "order questions are marked by the app; written answers are rated by the learner against a model answer.",
}


def paragraphs(text: str) -> Markup:
    """A person's plain text as HTML paragraphs: blank lines split, newlines break."""
    blocks = [b.strip() for b in str(text or "").replace("\r\n", "\n").split("\n\n")]
    return Markup("\n").join(
        Markup("<p>") + Markup("<br>").join(escape(line) for line in b.split("\n")) + Markup("</p>")
        for b in blocks
        if b
    )


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("trainer.export", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["paragraphs"] = paragraphs
    env.globals["hours"] = lambda minutes: _nb(hours_text(minutes))
    env.filters["nb"] = _nb
    env.globals["intros"] = INTROS
    return env


def _nb(text: str) -> str:
    """Keep "1 h 30 min" on one line: no break between a number and its unit."""
    return str(text).replace(" h", "\u00a0h").replace(" min", "\u00a0min")


def portfolio_html(portfolio: dict, for_print: bool = False, pages: dict | None = None) -> str:
    """``pages`` (section key -> page number) adds page numbers to the contents."""
    return _env().get_template("portfolio.html.j2").render(p=portfolio, for_print=for_print, pages=pages or {})


# -- Markdown -----------------------------------------------------------------------------
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|"})


def md_escape(text) -> str:
    """Escape a person's text so Markdown shows it as written."""
    return str(text or "").translate(_MD_SPECIAL)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    def cell(v) -> str:
        return md_escape(v).replace("\n", " ")

    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return out + [""]


def _text_block(text: str) -> list[str]:
    blocks = [b.strip() for b in str(text).replace("\r\n", "\n").split("\n\n") if b.strip()]
    return ["\n\n".join("  \n".join(md_escape(line.rstrip()) for line in b.split("\n")) for b in blocks), ""]


def _md_section(s: dict) -> list[str]:
    out: list[str] = []
    items = s["items"]
    if s["key"] == "modules":
        out += [
            f"{len(items)} module{'s' if len(items) != 1 else ''} completed, "
            f"{hours_text(s.get('minutes', 0))} of study"
            + (f" ({s['by_hand']} marked done by hand, not counted)." if s.get("by_hand") else "."),
            "",
        ]
        out += _table(
            ["Date completed", "Module", "Time"],
            [
                [
                    m["date_text"],
                    m["title"]
                    + (f" ({m['check']['text']})" if m.get("check") else "")
                    + (" (marked done by hand)" if m.get("done_by") == "hand" else ""),
                    hours_text(m["minutes"]) if m["minutes"] and m.get("done_by") == "check" else "-",
                ]
                for m in items
            ],
        )
    elif s["key"] == "sessions":
        out += _table(
            ["Date", "Session", "Role", "Length"],
            [
                [
                    t["date_text"],
                    t["title"] + (f" ({t['team']})" if t["team"] else ""),
                    t["role"],
                    hours_text(t["minutes"]) if t["minutes"] else "-",
                ]
                for t in items
            ],
        )
    elif s["key"] == "reflections":
        if s.get("drafts_left_out"):
            n = s["drafts_left_out"]
            out += [f"_{n} draft reflection{'s' if n != 1 else ''} not included._", ""]
        for r in items:
            meta = " · ".join(
                x
                for x in (
                    r["date_text"],
                    r["template_name"],
                    r["link"],
                    f"Tags: {', '.join(r['tags'])}" if r["tags"] else "",
                )
                if x
            )
            out += [f"### {md_escape(r['title'])}", "", f"_{md_escape(meta)}_", ""]
            for part in r["parts"]:
                out += [f"#### {md_escape(part['heading'])}", ""] + _text_block(part["text"])
    elif s["key"] == "ratings":
        for c in s.get("comparisons", []):
            out += [f"### Self and observer compared, {c['date_text']}", ""]
            out += _table(
                ["Skill", "Self", md_escape(c["observer"]), "Differ"],
                [[r["name"], r["self"], r["observer"], "yes" if r["differ"] else ""] for r in c["rows"]],
            )
        for a in items:
            out += [f"### {md_escape(a['rater'])}, {a['date_text']}", ""]
            if a["context"]:
                out += [md_escape(a["context"]), ""]
            out += [
                f"Done well: {a['done_well']} of {a['rated']} rated; score {a['score']} out of {a['score_max']}.",
                "",
            ]
            out += _table(
                ["Skill", "Rating", "Notes"],
                [
                    [
                        k["name"],
                        (f"{k['rating']} - " if k["rating"] is not None else "") + k["label"],
                        "; ".join(f"{n['label']}: {n['text']}" for n in k["notes"]),
                    ]
                    for k in a["skills"]
                ],
            )
            if a["globals"]:
                out += ["; ".join(f"{g['name']}: {g['value']} out of {g['max']}" for g in a["globals"]), ""]
            if a["notes"]:
                out += ["#### Notes", ""] + _text_block(a["notes"])
    elif s["key"] == "goals":
        for g in items:
            out += [
                f"### {md_escape(g['title'])}",
                "",
                f"_Set {g['date_text']}"
                + (f" · {g['status']}" if g["status"] else "")
                + (f" · Importance {int(g['importance'])}/10" if g["importance"] is not None else "")
                + (f" · Confidence {int(g['confidence'])}/10" if g["confidence"] is not None else "")
                + "_",
                "",
            ]
            if g["plan"]:
                out += _text_block(g["plan"])
            if g["checkins"]:
                out += _table(
                    ["Check-in", "Progress", "Confidence", "Note"],
                    [
                        [
                            c["date_text"],
                            c["progress"],
                            "" if c["confidence"] is None else str(int(c["confidence"])),
                            c["note"],
                        ]
                        for c in g["checkins"]
                    ],
                )
    elif s["key"] == "scenarios":
        out += _table(
            ["Last practised", "Scenario", "Responses written", "Skill-spotting"],
            [
                [
                    a["date_text"],
                    a["title"],
                    str(a["responses"]),
                    (
                        f"{a['rounds']} round(s)"
                        + (f", {a['agreement']}% agreement" if a["agreement"] is not None else "")
                    )
                    if a["rounds"]
                    else "-",
                ]
                for a in items
            ],
        )
    else:
        out += [f"- {md_escape(i.get('title') or i.get('uid', ''))}" for i in items] + [""]
    return out


def portfolio_markdown(p: dict) -> str:
    out = [f"# {p['title']}", "", md_escape(p["course"]), ""]
    if p["name"]:
        out.append(f"- **Name:** {md_escape(p['name'])}")
    out += [
        f"- **Period:** {p['period']['text']}",
        f"- **Produced:** {p['generated_text']} (Practitioner Trainer {p['app_version']})",
        f"- **CPD time:** {p['cpd_hours_text']}"
        + (" (" + "; ".join(f"{c['title']}: {c['text']}" for c in p["cpd_parts"]) + ")" if p["cpd_parts"] else ""),
        "",
    ]
    if not p["sections"]:
        out += ["Nothing was recorded in this period for the sections chosen.", ""]
    for i, s in enumerate(p["sections"], 1):
        out += [f"## {i}. {s['title']}", ""]
        if s["key"] in INTROS:
            out += [f"_{INTROS[s['key']]}_", ""]
        out += _md_section(s)
    return "\n".join(out).rstrip() + "\n"
