"""The portfolio's sections: what each finds, for which period, and how much CPD time."""

from pathlib import Path

import pytest

from trainer.content import load_content
from trainer.domain.durations import hours_text
from trainer.export.period import Period, PeriodError, day_of
from trainer.export.portfolio import build_portfolio, section_choices
from trainer.export.registry import ExportContext, collect_section
from trainer.export.sections_records import nmc_order
from trainer.records.store import memory_store
from trainer.tools.demo_export import fill_demo, with_demo_plan


@pytest.fixture(scope="module")
def content(request):

    return with_demo_plan(load_content(Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "sample-course"))


@pytest.fixture
def demo():
    store = memory_store()
    fill_demo(store)
    return store


def keys(portfolio):
    return [s["key"] for s in portfolio["sections"]]


def test_every_section_is_found_in_document_order(demo, content):
    p = build_portfolio(demo, "default", content)
    assert keys(p) == ["modules", "sessions", "reflections", "ratings", "goals", "scenarios"]
    assert [k for k, _t, _d in section_choices()][:6] == keys(p)


def test_cpd_hours_add_module_durations_and_session_lengths(demo, content):
    p = build_portfolio(demo, "default", content)
    modules = next(s for s in p["sections"] if s["key"] == "modules")
    # five bundled modules done: 20 + 25 + 25 + 25 + 30 minutes; one 90-minute session
    assert [m["minutes"] for m in modules["items"]] == [20, 25, 25, 25, 30]
    assert p["cpd_minutes"] == 125 + 90 and p["cpd_hours_text"] == "3 h 35 min"
    assert [part["minutes"] for part in p["cpd_parts"]] == [125, 90]


def test_period_limits_every_section(demo, content):
    p = build_portfolio(demo, "default", content, Period.parse("2026-02-01", "2026-02-28"))
    modules = next(s for s in p["sections"] if s["key"] == "modules")
    assert [m["module"] for m in modules["items"]] == ["activation", "closed-doors"]
    reflections = next(s for s in p["sections"] if s["key"] == "reflections")
    assert [r["title"] for r in reflections["items"]] == ["Practice round: the diabetes review pair"]
    goals = next(s for s in p["sections"] if s["key"] == "goals")
    # the goal was set in January but checked in during February: it shows, with that check-in only
    assert [c["date"] for c in goals["items"][0]["checkins"]] == ["2026-02-04"]
    assert p["cpd_minutes"] == 50 + 90


def test_period_is_inclusive_and_rejects_bad_dates():
    period = Period.parse("2026-03-03", "2026-03-03")
    assert period.contains("2026-03-03T23:59:00+00:00") and not period.contains("2026-03-04")
    with pytest.raises(PeriodError, match="2026-02-30"):
        Period.parse("2026-02-30", None)
    with pytest.raises(PeriodError, match="after"):
        Period.parse("2026-04-01", "2026-03-01")
    assert day_of("not a date") is None and not period.contains(None) and Period().contains(None)


def test_only_chosen_sections_and_only_this_profile(demo, content):
    demo.import_record(
        "progress",
        {"uid": "x", "profile": "jo", "module": "activation", "done": True, "done_at": "2026-02-01T10:00:00+00:00"},
    )
    p = build_portfolio(demo, "default", content, include=["modules", "goals"])
    assert keys(p) == ["modules", "goals"]
    assert len(p["sections"][0]["items"]) == 5
    jo = build_portfolio(demo, "jo", content)
    # Jo's record is from before knowledge checks: marked by hand, listed, not counted as study time.
    assert keys(jo) == ["modules"] and jo["cpd_minutes"] == 0
    assert jo["sections"][0]["by_hand"] == 1 and jo["sections"][0]["minutes_by_hand"] == 25
    demo.update("progress", "x", {"done_by": "check"})
    assert build_portfolio(demo, "jo", content)["cpd_minutes"] == 25


def test_drafts_are_left_out_and_counted(demo, content):
    p = build_portfolio(demo, "default", content, include=["reflections"])
    section = p["sections"][0]
    assert section["drafts_left_out"] == 1
    assert "Half-written thoughts" not in [r["title"] for r in section["items"]]


