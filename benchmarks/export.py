"""How long exports take for a busy learner (a year of records).

Builds an in-memory store with the demo records plus N finished reflections,
N/2 self-assessments and observations, and times (median of several runs)
the portfolio data, HTML, Markdown, CSV, the JSON backup and restore, xAPI
and the PDF (offscreen Qt). Prints one line per export. No targets are
asserted; compare runs before and after a change.
Run: ``.venv/bin/python benchmarks/export.py [--records N] [--runs N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtGui import QGuiApplication

    from trainer.content import bundled_content, load_content
    from trainer.export.backup import export_backup, restore
    from trainer.export.documents import portfolio_html, portfolio_markdown
    from trainer.export.portfolio import build_portfolio
    from trainer.export.spreadsheet import progress_csv, ratings_csv
    from trainer.export.xapi import xapi_statements
    from trainer.printing.documents import write_portfolio_pdf as write_pdf
    from trainer.records.store import memory_store
    from trainer.tools.demo_export import demo_records, fill_demo

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    content = load_content(bundled_content())
    store = memory_store()
    fill_demo(store)
    demo = demo_records()
    for i in range(args.records):
        store.add("reflection", {k: v for k, v in demo["reflection"][0].items() if k != "uid"})
        if i % 2 == 0:
            store.add("self_assessment", {k: v for k, v in demo["self_assessment"][0].items() if k != "uid"})
            store.add("observation", {k: v for k, v in demo["observation"][0].items() if k != "uid"})
    portfolio = build_portfolio(store, "default", content)
    folder = Path(tempfile.mkdtemp(prefix="export-bench-"))

    def pdf():
        return write_pdf(portfolio, folder / "p.pdf")

    jobs = {
        "portfolio data": lambda: build_portfolio(store, "default", content),
        "html": lambda: portfolio_html(portfolio),
        "markdown": lambda: portfolio_markdown(portfolio),
        "csv (both)": lambda: (progress_csv(store, "default", content), ratings_csv(store, "default", content)),
        "json backup": lambda: export_backup(store),
        "restore (empty store)": lambda: restore(memory_store(), export_backup(store)),
        "xapi": lambda: xapi_statements(store, "default", content),
        "pdf": pdf,
    }
    print(f"{args.records} reflections, {args.records // 2 * 2} ratings; median of {args.runs} runs")
    for name, job in jobs.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            job()
            times.append(time.perf_counter() - start)
        print(f"  {name:<22} {statistics.median(times) * 1000:8.1f} ms")
    print(f"  pdf pages              {pdf():8d}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
