"""Issue 17, item 1: nothing in a data folder can run code through the start-up caches.

A data folder is copied between computers and kept on shared drives, so a
pickle planted in it must never be loaded. The caches live in the per-user
cache folder and only files signed with this install's key are read.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from trainer.content import default_content, load_content
from trainer.modules.page_cache import PageCache
from trainer.modules.themes import LIGHT


class _Planted:
    """Unpickling this writes a marker file: proof that the pickle ran."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "the planted pickle ran"))


def _plant(path: Path, marker: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(_Planted(marker)))


def test_a_pickle_planted_in_the_data_folder_is_not_run(tmp_path):
    data = tmp_path / "data"
    marker = tmp_path / "ran.txt"
    _plant(data / "cache" / "content.pickle", marker)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "trainer", "--smoke", "--data", str(data)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


def test_a_pickle_planted_where_a_page_is_kept_is_not_run(tmp_path):
    module = next(m for m in load_content(default_content()).course.modules if m.ok)
    cache = PageCache(tmp_path / "cache", "key1")
    marker = tmp_path / "ran.txt"
    _plant(cache._path(module, LIGHT, False, {}), marker)
    page = cache.render(module, LIGHT, False, {})
    assert not marker.exists()
    assert page.html


def test_an_unsigned_pickle_in_the_user_cache_folder_is_not_run(tmp_path):
    from trainer.content_cache import CACHE_FILE, cache_folder, load_content_cached

    course = default_content()
    marker = tmp_path / "ran.txt"
    _plant(cache_folder(course) / CACHE_FILE, marker)
    content = load_content_cached(course)
    assert not marker.exists()
    assert content.course.modules
    again = load_content_cached(course)  # the rebuilt cache is signed and read back
    assert again.cache_key == content.cache_key is not None


def test_a_cache_signed_with_another_install_key_is_not_read(tmp_path):
    from trainer import signed_cache

    path = tmp_path / "x.pickle"
    assert signed_cache.dump(path, {"a": 1}, key=b"k" * 32)
    assert signed_cache.load(path, key=b"k" * 32) == {"a": 1}
    marker = tmp_path / "ran.txt"
    body = pickle.dumps(_Planted(marker))
    # the right header, a signature made with some other key, then a payload that would run
    forged = signed_cache.MAGIC + signed_cache.sign(b"other" * 7, body) + body
    path.write_bytes(forged)
    try:
        signed_cache.load(path, key=b"k" * 32)
    except ValueError:
        pass
    else:
        raise AssertionError("a forged cache was accepted")
    assert not marker.exists()


def test_the_install_key_is_made_once_and_private(tmp_path):
    from trainer import signed_cache

    first = signed_cache.install_key(tmp_path / "cachedir")
    assert first is not None and len(first) == 32
    assert signed_cache.install_key(tmp_path / "cachedir") == first
    if os.name == "posix":
        assert (tmp_path / "cachedir" / signed_cache.KEY_FILE).stat().st_mode & 0o077 == 0
