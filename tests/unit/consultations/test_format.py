"""The branching consultation format and every error it reports, with its file line."""

from __future__ import annotations

import pytest

from tests.unit.consultations.helpers import VALID, line_of, write
from trainer.consultations.loader import load_consultation, load_consultations
from trainer.consultations.model import Step
from trainer.content import load_content


def _load(tmp_path, text, known_skills=None):
    path = write(tmp_path, text)
    consultation, diags = load_consultation(path, known_skills)
    return consultation, [d for d in diags if d.is_error], diags


def _one_error(tmp_path, text, known_skills=None):
    _c, errors, _ = _load(tmp_path, text, known_skills)
    assert len(errors) == 1, [e.format() for e in errors]
    return errors[0]


def test_a_valid_consultation_loads_with_its_nodes_and_expert_path(tmp_path):
    consultation, errors, diags = _load(tmp_path, VALID, {"open-questions"})
    assert errors == [] and diags == []
    assert consultation.id == "ana"
    assert consultation.profession_title == "Allied health professions"
    assert consultation.decision_points == 3
    assert consultation.expert_path() == [Step("opening", 0), Step("story", 0)]
    story = consultation.node("story")
    assert story.responses[0].codes == ("complex_reflection",)
    assert story.responses[0].safety_net
    assert consultation.node("resist").pushback
    assert consultation.node("close").end
    assert consultation.follow([Step("opening", 1)]) == "resist"


def test_codes_may_be_written_as_labels_or_a_single_word(tmp_path):
    text = VALID.replace("codes: [open_question]", "codes: Open question")
    consultation, errors, _ = _load(tmp_path, text)
    assert errors == []
    assert consultation.node("opening").responses[0].codes == ("open_question",)


def test_an_unknown_code_is_named_with_its_line_and_a_suggestion(tmp_path):
    text = VALID.replace("codes: [closed_question]", "codes: [closed_questoin]")
    error = _one_error(tmp_path, text)
    assert error.line == line_of(text, "closed_questoin")
    assert "unknown behaviour code 'closed_questoin'" in error.message
    assert 'did you mean "closed_question"' in error.message
    assert "nodes.story.responses[2].codes[1]" in error.message


def test_a_response_without_codes_is_an_error(tmp_path):
    text = VALID.replace("        codes: [affirmation]\n", "")
    error = _one_error(tmp_path, text)
    assert error.line == line_of(text, "You have been trying hard")
    assert "nodes.resist.responses[1].codes" in error.message and "no behaviour code" in error.message


def test_an_empty_code_list_is_an_error(tmp_path):
    text = VALID.replace("codes: [affirmation]", "codes: []")
    error = _one_error(tmp_path, text)
    assert "no behaviour code" in error.message


@pytest.mark.parametrize(
    ("field", "old", "new"),
    [
        ("say", "      - say: The walks matter to you, and you miss them.\n        codes", "      - codes"),
        ("feedback", "        feedback: A reflection of what matters.\n", ""),
        ("next", "        feedback: A reflection of what matters.\n        next: close\n", "        feedback: Why.\n"),
    ],
)
def test_a_response_missing_a_field_is_named(tmp_path, field, old, new):
    assert old in VALID
    text = VALID.replace(old, new)
    error = _one_error(tmp_path, text)
    assert error.message == f"field 'nodes.story.responses[1].{field}': this field is required"
    assert error.line == line_of(text, "- ", after="person: Walking the dog")


def test_a_missing_top_level_field_is_named(tmp_path):
    text = VALID.replace("practitioner: Physiotherapist\n", "")
    error = _one_error(tmp_path, text)
    assert "field 'practitioner': this field is required" in error.message


def test_an_unknown_profession_lists_the_groups(tmp_path):
    text = VALID.replace("profession: ahp", "profession: surgeon")
    error = _one_error(tmp_path, text)
    assert error.line == 2 and "field 'profession'" in error.message and "'pharmacy'" in error.message


def test_a_node_without_the_persons_line_is_an_error(tmp_path):
    text = VALID.replace("    person: I do try, you know.\n", "")
    error = _one_error(tmp_path, text)
    assert "nodes.resist.person" in error.message and "required" in error.message


@pytest.mark.parametrize("count", [1, 5])
def test_a_decision_with_fewer_than_two_or_more_than_four_responses_is_an_error(tmp_path, count):
    extra = """      - say: Something else.
        codes: [simple_reflection]
        feedback: Another way.
        next: close
"""
    head, tail = VALID.split("  story:\n")
    if count == 1:
        opening = head.split("      - say: You should do")[0]
        text = opening + "  story:\n" + tail
        text = text.replace("  resist:\n", "  resist:\n", 1)
    else:
        text = head + extra * 3 + "  story:\n" + tail
    _c, errors, _ = _load(tmp_path, text)
    wrong = [e for e in errors if "offers" in e.message]
    assert len(wrong) == 1
    assert f"node 'opening' offers {count} response" in wrong[0].message and "expected 2 to 4" in wrong[0].message
    assert wrong[0].line == line_of(text, "responses:", after="opening:")


def test_an_end_node_that_offers_responses_is_an_error(tmp_path):
    old = "    person: I do try, you know.\n    pushback: true\n"
    text = VALID.replace(old, "    person: I do try.\n    end: true\n")
    _c, errors, _ = _load(tmp_path, text)
    assert any("node 'resist' is marked 'end: true' but offers 2 responses" in e.message for e in errors)


def test_each_decision_needs_exactly_one_expert_response(tmp_path):
    text = VALID.replace("        next: resist\n", "        next: resist\n        expert: true\n")
    error = _one_error(tmp_path, text)
    assert "node 'opening': 2 responses are marked 'expert: true'" in error.message
    text = VALID.replace("        next: story\n        expert: true\n", "        next: story\n", 1)
    error = _one_error(tmp_path, text)
    assert "node 'opening': 0 responses are marked 'expert: true'" in error.message


