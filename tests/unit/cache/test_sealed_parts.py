"""Sealed parts of a signed cache: a start checks only the signed part; the rest is
checked against its signed digest when first used (trainer.signed_cache)."""

from __future__ import annotations

import pickle

import pytest

from trainer import signed_cache
from trainer.signed_cache import Sealed

KEY = b"k" * 32


def _dump(tmp_path, obj):
    path = tmp_path / "c.pickle"
    assert signed_cache.dump(path, obj, key=KEY)
    return path


def test_a_start_signs_and_checks_only_the_signed_part(tmp_path, monkeypatch):
    big = b"x" * 1_000_000
    path = _dump(tmp_path, {"title": "course", "rest": Sealed(big)})
    signed = []
    real = signed_cache.sign
    monkeypatch.setattr(signed_cache, "sign", lambda key, body: signed.append(len(body)) or real(key, body))
    loaded = signed_cache.load(path, key=KEY)
    assert loaded["title"] == "course"
    assert signed and max(signed) < 10_000  # the megabyte was not hashed to open the cache
    assert bytes(loaded["rest"].open()) == big


def test_a_changed_sealed_part_is_refused_when_used(tmp_path):
    path = _dump(tmp_path, {"rest": Sealed(pickle.dumps(["scenario"]))})
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # the sealed part is at the end of the file
    path.write_bytes(bytes(data))
    loaded = signed_cache.load(path, key=KEY)
    with pytest.raises(ValueError):
        loaded["rest"].open()


@pytest.mark.parametrize("where", ["signed part", "length table", "cut short", "longer"])
def test_a_changed_signed_part_or_layout_is_refused_at_once(tmp_path, where):
    path = _dump(tmp_path, {"title": "course", "rest": Sealed(b"y" * 500)})
    data = bytearray(path.read_bytes())
    start = len(signed_cache.MAGIC) + 32
    if where == "signed part":
        data[start + 4 + 16 + 5] ^= 0xFF
    elif where == "length table":
        data[start + 4] ^= 0x01
    elif where == "cut short":
        del data[-10:]
    else:
        data += b"z"
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError):
        signed_cache.load(path, key=KEY)


def test_a_huge_part_count_is_refused_without_reading_past_the_file(tmp_path):
    path = _dump(tmp_path, {"a": 1})
    data = bytearray(path.read_bytes())
    start = len(signed_cache.MAGIC) + 32
    data[start : start + 4] = (2**32 - 1).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError):
        signed_cache.load(path, key=KEY)


def test_a_cached_course_part_changed_on_disk_is_read_from_the_course_instead(tmp_path, sample_course, monkeypatch):
    from trainer import content
    from trainer.content_cache import CACHE_FILE, load_content_cached

    first = load_content_cached(sample_course, tmp_path)
    names = [s.id for s in first.scenarios]
    data = bytearray((tmp_path / CACHE_FILE).read_bytes())
    data[-3] ^= 0xFF  # inside the last sealed part
    (tmp_path / CACHE_FILE).write_bytes(bytes(data))
    again = load_content_cached(sample_course, tmp_path)
    reads = []
    real = content.load_content
    monkeypatch.setattr(content, "load_content", lambda root: reads.append(root) or real(root))
    assert again.cache_key == first.cache_key  # the signed part was still good
    for name in ("framework", "scenarios", "plans", "templates", "consultations"):
        getattr(again, name)  # each part: checked, and the changed one read afresh
    assert reads == [sample_course]  # only the changed part went back to the files
    assert [s.id for s in again.scenarios] == names
