"""The ```questions block: parsing, the file line of every problem, and the check-wide warnings (#21)."""

from pathlib import Path

import pytest

from trainer.domain.questions import MI_CONSISTENT, ORDER, SINGLE, SKILL_PROMPT
from trainer.modules.loader import load_course
from trainer.modules.questions import find_blocks, parse_module_questions

HEAD = "---\ntitle: A\nobjectives:\n  - one\n  - two\n---\nSome text.\n\n"  # the body starts on line 7
FENCE_LINE = 9  # the opening ```questions fence in every module below

GOOD = """\
- id: q1
  kind: single
  objective: 1
  prompt: Which?
  options:
    - text: "Yes"
      correct: true
      feedback: Because.
    - text: "No"
      feedback: Not that.
- id: q2
  kind: order
  objective: 2
  prompt: Put in order.
  items: [first, second, third]
  feedback: That is the order.
- id: q3
  kind: free-text
  objective: [1, 2]
  prompt: Say it.
  model_answer: Like this.
"""


def module(tmp_path: Path, block: str, head: str = HEAD, tail: str = "") -> Path:
    folder = tmp_path / "modules"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "01-a.md"
    path.write_text(head + "```questions\n" + block + "```\n" + tail, encoding="utf-8")
    return path


def problems(tmp_path: Path, block: str, **kw) -> list[tuple[int, str, str]]:
    module(tmp_path, block, **kw)
    return [(d.line, d.severity, d.message) for d in load_course(tmp_path).diagnostics]


def test_a_good_block_gives_questions_with_lines_and_no_problems(tmp_path):
    module(tmp_path, GOOD)
    course = load_course(tmp_path)
    assert course.diagnostics == []
    (m,) = course.modules
    assert [q.id for q in m.questions] == ["q1", "q2", "q3"]
    q1, q2, q3 = m.questions
    assert q1.kind == SINGLE and q1.line == FENCE_LINE + 1 and q1.objectives == (1,)
    assert [(o.text, o.correct, o.line) for o in q1.options] == [("Yes", True, 15), ("No", False, 18)]
    assert q2.items == ("first", "second", "third") and q2.feedback == "That is the order."
    assert q3.objectives == (1, 2) and q3.model_answer == "Like this."


def test_the_block_is_cut_from_the_body_the_reader_renders(tmp_path):
    module(tmp_path, GOOD)
    body = load_course(tmp_path).modules[0].body
    assert "Some text." in body
    assert "questions" not in body and "q1" not in body and "```" not in body


def test_a_questions_block_inside_another_fence_is_left_alone():
    body = "````markdown\n```questions\n- id: x\n```\n````\n"
    assert find_blocks(body) == []


def test_course_yaml_pass_mark_reaches_the_course(tmp_path):
    module(tmp_path, GOOD)
    (tmp_path / "course.yaml").write_text("title: T\ncheck_pass_mark: 0.6\n", encoding="utf-8")
    assert load_course(tmp_path).check_pass_mark == 0.6
    (tmp_path / "course.yaml").write_text("title: T\ncheck_pass_mark: 80\n", encoding="utf-8")
    course = load_course(tmp_path)
    assert course.check_pass_mark == 0.8
    assert any("check_pass_mark" in d.message and "at most 1" in d.message for d in course.diagnostics)


