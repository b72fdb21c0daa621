"""The bundled scenarios: clean, complete, and linked from the modules."""

from trainer.cli import main
from trainer.competencies.coding import CODE_IDS
from trainer.content import load_content


def test_bundled_content_is_clean(bundled_content):
    content = load_content(bundled_content)
    assert content.diagnostics == []
    assert len(content.scenarios) >= 2
    for s in content.scenarios:
        assert len(s.moments) >= 6
        assert all(m.traditional and m.sms and m.commentary and m.practice for m in s.moments)
        assert s.tags, "SMS turns carry skill tags"
    assert content.summary_line().startswith(
        f"{len(content.course.modules)} modules, {len(content.scenarios)} scenarios"
    )


def test_validate_bundled_exits_zero(capsys):
    assert main(["validate"]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_modules_link_to_bundled_scenarios(bundled_content):
    content = load_content(bundled_content)
    ids = {s.id for s in content.scenarios}
    linked = {sid for m in content.course.modules for sid in m.scenarios}
    assert linked and linked <= ids


def test_at_least_two_bundled_scenarios_carry_expert_codes_for_coding_practice(bundled_content):
    content = load_content(bundled_content)
    coded = {s.id: s.coded_turns() for s in content.scenarios if s.coded_turns()}
    assert {"diabetes-review", "back-pain-physio"} <= set(coded)
    used = {t.code for turns in coded.values() for _, t in turns}
    assert used == set(CODE_IDS), "between them the coded scenarios use every code"
    for turns in coded.values():
        assert len(turns) >= 20
        assert all(t.code_reason and content_speaker_is_practitioner(t) for _, t in turns)


def content_speaker_is_practitioner(turn) -> bool:
    return turn.speaker in {"Nurse", "Physio"}
