import subprocess
import sys


def test_journal_and_goal_code_below_ui_does_not_import_qt():
    code = ("import sys, trainer.journal.templates, trainer.journal.privacy, trainer.services.journal, "
            "trainer.services.goals, trainer.content; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