@pytest.mark.parametrize(
    ("block", "line", "words"),
    [
        ("- id: [unclosed\n", 10, "not valid YAML"),
        ("id: q1\nkind: single\n", 10, "expected a list of questions"),
        ("- just text\n", 10, "question 1: expected a set of 'field: value' lines"),
        ("- kind: single\n  prompt: p\n  objective: 1\n", 10, "field 'id': this field is required"),
        ("- id: Q 1\n  kind: free-text\n  objective: 1\n  prompt: p\n  model_answer: m\n", 10, "field 'id'"),
        (
            "- id: q\n  kind: singel\n  objective: 1\n  prompt: p\n",
            11,
            "unknown kind 'singel' (did you mean \"single\"?)",
        ),
        (
            "- id: q\n  kind: free-text\n  objective: 1\n  model_answer: m\n",
            10,
            "field 'prompt': this field is required",
        ),
        (
            "- id: q\n  kind: free-text\n  prompt: p\n  model_answer: m\n",
            10,
            "field 'objective': this field is required",
        ),
        (
            "- id: q\n  kind: free-text\n  objective: 3\n  prompt: p\n  model_answer: m\n",
            12,
            "objective 3 does not exist; this module has 2 objectives",
        ),
        (
            "- id: q\n  kind: free-text\n  objective: [1, 0]\n  prompt: p\n  model_answer: m\n",
            12,
            "objective 0 does not exist",
        ),
        ("- id: q\n  kind: free-text\n  objective: 1\n  prompt: p\n", 10, "kind 'free-text' needs a 'model_answer'"),
        (
            "- id: q\n  kind: skill-prompt\n  objective: 1\n  prompt: p\n",
            10,
            "kind 'skill-prompt' needs a 'model_answer'",
        ),
        (
            "- id: q\n  kind: order\n  objective: 1\n  prompt: p\n  items: [a, b]\n  feedback: f\n",
            14,
            "kind 'order' needs 3 to 6 items, found 2",
        ),
        (
            "- id: q\n  kind: order\n  objective: 1\n  prompt: p\n  items: [a, b, c, d, e, f, g]\n  feedback: f\n",
            14,
            "needs 3 to 6 items, found 7",
        ),
        (
            "- id: q\n  kind: order\n  objective: 1\n  prompt: p\n  items: [a, b, a]\n  feedback: f\n",
            14,
            "item 3 repeats an earlier item",
        ),
        (
            "- id: q\n  kind: order\n  objective: 1\n  prompt: p\n  items: [a, b, c]\n",
            10,
            "kind 'order' needs 'feedback'",
        ),
    ],
)
def test_each_question_error_names_its_line(tmp_path, block, line, words):
    found = [(ln, msg) for ln, sev, msg in problems(tmp_path, block) if sev == "error"]
    assert any(ln == line and words in msg for ln, msg in found), found


def choice(kind: str, options: str) -> str:
    return f"- id: q\n  kind: {kind}\n  objective: [1, 2]\n  prompt: p\n  options:\n{options}"


def opt(text: str, correct: bool = False, feedback: str | None = "why") -> str:
    out = f"    - text: {text}\n"
    if correct:
        out += "      correct: true\n"
    if feedback is not None:
        out += f"      feedback: {feedback}\n"
    return out


@pytest.mark.parametrize(
    ("kind", "options", "line", "words"),
    [
        ("single", opt("a") + opt("b"), 14, "no correct option"),
        ("multiple", opt("a") + opt("b"), 14, "no correct option"),
        ("single", opt("a", True) + opt("b", True), 14, "kind 'single' needs exactly one correct option, found 2"),
        ("mi-consistent", opt("a", True) + opt("b", True), 14, "needs exactly one correct option"),
        ("single", opt("a", True), 14, "kind 'single' needs 2 to 6 options, found 1"),
        ("single", "".join(opt(c) for c in "abcdef") + opt("g", True), 14, "needs 2 to 6 options, found 7"),
        ("mi-consistent", "".join(opt(c) for c in "abcd") + opt("e", True), 14, "kind 'mi-consistent' needs 2 to 4"),
        ("single", opt("a", True) + opt("b", feedback=None), 18, "option 2 has no 'feedback'"),
        ("multiple", opt("a", True, None) + opt("b"), 15, "option 1 has no 'feedback'"),
        ("single", opt("a", True) + opt("yes"), 18, "put the text in quotes"),
        ("single", opt("a", True) + "    - feedback: f\n", 18, "field 'options[2].text': this field is required"),
    ],
)
def test_each_choice_error_names_its_line(tmp_path, kind, options, line, words):
    found = [(ln, msg) for ln, sev, msg in problems(tmp_path, choice(kind, options)) if sev == "error"]
    assert any(ln == line and words in msg for ln, msg in found), found


def test_choice_question_without_options_is_an_error(tmp_path):
    found = problems(tmp_path, "- id: q\n  kind: single\n  objective: 1\n  prompt: p\n")
    assert (10, "error", "question 'q': kind 'single' needs 2 to 6 options, found 0") in found


def test_duplicate_question_id_is_an_error_on_the_second(tmp_path):
    block = GOOD + "- id: q2\n  kind: free-text\n  objective: 1\n  prompt: p\n  model_answer: m\n"
    found = problems(tmp_path, block)
    assert (31, "error", "duplicate question id 'q2' (also on line 20)") in found
    module(tmp_path, block)
    assert [q.id for q in load_course(tmp_path).modules[0].questions] == ["q1", "q2", "q3"]


