"""The on-disk cache of skeleton trees (:func:`tfvarlint.keras_skeleton.cached_skeleton_tree`).

Making a skeleton means parsing the whole real Keras module; the reduced ``ast`` tree depends
only on that source and on the code that reduces it, so it is pickled into pylint's cache
directory, one file per source content, and read back by an unpickler that makes nothing but
``ast`` nodes. A file is a checksum of its pickle, then the pickle: a damaged file, or one
that is not a tree, is made again, never read as a wrong tree. Files no run has read for
:data:`UNUSED_DAYS` days (those of a Keras, tfvarlint or Python since upgraded) are deleted,
at most once a day.

Imported only when a skeleton is built (with Keras installed and the augment at work).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import io
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

_CHECKSUM_SIZE = 16
_NAME_LENGTH = 40  # hex digits of a cache file's name (a 20-byte blake2b digest)
UNUSED_DAYS = 30  # a cache file no run has read for this long is deleted
_DAY = 24 * 3600.0
_MARKER = ".last-pruned"  # its time: when the directory was last pruned
_PRUNED: set[Path] = set()  # directories this process has looked at already


def cached_tree(
    source: str, directory: Path, make: Callable[[str], ast.Module], made_by: Iterable[str]
) -> ast.Module:
    """``make(source)``, from ``directory`` where an earlier run made it.

    The file is named by a hash of ``source`` and of what makes the tree (the files
    ``made_by``, this module, the Python version), so a changed Keras, tfvarlint or Python
    never reads an old tree; a file that cannot be read or is not a tree is made again, and
    written whole or not at all (a temporary file renamed), so parallel runs never read half
    a tree.
    """
    try:
        key = _tree_format(tuple(made_by))
    except OSError:  # tfvarlint's own files unreadable (an odd install): no cache
        return make(source)
    path = directory / hashlib.blake2b(source.encode(), key=key, digest_size=20).hexdigest()
    if directory not in _PRUNED:
        _PRUNED.add(directory)
        prune(directory)
    tree = _read_tree(path)
    if tree is not None:
        return tree
    tree = make(source)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps(tree, protocol=pickle.HIGHEST_PROTOCOL)
        partial.write_bytes(_checksum(payload) + payload)
        partial.replace(path)
    except (OSError, RecursionError, pickle.PicklingError):
        # A cache only: the tree is made, a later run makes it again (a full disk, a
        # read-only home); no half-written file is left behind.
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return tree


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_CHECKSUM_SIZE).digest()


def _read_tree(path: Path) -> ast.Module | None:
    """The tree a cache file holds, or None: missing, damaged (its checksum), or not a tree.

    Whatever a damaged file makes the unpickler raise (it raises ``MemoryError`` and
    ``OverflowError`` as well as ``UnpicklingError`` on random bytes), the tree is made again.
    """
    try:
        with path.open("rb") as file:
            modified = os.fstat(file.fileno()).st_mtime
            data = file.read()
    except OSError:
        return None
    check, payload = data[:_CHECKSUM_SIZE], data[_CHECKSUM_SIZE:]
    if _checksum(payload) != check:
        return None
    try:
        tree = _AstUnpickler(io.BytesIO(payload)).load()
    except Exception:  # pylint: disable=broad-exception-caught  # a cache file is only data
        return None
    if not isinstance(tree, ast.Module):
        return None
    if time.time() - modified > _DAY:  # read: marked as used (once a day), so never pruned
        with contextlib.suppress(OSError):
            os.utime(path)
    return tree


def prune(directory: Path) -> None:
    """Delete the cache files of ``directory`` no run has read for :data:`UNUSED_DAYS` days
    (a read marks a file, :func:`_read_tree`), and temporary files a killed run left, at most
    once a day (the time of the ``.last-pruned`` file). Only files named as this cache names
    them are deleted; a directory that cannot be read or written is left as it is."""
    marker = directory / _MARKER
    now = time.time()
    try:
        if now - marker.stat().st_mtime < _DAY:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        marker.touch()
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.endswith(".tmp"):
            limit = _DAY
            name = name.split(".", 1)[0]
        else:
            limit = UNUSED_DAYS * _DAY
        if len(name) != _NAME_LENGTH or name.strip("0123456789abcdef"):
            continue  # not a file of this cache
        with contextlib.suppress(OSError):  # another run may have deleted it first
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > limit:
                Path(entry.path).unlink()


@functools.cache
def _tree_format(made_by: tuple[str, ...]) -> bytes:
    """A key for what makes a tree: the files ``made_by``, this module, Python's ``ast``."""
    digest = hashlib.blake2b(digest_size=32)
    digest.update(sys.version.encode())
    for module in (*made_by, __file__):
        digest.update(Path(module).read_bytes())
    return digest.digest()


class _AstUnpickler(pickle.Unpickler):
    """An unpickler that makes ``ast`` nodes and nothing else (a cache file is only data)."""

    def find_class(self, module: str, name: str) -> type:
        found = getattr(ast, name, None) if module == "ast" else None
        if isinstance(found, type) and issubclass(found, ast.AST):
            return found
        if (module, name) == ("builtins", "Ellipsis"):
            return Ellipsis  # type: ignore[return-value]
        raise pickle.UnpicklingError(f"not an ast node: {module}.{name}")
