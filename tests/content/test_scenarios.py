"""The bundled scenarios: clean, complete, and linked from the modules."""

from trainer.cli import main
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
