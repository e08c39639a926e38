"""The skeleton cache deletes what no run reads any more (no TensorFlow needed)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tfvarlint import keras_skeleton as ks
from tfvarlint import skeleton_cache as sc

_SOURCE = "class Dense(Layer):\n    def call(self, inputs):\n        return inputs\n"
_DAY = 24 * 3600


def _age(path: Path, days: float) -> None:
    """Make ``path`` look last modified ``days`` ago."""
    then = time.time() - days * _DAY
    os.utime(path, (then, then))


def _days_old(path: Path) -> float:
    return (time.time() - path.stat().st_mtime) / _DAY


def _tree_files(directory: Path) -> set[str]:
    return {p.name for p in directory.iterdir() if not p.name.startswith(".")}


@pytest.fixture(name="cache")
def _cache(tmp_path: Path) -> Path:
    """A cache directory with one tree in it, made by a first run."""
    directory = tmp_path / "skeletons"
    ks.cached_skeleton_tree(_SOURCE, directory)
    sc._PRUNED.discard(directory)  # a new process: it looks at the directory again
    return directory


def test_unused_files_are_deleted_and_used_ones_kept(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read marks a file as used; pruning deletes a file unread for a month, not one read
    lately."""
    (used,) = (cache / name for name in _tree_files(cache))
    stale = cache / ("ab" * 20)  # a tree of a Keras since upgraded: no run reads it
    stale.write_bytes(b"old tree")
    recent = cache / ("cd" * 20)
    recent.write_bytes(b"read last week")
    _age(stale, sc.UNUSED_DAYS + 1)
    _age(recent, 7)
    _age(used, 2)
    (cache / ".last-pruned").touch()  # pruned today: this run only reads

    def not_again(source: str) -> object:
        raise AssertionError("made again instead of read from the cache")

    monkeypatch.setattr(ks, "skeleton_tree", not_again)
    ks.cached_skeleton_tree(_SOURCE, cache)
    assert _days_old(used) < 1  # read: marked as used
    assert stale.exists()
    (cache / ".last-pruned").unlink()
    sc.prune(cache)
    assert _tree_files(cache) == {used.name, recent.name}


def test_pruning_is_done_once_a_day(cache: Path) -> None:
    """A run looks at the directory only where the last pruning is a day old."""
    stale = cache / ("ef" * 20)
    stale.write_bytes(b"old tree")
    _age(stale, sc.UNUSED_DAYS + 1)
    (cache / ".last-pruned").touch()
    _age(cache / ".last-pruned", 0.5)
    ks.cached_skeleton_tree(_SOURCE, cache)
    assert stale.exists()  # pruned half a day ago: not looked at again
    sc._PRUNED.discard(cache)
    _age(cache / ".last-pruned", 1.5)
    ks.cached_skeleton_tree(_SOURCE, cache)
    assert not stale.exists()
    assert _days_old(cache / ".last-pruned") < 1


def test_only_this_caches_files_are_deleted(cache: Path) -> None:
    """Other names, directories and a recent temporary file stay; an old temporary file of a
    killed run goes."""
    kept = [cache / "notes.txt", cache / ("AB" * 20), cache / ("ab" * 19)]
    kept.append(cache / f"{'12' * 20}.9.tmp")
    for path in kept:
        path.write_bytes(b"x")
    folder = cache / ("34" * 20)
    folder.mkdir()
    left = cache / f"{'56' * 20}.4242.tmp"
    left.write_bytes(b"half a tree")
    for path in [*kept[:3], folder]:
        _age(path, sc.UNUSED_DAYS + 1)
    _age(left, 2)
    sc.prune(cache)  # no marker: never pruned before
    assert all(path.exists() for path in [*kept, folder])
    assert not left.exists()


def test_pruning_a_missing_or_unreadable_directory_raises_nothing(tmp_path: Path) -> None:
    """A cache only: a directory that is not there, or is a file, is left as it is."""
    sc.prune(tmp_path / "missing")
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be", encoding="utf-8")
    sc.prune(blocked)
    assert blocked.read_text(encoding="utf-8").startswith("a file")
