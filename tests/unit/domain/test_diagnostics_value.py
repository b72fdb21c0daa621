"""Diagnostic behaves as the value it was as a NamedTuple: equal and hashed by its four
fields, unpacked like a tuple, pickled and read back, and formatted PATH:LINE."""

from __future__ import annotations

import pickle
from pathlib import Path

from trainer.domain.diagnostics import ERROR, WARNING, Diagnostic


def test_a_diagnostic_is_a_value():
    a = Diagnostic(Path("m/01.md"), 3, ERROR, "field 'title': missing")
    b = Diagnostic(Path("m/01.md"), 3, ERROR, "field 'title': missing")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Diagnostic(Path("m/01.md"), 4, ERROR, "field 'title': missing")
    assert a != (Path("m/01.md"), 3, ERROR, "field 'title': missing")
    path, line, severity, message = a
    assert (path, line, severity, message) == (Path("m/01.md"), 3, ERROR, "field 'title': missing")
    assert pickle.loads(pickle.dumps(a)) == a
    assert a.is_error and not Diagnostic(Path("x"), 1, WARNING, "w").is_error
    assert a.format(Path("m")) == "01.md:3: error: field 'title': missing"
    assert a.with_message("other").message == "other" and a.message == "field 'title': missing"
    assert "line=3" in repr(a)