def test_a_link_to_an_unknown_node_names_the_line_and_a_suggestion(tmp_path):
    text = VALID.replace("next: resist", "next: resits")
    _c, errors, _ = _load(tmp_path, text)
    link = [e for e in errors if "no node 'resits'" in e.message]
    assert len(link) == 1 and link[0].line == line_of(text, "next: resits")
    assert 'did you mean "resist"' in link[0].message
    # "resist" is now reached by nothing: reported too.
    assert any("unreachable node 'resist'" in e.message for e in errors)


def test_an_unknown_start_is_an_error(tmp_path):
    text = VALID.replace("start: opening", "start: openning")
    _c, errors, _ = _load(tmp_path, text)
    assert any(e.line == line_of(text, "start:") and "no node 'openning'" in e.message for e in errors)


def test_an_unreachable_node_is_an_error(tmp_path):
    text = (
        VALID
        + """  aside:
    person: Nobody reaches this.
    end: true
"""
    )
    error = _one_error(tmp_path, text)
    assert error.message == "unreachable node 'aside': no response leads to it from the start"
    assert error.line == line_of(text, "aside:")


def test_a_dead_end_is_an_error(tmp_path):
    text = VALID.replace("    person: Thank you, I will try that.\n    end: true\n", "    person: Thank you.\n")
    _c, errors, _ = _load(tmp_path, text)
    dead = [e for e in errors if e.message.startswith("dead end")]
    assert len(dead) == 1 and "node 'close'" in dead[0].message
    assert dead[0].line == line_of(text, "close:", after="nodes:")


def test_a_cycle_without_exit_is_an_error(tmp_path):
    old = "        next: close\n        expert: true\n        safety_net: true\n"
    text = VALID.replace(old, "        next: resist\n        expert: true\n")
    text = text.replace("        next: close\n", "        next: resist\n")
    text = text.replace("  close:\n    person: Thank you, I will try that.\n    end: true\n", "")
    _c, errors, _ = _load(tmp_path, text)
    cycles = [e for e in errors if e.message.startswith("cycle without exit")]
    assert len(cycles) == 1
    assert "story -> resist -> story" in cycles[0].message
    assert cycles[0].line == line_of(text, "story:", after="nodes:")


def test_a_cycle_with_an_exit_is_fine(tmp_path):
    # resist -> story -> (close | resist...) : the loop can be left, so no error.
    text = VALID.replace(
        "        feedback: A closed question narrows the talk.\n        next: close\n",
        "        feedback: A closed question narrows the talk.\n        next: resist\n",
    )
    _c, errors, _ = _load(tmp_path, text)
    assert errors == []


def test_an_expert_path_that_loops_is_an_error(tmp_path):
    text = VALID.replace(
        "        feedback: A reflection of what matters.\n        next: close\n",
        "        feedback: A reflection of what matters.\n        next: resist\n",
    )
    error = _one_error(tmp_path, text)
    assert "the expert path goes round in a loop: opening -> story -> resist -> story" in error.message


def test_an_unknown_skill_is_named(tmp_path):
    error = _one_error(tmp_path, VALID, {"agenda-setting"})
    assert "unknown skill id 'open-questions'" in error.message and error.line == line_of(VALID, "skills:")


def test_bad_yaml_names_its_line(tmp_path):
    text = VALID.replace("person: Walking the dog, mostly.", "person: [Walking the dog")
    _c, errors, _ = _load(tmp_path, text)
    assert len(errors) == 1 and "not valid YAML" in errors[0].message


def test_yaml_tags_that_would_run_code_are_refused(tmp_path):
    text = VALID.replace("title: Ana and her walking", "title: !!python/object/apply:os.system ['true']")
    consultation, errors, _ = _load(tmp_path, text)
    assert consultation is None and errors


def test_a_folder_keeps_only_consultations_free_of_errors_and_reports_duplicates(tmp_path):
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID.replace("title: Ana", "id: a\ntitle: Ana"), "b.yaml")
    write(tmp_path, VALID.replace("start: opening", "start: nowhere"), "c.yaml")
    write(tmp_path, "ignored", "_notes.yaml")
    loaded = load_consultations(tmp_path)
    assert [c.id for c in loaded.consultations] == ["a"]
    messages = [d.format(tmp_path) for d in loaded.diagnostics]
    assert any(m.startswith("consultations/b.yaml:1: error: duplicate consultation id 'a'") for m in messages)
    assert any(m.startswith("consultations/c.yaml:") and "no node 'nowhere'" in m for m in messages)


def test_an_unknown_top_level_field_is_a_warning(tmp_path):
    text = VALID.replace("title: Ana", "titel: x\ntitle: Ana")
    consultation, errors, diags = _load(tmp_path, text)
    assert errors == [] and consultation is not None
    [warning] = diags
    assert warning.severity == "warning" and warning.line == 1
    assert warning.message == "unknown field 'titel' (did you mean \"title\"?); it is ignored"


def test_trainer_validate_reports_consultation_errors_with_the_rest_of_the_course(tmp_path):
    write(tmp_path, VALID.replace("codes: [affirmation]", "codes: [praise]"))
    content = load_content(tmp_path)
    assert content.consultations == []
    found = [d.format(tmp_path) for d in content.diagnostics if "consultations/" in str(d.path)]
    assert len(found) == 1 and found[0].startswith(f"consultations/ana.yaml:{line_of(VALID, 'codes: [affirmation]')}:")
    assert "unknown behaviour code 'praise'" in found[0]