def test_nmc_accounts_follow_the_form_order(demo, content):
    p = build_portfolio(demo, "default", content, include=["reflections"])
    nmc = p["sections"][0]["items"][0]
    assert nmc["is_nmc"]
    assert [part["heading"] for part in nmc["parts"]] == [
        "What happened",
        "What you learned",
        "How you changed or will change your practice",
        "How this relates to the Code",
    ]
    assert nmc["link"] == "Module: From fixer to guide: the practitioner's role"
    code = nmc["parts"][-1]["text"]
    assert code == "Prioritise people; Practise effectively"  # the ticked themes, by their labels


def test_nmc_order_keeps_unknown_parts_after_the_form():
    parts = nmc_order(
        {
            "extra_thoughts": "e",
            "relates_to_code": "c",
            "event": "a",
            "learning": "b",
            "empty": "  ",
            "practice_change": "d",
        }
    )
    assert [k for k, _h, _t in parts] == ["event", "learning", "practice_change", "relates_to_code", "extra_thoughts"]


def test_sections_with_no_records_are_left_out(content):
    p = build_portfolio(memory_store(), "default", content)
    assert p["sections"] == [] and p["cpd_minutes"] == 0 and p["cpd_hours_text"] == "0 min"


def test_odd_or_missing_fields_do_not_stop_an_export(content):
    store = memory_store()
    store.add("reflection", {"profile": "default", "sections": "not a dict"})
    store.add("reflection", {"profile": "default", "title": "Only a title", "sections": {"a": None}})
    store.add(
        "self_assessment",
        {"profile": "default", "ratings": [{"skill": "permission", "rating": 2}, {"skill": "summaries", "rating": 7}]},
    )
    store.add("observation", {"profile": "default"})  # nothing rated: left out
    store.add("goal", {"profile": "default"})
    store.add("goal_checkin", {"profile": "default", "goal": 42})
    store.add("team_session", {"profile": "default", "duration_minutes": "forty"})
    store.add("progress", {"profile": "default", "module": "gone-module", "done": True})
    p = build_portfolio(store, "default", content)
    by_key = {s["key"]: s for s in p["sections"]}
    assert [r["title"] for r in by_key["reflections"]["items"]] == ["Only a title"]
    rated = by_key["ratings"]["items"]
    # 7 is no rating: that item counts as not rated yet
    assert len(rated) == 1 and [(k["id"], k["rating"]) for k in rated[0]["skills"]] == [("permission", 2)]
    assert by_key["goals"]["items"][0]["title"] == "Goal"
    assert by_key["sessions"]["items"][0]["minutes"] == 0
    assert by_key["modules"]["items"][0]["title"] == "gone-module"


def test_without_content_sections_use_ids(demo):
    ctx = ExportContext(demo, "default")
    modules = collect_section("modules", ctx)
    assert modules["items"][0]["title"] == "what-is-sms" and modules["minutes"] == 0
    assert collect_section("no-such-section", ctx) is None


def test_hours_text():
    assert [hours_text(m) for m in (0, 45, 60, 215)] == ["0 min", "45 min", "1 h", "3 h 35 min"]


def test_reflections_follow_their_template_whatever_the_stored_key_order(content):
    store = memory_store()
    store.add(
        "reflection",
        {
            "profile": "default",
            "template": "rolfe",
            "title": "R",
            "sections": {"now-what": "c", "so-what": "b", "what": "a", "extra": "x"},
        },
    )
    items = build_portfolio(store, "default", content, include=["reflections"])["sections"][0]["items"]
    assert [(p["heading"], p["text"]) for p in items[0]["parts"]] == [
        ("What?", "a"),
        ("So what?", "b"),
        ("Now what?", "c"),
        ("Extra", "x"),
    ]
    assert items[0]["template_name"] == "What? So what? Now what?"


def test_without_the_course_templates_rolfe_and_gibbs_keep_their_usual_order():
    store = memory_store()
    store.add(
        "reflection",
        {
            "profile": "default",
            "template": "rolfe",
            "title": "R",
            "sections": {"now_what": "c", "so_what": "b", "what": "a"},
        },
    )
    store.add(
        "reflection",
        {
            "profile": "default",
            "template": "gibbs",
            "title": "G",
            "sections": {
                "action_plan": "f",
                "analysis": "d",
                "conclusion": "e",
                "description": "a",
                "evaluation": "c",
                "feelings": "b",
                "zz_extra": "g",
            },
        },
    )
    items = build_portfolio(store, "default", None, include=["reflections"])["sections"][0]["items"]
    rolfe, gibbs = sorted(items, key=lambda i: i["title"], reverse=True)
    assert [(p["heading"], p["text"]) for p in rolfe["parts"]] == [
        ("What?", "a"),
        ("So what?", "b"),
        ("Now what?", "c"),
    ]
    assert [p["text"] for p in gibbs["parts"]] == list("abcdefg")
    assert gibbs["parts"][-1]["heading"] == "Zz extra"


