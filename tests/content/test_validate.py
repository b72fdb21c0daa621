"""``trainer validate`` on the bundled course: no errors, no warnings."""

import subprocess
import sys


def test_validate_bundled_content_exits_zero():
    result = subprocess.run([sys.executable, "-m", "trainer", "validate"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1].endswith("0 errors, 0 warnings")
