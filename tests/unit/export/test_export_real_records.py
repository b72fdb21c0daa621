"""Records made by the app's own services export completely: no field is lost on the way."""

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from ralph.models.xapi.base.statements import BaseXapiStatement

from trainer.content import load_content
from trainer.export.backup import export_backup, restore
from trainer.export.documents import portfolio_html, portfolio_markdown
from trainer.export.portfolio import build_portfolio
from trainer.export.spreadsheet import ratings_csv
from trainer.export.xapi import xapi_statements
from trainer.records.store import memory_store
from trainer.services.goals import GoalService
from trainer.services.journal import JournalService
from trainer.services.progress import ProgressService
from trainer.services.ratings import RatingsService
from trainer.services.scenario_practice import ScenarioPracticeService

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "tests" / "fixtures" / "sample-course")


@pytest.fixture
def made(content):
    """A learner's month, made through the services the app uses."""
    store = memory_store(clock=lambda: "2026-03-10T09:00:00+00:00")
    ProgressService(store).set_done("goal-setting", True)
    journal = JournalService(store, "default", content.templates, today=lambda: date(2026, 3, 10))
    nmc = journal.create(
        "nmc-reflective-account", {"kind": "module", "module": "goal-setting"}, title="Shrinking a plan until it fits"
    )
    journal.save(
        nmc["uid"],
        {
            "sections": {
                "what-happened": "I used an action plan in clinic.",
                "what-learned": "Confidence below 7 means shrink the plan.",
                "changed-practice": "I ask the confidence question every time.",
            },
            "ticks": {"code-themes": ["practise-effectively"]},
        },
    )
    journal.finish(nmc["uid"])
    draft = journal.create("gibbs", title="Not ready")
    journal.save(draft["uid"], {"sections": {"description": "Later."}})
    goals = GoalService(store, "default", today=lambda: date(2026, 3, 10))
    goal = goals.create(
        "Swim on Saturdays",
        7,
        8,
        {"what": "Swim 20 lengths", "when": "Saturday 9am", "where": "Leisure centre", "how_often": "Weekly"},
    )
    goals.check_in(goal["uid"], "partly", note="Went once", barriers="Pool closed", confidence=6)
    ratings = RatingsService(store, content.framework)
    ratings.save_self_assessment(
        {
            "date": "2026-03-10",
            "items": {"own-goal": {"rating": 2, "note": "Let her choose"}, "plan-confidence": {"rating": "na"}},
            "globals": {"partnership": 4, "empathy": None},
        }
    )
    ratings.save_observation(
        {
            "date": "2026-03-10",
            "observer": "Ade",
            "learner": "Me",
            "items": {"own-goal": {"rating": 1, "alternative": "Ask what she wants first"}},
            "globals": {},
        }
    )
    scenario = content.scenarios[0]
    ScenarioPracticeService(store).save_attempt(scenario.id, scenario.moments[0].id, "What matters most today?")
    return store


def test_portfolio_shows_what_the_services_stored(made, content):
    p = build_portfolio(made, "default", content)
    by_key = {s["key"]: s for s in p["sections"]}
    assert set(by_key) == {"modules", "reflections", "ratings", "goals", "scenarios"}
    nmc = by_key["reflections"]["items"][0]
    assert [part["heading"] for part in nmc["parts"]] == [
        "What happened",
        "What you learned",
        "How you changed or will change your practice",
        "How this relates to the Code",
    ]
    assert nmc["parts"][-1]["text"] == "Practise effectively"
    assert nmc["link"] == f"Module: {content.course.module('goal-setting').title}"
    assert by_key["reflections"]["drafts_left_out"] == 1
    self_rating, observed = by_key["ratings"]["items"]
    assert [(k["id"], k["rating"], k["na"]) for k in self_rating["skills"]] == [
        ("own-goal", 2, False),
        ("plan-confidence", None, True),
    ]
    assert self_rating["skills"][0]["notes"] == [{"label": "Note", "text": "Let her choose"}]
    assert [g["id"] for g in self_rating["globals"]] == ["partnership"]
    assert observed["rater"] == "Observed by Ade"
    assert observed["skills"][0]["notes"][0]["text"] == "Ask what she wants first"
    goal = by_key["goals"]["items"][0]
    assert goal["title"] == "Swim on Saturdays" and "When: Saturday 9am" in goal["plan"]
    assert goal["checkins"][0]["progress"] == "Partly" and "Pool closed" in goal["checkins"][0]["note"]
    assert by_key["scenarios"]["items"][0]["responses"] == 1
    html, md = portfolio_html(p), portfolio_markdown(p)
    for text in (
        "Shrinking a plan until it fits",
        "Let her choose",
        "Swim on Saturdays",
        "Practise effectively",
        "Ask what she wants first",
    ):
        assert text in html and text in md


def test_csv_xapi_and_backup_of_service_records(made, content):
    rows = list(csv.DictReader(io.StringIO(ratings_csv(made, "default", content))))
    assert sorted((r["kind"], r["item_id"], r["rating"], r["rating_label"]) for r in rows) == [
        ("observation", "own-goal", "1", "Partly"),
        ("self_assessment", "own-goal", "2", "Done well"),
        ("self_assessment", "partnership", "4", ""),
        ("self_assessment", "plan-confidence", "", "Not applicable"),
    ]
    statements = xapi_statements(made, "default", content)
    for st in statements:
        BaseXapiStatement.model_validate(st)
    assert len(statements) == 1 + 1 + 1 + 2 + 1 + 2  # opened+done module, reflection, 2 ratings, attempt, goal+check-in
    copy = memory_store()
    restore(copy, export_backup(made))
    assert export_backup(copy)["records"] == export_backup(made)["records"]