def test_unclosed_block_and_second_block_are_errors(tmp_path):
    path = tmp_path / "modules" / "01-a.md"
    path.parent.mkdir(parents=True)
    path.write_text(HEAD + "```questions\n" + GOOD, encoding="utf-8")
    found = [(d.line, d.message) for d in load_course(tmp_path).diagnostics]
    assert (FENCE_LINE, "the questions block has no closing fence") in found
    more = "\n```questions\n- id: q9\n  kind: free-text\n  objective: 1\n  prompt: p\n  model_answer: m\n```\n"
    found = problems(tmp_path, GOOD, tail=more)
    assert (33, "error", "a second questions block; put every question in one block") in found


def test_unknown_fields_and_fields_the_kind_does_not_use_are_warnings(tmp_path):
    block = (
        "- id: q\n  kind: order\n  objective: 1\n  prompt: p\n  items: [a, b, c]\n  feedback: f\n"
        "  options: []\n  hint: h\n"
        + choice("single", opt("a", True) + opt("b") + "      colour: red\n").replace("id: q\n", "id: r\n")
    )
    found = problems(tmp_path, block)
    warnings = [(ln, msg) for ln, sev, msg in found if sev == "warning"]
    assert (16, "question 'q': field 'options' is not used by kind 'order'; it is ignored") in warnings
    assert any(ln == 17 and "unknown field 'hint'" in msg for ln, msg in warnings)
    assert any(ln == 28 and "unknown field 'options[2].colour'" in msg for ln, msg in warnings)
    assert [sev for _, sev, _ in found].count("error") == 0


def test_warning_when_a_module_with_objectives_has_no_check(tmp_path):
    folder = tmp_path / "modules"
    folder.mkdir()
    (folder / "01-a.md").write_text(HEAD + "More.\n", encoding="utf-8")
    (folder / "02-b.md").write_text("---\ntitle: B\n---\nNo objectives, no check needed.\n", encoding="utf-8")
    found = [(d.path.name, d.line, d.severity, d.message) for d in load_course(tmp_path).diagnostics]
    assert len(found) == 1
    name, line, severity, message = found[0]
    assert (name, line, severity) == ("01-a.md", 9, "warning") and message.startswith("no knowledge check")


def test_warning_for_an_objective_no_question_covers(tmp_path):
    block = "- id: q\n  kind: free-text\n  objective: 1\n  prompt: p\n  model_answer: m\n" * 1
    found = problems(tmp_path, block)
    assert (5, "warning", "objective 2 has no question in the check") in found


def test_warning_for_too_few_or_too_many_check_questions(tmp_path):
    def free(n: int, kind: str = "free-text") -> str:
        return f"- id: q{n}\n  kind: {kind}\n  objective: [1, 2]\n  prompt: p\n  model_answer: m\n"

    few = free(1) + free(2) + free(3, SKILL_PROMPT)  # a skill prompt is not part of the check
    assert (FENCE_LINE, "warning", "the check has 2 questions; aim for 3 to 6") in problems(tmp_path, few)
    many = "".join(free(n) for n in range(7))
    assert (FENCE_LINE, "warning", "the check has 7 questions; aim for 3 to 6") in problems(tmp_path, many)
    assert problems(tmp_path, "".join(free(n) for n in range(3))) == []


def test_block_not_at_the_end_is_a_warning(tmp_path):
    found = problems(tmp_path, GOOD, tail="\nMore text after.\n")
    assert (FENCE_LINE, "warning", "the questions block is not at the end of the module; move it last") in found


def test_parse_module_questions_on_a_body_without_a_block():
    parsed = parse_module_questions(Path("m.md"), "Just text.\n", 5, 2)
    assert parsed.questions == [] and parsed.diagnostics == [] and parsed.block_line == 0
    assert parsed.body == "Just text.\n"


def test_mi_consistent_keeps_options_in_file_order(tmp_path):
    module(tmp_path, choice(MI_CONSISTENT, opt("first") + opt("second", True)))
    (q,) = load_course(tmp_path).modules[0].questions
    assert q.kind == MI_CONSISTENT and [o.text for o in q.options] == ["first", "second"]
    assert ORDER != q.kind


def test_a_yaml_alias_bomb_in_the_block_is_refused_with_its_line(tmp_path):
    bomb = "- &a [x, x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 7):
        bomb += f"- &{'a' * (n + 1)} [" + ", ".join([f"*{'a' * n}"] * 10) + "]\n"
    found = problems(tmp_path, bomb)
    assert any(sev == "error" and "questions block:" in msg and FENCE_LINE < ln <= 17 for ln, sev, msg in found), found