def test_binned_reflections_are_never_exported(demo, content):
    p = build_portfolio(demo, "default", content, include=["reflections"])
    assert "Thrown away" not in [r["title"] for r in p["sections"][0]["items"]]


def test_a_named_profile_is_found_by_name_and_named_on_the_cover(content):
    from trainer.services.exports import resolve_profile

    store = memory_store()
    store.add("profiles", {"uid": "p-7", "profile": "p-7", "name": "Alex Morgan"})
    store.add(
        "progress",
        {
            "profile": "p-7",
            "module": "activation",
            "done": True,
            "done_at": "2026-02-01T10:00:00+00:00",
            "done_by": "check",
        },
    )
    assert resolve_profile(store, "alex morgan") == "p-7"
    p = build_portfolio(store, "p-7", content)
    assert p["name"] == "Alex Morgan" and p["cpd_minutes"] == 25


def test_self_and_observer_ratings_of_the_same_day_are_compared(demo, content):
    ratings = build_portfolio(demo, "default", content, include=["ratings"])["sections"][0]
    (compared,) = ratings["comparisons"]
    rows = {r["name"]: r for r in compared["rows"]}
    assert compared["observer"] == "Priya (triad partner)"
    assert (rows["Elicit, provide, elicit"]["self"], rows["Elicit, provide, elicit"]["observer"]) == ("0", "1")
    assert rows["Elicit, provide, elicit"]["differ"] and not rows["Sets the agenda together"]["differ"]
    assert (rows["Summarises"]["self"], rows["Summarises"]["differ"]) == ("n/a", False)
    assert compared["differences"] == 3


def test_a_session_without_a_known_length_is_listed_but_adds_no_time(demo, content):
    uid = demo.all("team_session")[0]["uid"]
    demo.update("team_session", uid, {"plan_id": "a-plan-since-removed"})
    p = build_portfolio(demo, "default", content)
    sessions = next(s for s in p["sections"] if s["key"] == "sessions")
    assert sessions["items"][0]["minutes"] == 0 and p["cpd_minutes"] == 125
    assert [part["title"] for part in p["cpd_parts"]] == ["Modules completed"]


def test_the_session_length_comes_from_the_course_plan(demo, sample_course):
    from trainer.content import load_content as load

    real = load(sample_course)
    plan = next(p for p in real.plans if p.id == "taster-90")
    p = build_portfolio(demo, "default", real, include=["sessions"])
    assert p["sections"][0]["items"][0]["minutes"] == plan.total_minutes == p["cpd_minutes"]


def test_without_a_name_the_last_used_profile_is_exported():
    from trainer.services.exports import resolve_profile

    store = memory_store()
    assert resolve_profile(store, None) == "default"
    store.add(
        "profiles",
        {"uid": "a", "profile": "a", "name": "Bea", "last_used": "2026-01-01T00:00:00+00:00", "use_order": 1},
    )
    store.add(
        "profiles", {"uid": "b", "profile": "b", "name": "Al", "last_used": "2026-01-01T00:00:00+00:00", "use_order": 2}
    )
    store.add("profiles", {"uid": "c", "profile": "c", "name": "Cy"})
    assert resolve_profile(store, None) == "b"


def test_an_observers_note_from_a_feedback_bundle_reaches_the_portfolio(content):
    from trainer.export.documents import portfolio_html

    store = memory_store()
    store.add(
        "observation",
        {
            "profile": "default",
            "date": "2026-03-10",
            "observer": "Sam Okafor",
            "learner": "Alex Morgan",
            "items": {"agenda-setting": {"rating": 2}},
            "note": "Asked for their list first.",
        },
    )
    portfolio = build_portfolio(store, "default", content, include=["ratings"])
    (item,) = portfolio["sections"][0]["items"]
    assert item["notes"] == "Asked for their list first."
    assert "Asked for their list first." in portfolio_html(portfolio)
