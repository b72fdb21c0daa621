"""Start-up time of ``trainer --smoke`` against a bare PySide6 window.

Prints the median wall time of each (several runs, after a warm-up) and the
ratio. Target: trainer <= 1.5x the bare window. Run: ``make bench`` or
``.venv/bin/python benchmarks/startup.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow()
w.show()
QTimer.singleShot(0, w.close)
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Time the app as a person runs it: with its bytecode compiled, which Python
    # does on the first run (and `make run` does even where PYTHONDONTWRITEBYTECODE
    # is set, as on some build machines). PySide6 itself comes compiled by pip.
    package = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "trainer")
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as data:
        bare_cmd = [sys.executable, "-c", BARE]
        app_cmd = [sys.executable, "-m", "trainer", "--smoke", "--data", data]
        timed(bare_cmd, env), timed(app_cmd, env)  # warm caches, create the data folder
        bare, app = [], []
        for _ in range(args.runs):  # interleave so machine noise hits both alike
            bare.append(timed(bare_cmd, env))
            app.append(timed(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    print(f"bare QMainWindow : median {b * 1000:7.1f} ms over {args.runs} runs")
    print(f"trainer --smoke  : median {a * 1000:7.1f} ms over {args.runs} runs")
    print(f"ratio            : {a / b:.2f}x (target <= 1.50x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
