"""How well the utterance coder agrees with hand labels, on held-out utterances.

Runs ``trainer/competencies/utterance_coder.py`` on the ``test`` rows of
``tests/data/utterances.csv`` (never read while writing the rules) and prints
per-code precision and recall, overall accuracy and Cohen's kappa; the same
rows typed loosely (lower case, no sentence-final punctuation), as a learner
might; then the ``dev`` rows the rules were written from, for comparison.
Run: ``.venv/bin/python benchmarks/coder.py``.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from trainer.competencies.agreement import cohen_kappa, per_code, percent_agreement
from trainer.competencies.coding import CODE_IDS
from trainer.competencies.utterance_coder import OTHER, code_utterance

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "utterances.csv"


def _pct(x: float | None) -> str:
    return "   -" if x is None else f"{round(x * 100):3d}%"


def report(split: str, rows: list[dict[str, str]]) -> None:
    labels = [r["code"] for r in rows]
    coded = [code_utterance(r["text"]) for r in rows]
    print(f"\n{split}: {len(rows)} utterances")
    print(f"  {'code':28} {'n':>3} {'precision':>9} {'recall':>7}")
    for row in per_code(labels, coded, (*CODE_IDS, OTHER)):
        print(f"  {row.code:28} {row.reference:3d} {_pct(row.precision):>9} {_pct(row.recall):>7}")
    kappa = cohen_kappa(labels, coded)
    print(f"  accuracy {_pct(percent_agreement(labels, coded)).strip()}, Cohen's kappa {kappa:.2f}")
    confusions = Counter((a, b) for a, b in zip(labels, coded, strict=True) if a != b)
    for (label, got), n in confusions.most_common(5):
        print(f"  {n} x labelled {label}, coded {got}")


def loosely_typed(text: str) -> str:
    """As a learner might type it: lower case, no punctuation at the ends of sentences."""
    return re.sub(r"[.?!]+(\s|$)", r"\1", text).lower().strip()


def main() -> None:
    with DATA.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    test = [r for r in rows if r["split"] == "test"]
    report("held-out test", test)
    report(
        "held-out test, typed loosely (lower case, no . ? !)", [{**r, "text": loosely_typed(r["text"])} for r in test]
    )
    report("dev (rules written from these)", [r for r in rows if r["split"] == "dev"])


if __name__ == "__main__":
    main()
