"""HTML, Markdown, CSV and xAPI made from a realistic demo data set."""

import csv
import io
import json
import uuid
from pathlib import Path

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.content import load_content
from trainer.export.documents import md_escape, portfolio_html, portfolio_markdown
from trainer.export.period import Period
from trainer.export.portfolio import build_portfolio
from trainer.export.spreadsheet import RATING_COLUMNS, progress_csv, ratings_csv
from trainer.export.xapi import VERBS, record_of, statement_id, xapi_statements
from trainer.records.store import memory_store
from trainer.tools.demo_export import fill_demo, with_demo_plan

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def content():
    return with_demo_plan(load_content(ROOT / "tests" / "fixtures" / "sample-course"))


@pytest.fixture
def demo():
    store = memory_store()
    fill_demo(store)
    return store


@pytest.fixture
def portfolio(demo, content):
    return build_portfolio(demo, "default", content, now="2026-03-31T12:00:00+00:00")


def test_html_has_every_section_and_escapes_what_people_type(portfolio):
    html = portfolio_html(portfolio)
    for title in (
        "Modules completed",
        "Team sessions",
        "Reflections",
        "Skill ratings",
        "Personal goals",
        "3\u00a0h 35\u00a0min",
        "31 March 2026",
        "Letting Mr Ellery set the agenda",
    ):
        assert title in html
    assert "&lt;even when busy&gt;" in html and "<even when busy>" not in html
    assert (
        html.index("What happened")
        < html.index("What you learned")
        < html.index("How you changed")
        < html.index("How this relates to the Code")
    )


def test_print_html_breaks_pages_between_sections(portfolio):
    html = portfolio_html(portfolio, for_print=True)
    assert "page-break-before: always" in html
    assert html.count('<div class="section">') == len(portfolio["sections"])


def test_markdown_portfolio(portfolio):
    md = portfolio_markdown(portfolio)
    assert md.startswith("# Continuing professional development portfolio\n")
    assert "- **CPD time:** 3 h 35 min" in md
    assert "| 3 March 2026 | Agenda setting and asking before advising | 30 min |" in md
    assert "## 3. Reflections" in md and "#### How this relates to the Code" in md
    assert "\\<even when busy\\>" in md
    assert md_escape("a|b *c*") == "a\\|b \\*c\\*"


def test_progress_csv_parses_with_iso_dates_and_uids(demo, content):
    rows = list(csv.DictReader(io.StringIO(progress_csv(demo, "default", content))))
    assert [r["module_id"] for r in rows][:2] == ["what-is-sms", "fixer-to-guide"]
    done = rows[0]
    assert done["done_date"] == "2026-01-12" and done["duration_minutes"] == "20"
    assert done["record_uid"] == "00000000-0000-4000-8000-000000000001" and done["status"] == "done"
    started = rows[-1]
    assert started["status"] == "started" and started["done_date"] == "" and started["position_percent"] == "40"


def test_ratings_csv_has_one_row_per_item_rating(demo, content):
    text = ratings_csv(demo, "default", content)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == RATING_COLUMNS
    # self: 7 skills + 2 globals; observer: 7 skills + 2 globals
    assert len(rows) == 18
    assert len({r["row_id"] for r in rows}) == 18
    na = next(r for r in rows if r["kind"] == "self_assessment" and r["item_id"] == "summaries")
    assert na["rating"] == "" and na["rating_label"] == "Not applicable" and na["date"] == "2026-02-20"
    observer = [r for r in rows if r["kind"] == "observation"]
    assert {r["rated_by"] for r in observer} == {"Priya (triad partner)"}
    glob = next(r for r in observer if r["item_id"] == "empathy")
    assert glob["item_type"] == "global" and glob["rating"] == "4" and glob["scale_max"] == "5"


def test_csv_respects_the_period(demo, content):
    rows = list(csv.DictReader(io.StringIO(ratings_csv(demo, "default", content, Period.parse("2026-03-01", None)))))
    assert rows == []


def test_xapi_statements_validate_against_ralph_models(demo, content):
    statements = xapi_statements(demo, "default", content)
    for st in statements:
        BaseXapiStatement.model_validate(st)
    verbs = [st["verb"]["id"] for st in statements]
    assert verbs.count(VERBS["completed"]) == 5
    assert verbs.count(VERBS["experienced"]) == 6
    assert verbs.count(VERBS["attempted"]) == 2  # a written response and a skill-spotting round
    assert verbs.count(VERBS["authored"]) == 2  # the draft is not sent
    assert verbs.count(VERBS["scored"]) == 2
    json.dumps(statements)  # plain JSON


def test_xapi_ids_are_stable_uuid5_and_unique(demo, content):
    first = xapi_statements(demo, "default", content)
    again = xapi_statements(demo, "default", content)
    assert [s["id"] for s in first] == [s["id"] for s in again]
    assert len({s["id"] for s in first}) == len(first)
    assert all(uuid.UUID(s["id"]).version == 5 for s in first)
    key = "progress:00000000-0000-4000-8000-000000000001:completed"
    done = next(s for s in first if record_of(s) == key)  # the record each statement stands for
    assert done["id"] == statement_id(*record_of(done).split(":"), done)  # the record and the content


def test_xapi_results_carry_scores_and_keep_reflection_text_private(demo, content):
    statements = xapi_statements(demo, "default", content)
    observed = next(s for s in statements if s["object"]["definition"]["name"]["en-GB"].startswith("Observed practice"))
    assert observed["result"]["score"] == {"raw": 8, "min": 0, "max": 14, "scaled": round(8 / 14, 4)}
    assert observed["context"]["instructor"]["name"] == "Priya (triad partner)"
    spot = next(s for s in statements if s["verb"]["id"] == VERBS["attempted"] and "score" in s.get("result", {}))
    assert spot["result"]["score"] == {"raw": 3, "min": 0, "max": 4, "scaled": 0.75}
    assert "focus on today" not in json.dumps(statements)  # written responses stay private too
    assert "list aside" not in json.dumps(statements)


def test_xapi_respects_period_and_profile(demo, content):
    march = xapi_statements(demo, "default", content, Period.parse("2026-03-01", "2026-03-31"))
    assert {s["timestamp"][:7] for s in march} == {"2026-03"}
    assert xapi_statements(demo, "nobody", content) == []
