"""The local LRS double for the xAPI tests (see lrs_double.py)."""

import pytest

from .lrs_double import FakeLrs


@pytest.fixture
def lrs():
    server = FakeLrs()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
    server.thread.join()
