"""Answers recorded as check_attempt records, and the completion rule applied (#21)."""

import itertools

import pytest

from trainer.content import load_content
from trainer.records.schemas import problem
from trainer.records.store import memory_store
from trainer.services.checks import CHECK_ATTEMPT, CheckService
from trainer.services.progress import BY_CHECK, BY_HAND, PROGRESS, ProgressService


@pytest.fixture
def setup(sample_course):
    ticks = itertools.count()
    store = memory_store(clock=lambda: f"2026-03-01T10:00:{next(ticks) % 60:02d}+00:00")
    course = load_content(sample_course).course
    progress = ProgressService(store, "me")
    return store, course, progress, CheckService(store, course, progress)


def right_answer(q):
    if q.kind in ("single", "mi-consistent", "multiple"):
        return [i for i, o in enumerate(q.options) if o.correct]
    if q.kind == "order":
        return list(range(len(q.items)))
    return "close"


def wrong_answer(q):
    if q.kind in ("single", "mi-consistent", "multiple"):
        return [next(i for i, o in enumerate(q.options) if not o.correct)]
    if q.kind == "order":
        return list(reversed(range(len(q.items))))
    return "missed"


def test_an_answer_is_a_valid_check_attempt_record(setup):
    store, course, _progress, checks = setup
    module = course.module("activation")
    q = module.questions[1]  # level-one, single choice
    done = checks.submit(module, q, [2], seconds=12.34)
    rec = done.record
    assert (rec["module"], rec["question"], rec["card"], rec["attempt"]) == (
        "activation",
        "level-one",
        "activation#level-one",
        1,
    )
    assert rec["answer"] == [2] and rec["correct"] is False and rec["seconds"] == 12.3
    assert rec["response"] == q.options[2].text and rec["profile"] == "me" and rec["created"]
    assert problem(CHECK_ATTEMPT, rec) is None
    again = checks.submit(module, q, [0], seconds=5)
    assert again.record["attempt"] == 2 and again.correct is True
    assert [r["attempt"] for r in store.all(CHECK_ATTEMPT)] == [1, 2]


def test_free_text_keeps_the_typed_words_and_needs_a_rating(setup):
    _store, course, _progress, checks = setup
    module = course.module("importance-confidence")
    q = next(q for q in module.questions if q.kind == "free-text")
    with pytest.raises(ValueError, match="rate your answer"):
        checks.submit(module, q, None, text="my words")
    rec = checks.submit(module, q, "partly", text="  A partnership  ").record
    assert rec["response"] == "A partnership" and rec["rating"] == "partly" and rec["correct"] is False


def test_a_question_from_another_module_is_refused(setup):
    _store, course, _progress, checks = setup
    with pytest.raises(ValueError, match="not part of the module"):
        checks.submit(course.module("activation"), course.module("fixer-to-guide").questions[0], [0])


def test_done_by_the_check_needs_the_end_and_the_pass(setup):
    store, course, progress, checks = setup
    module = course.module("activation")
    first, *rest = module.questions
    checks.submit(module, first, wrong_answer(first))
    for q in rest:
        checks.submit(module, q, right_answer(q))
    assert checks.result(module).text() == "2 of 3 right, pass mark 80%: 3 needed to pass"
    assert not progress.progress(module.id).done
    last = checks.submit(module, first, right_answer(first))  # right on the second try
    assert last.result.passed and not last.became_done  # not read to the end yet
    assert not progress.progress(module.id).done
    after = checks.reach_end(module)
    assert after.done and after.done_by == BY_CHECK and after.counted
    assert progress.counted_ids() == {"activation"} == progress.done_ids()
    assert problem(PROGRESS, store.find_one(PROGRESS, module="activation")) is None


def test_answering_after_reaching_the_end_completes_the_module(setup):
    _store, course, progress, checks = setup
    module = course.module("fixer-to-guide")
    progress.save_position(module.id, 0.99)  # scrolled to the end
    results = [checks.submit(module, q, right_answer(q)) for q in module.questions]
    assert [r.became_done for r in results] == [False, False, True]
    assert progress.progress(module.id).done_by == BY_CHECK


def test_pass_mark_comes_from_the_course(setup):
    _store, course, progress, checks = setup
    course.check_pass_mark = 0.6
    module = course.module("fixer-to-guide")
    checks.reach_end(module)
    q1, q2, _q3 = module.questions
    checks.submit(module, q1, right_answer(q1))
    assert not progress.progress(module.id).done
    assert checks.submit(module, q2, right_answer(q2)).became_done  # 2 of 3 >= 60%


def test_hand_marks_are_recorded_as_such_and_not_counted(setup):
    store, course, progress, checks = setup
    module = course.module("activation")
    hand = progress.set_done(module.id, True)
    assert hand.done and hand.done_by == BY_HAND and not hand.counted
    assert progress.done_ids() == {"activation"} and progress.counted_ids() == set()
    checks.reach_end(module)
    for q in module.questions:
        checks.submit(module, q, right_answer(q))
    now = progress.progress(module.id)
    assert now.done_by == BY_CHECK and progress.counted_ids() == {"activation"}
    assert progress.set_done(module.id, True).done_by == BY_CHECK  # a later tick by hand keeps the check
    assert store.find_one(PROGRESS, module="activation")["done_by"] == BY_CHECK


def test_a_module_without_questions_is_done_by_reaching_its_end(tmp_path):
    (tmp_path / "01-a.md").write_text("---\ntitle: A\n---\nJust text.\n", encoding="utf-8")
    store = memory_store()
    course = load_content(tmp_path).course
    progress = ProgressService(store)
    module = course.modules[0]
    assert CheckService(store, course, progress).reach_end(module).done_by == BY_CHECK


def test_older_progress_records_count_as_marked_by_hand():
    store = memory_store()
    store.add(PROGRESS, {"profile": "me", "module": "m", "done": True, "done_at": "2025-01-01T00:00:00+00:00"})
    progress = ProgressService(store, "me").progress("m")
    assert progress.done and progress.done_by == BY_HAND and not progress.counted


def test_scrolling_to_the_end_is_reaching_it():
    store = memory_store()
    progress = ProgressService(store)
    progress.save_position("m", 0.5)
    assert not progress.progress("m").reached_end
    progress.save_position("m", 0.98)
    progress.save_position("m", 0.1)  # scrolling back up does not undo it
    assert progress.progress("m").reached_end


def test_schema_refuses_a_bad_attempt_and_done_by():
    good = {"uid": "u", "module": "m", "question": "q", "attempt": 1, "answer": [0], "correct": True, "seconds": 3}
    assert problem(CHECK_ATTEMPT, good) is None
    assert problem(CHECK_ATTEMPT, {**good, "attempt": 0}) is not None
    assert problem(CHECK_ATTEMPT, {**good, "seconds": -1}) is not None
    assert problem(CHECK_ATTEMPT, {**good, "correct": "yes"}) is not None
    assert problem(CHECK_ATTEMPT, {**good, "answer": {"a": 1}}) is not None
    assert problem(PROGRESS, {"uid": "u", "module": "m", "done_by": "robot"}) is not None
