"""The on-disk cache of skeleton trees (:func:`tfvarlint.keras_skeleton.cached_skeleton_tree`).

Making a skeleton means parsing the whole real Keras module; the reduced ``ast`` tree depends
only on that source and on the code that reduces it, so it is pickled into pylint's cache
directory, one file per source content, and read back by an unpickler that makes nothing but
``ast`` nodes. A file is a checksum of its pickle, then the pickle: a damaged file, or one
that is not a tree, is made again, never read as a wrong tree.

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
from collections.abc import Callable, Iterable
from pathlib import Path

_CHECKSUM_SIZE = 16


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
        data = path.read_bytes()
    except OSError:
        return None
    check, payload = data[:_CHECKSUM_SIZE], data[_CHECKSUM_SIZE:]
    if _checksum(payload) != check:
        return None
    try:
        tree = _AstUnpickler(io.BytesIO(payload)).load()
    except Exception:  # pylint: disable=broad-exception-caught  # a cache file is only data
        return None
    return tree if isinstance(tree, ast.Module) else None


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
