"""The class model: what a class is for Keras/TF (its roles), its methods and project bases.

Import-based, no inference: a base is a TF/Keras name (its roles come from
:func:`tfvarlint.knowledge.base_roles`) or a class of the linted project (followed). Nothing
here depends on the Keras version, so one model serves every module of a run.
"""

from __future__ import annotations

from collections.abc import Iterator

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.knowledge import Role
from tfvarlint.names import is_tf_name, project_definition, resolve

# How many project classes up a method or a third-party base is looked for.
MAX_BASE_DEPTH = 8


class ClassModel:
    """Roles, methods and bases of classes; caches across the modules of one run."""

    def __init__(self) -> None:
        self._roles: dict[nodes.ClassDef, frozenset[Role]] = {}
        self._in_progress: set[nodes.ClassDef] = set()

    def clear(self) -> None:
        """Drop every cached node (the run is over)."""
        self._roles.clear()
        self._in_progress.clear()

    def roles(self, cls: nodes.ClassDef) -> frozenset[Role]:
        """Keras/TF roles of a class, from its bases, through project-local classes only."""
        cached = self._roles.get(cls)
        if cached is not None:
            return cached
        if cls in self._in_progress:
            return frozenset()
        self._in_progress.add(cls)
        roles: set[Role] = set()
        try:
            for base in cls.bases:
                name = resolve(base)
                if is_tf_name(name):
                    roles |= kb.base_roles(name)
                    continue
                local = project_definition(base)
                if isinstance(local, nodes.ClassDef) and local is not cls:
                    roles |= self.roles(local)
        finally:
            self._in_progress.discard(cls)
        result = frozenset(roles)
        self._roles[cls] = result
        return result

    def project_bases(self, cls: nodes.ClassDef) -> Iterator[nodes.ClassDef]:
        """Bases of a class defined in the linted project (not TF/Keras, not installed)."""
        del self  # a method, so that callers ask the model, not a module function
        for base in cls.bases:
            if is_tf_name(resolve(base)):
                continue
            local = project_definition(base)
            if isinstance(local, nodes.ClassDef) and local is not cls:
                yield local

    def find_method(
        self, cls: nodes.ClassDef, name: str, depth: int = MAX_BASE_DEPTH
    ) -> nodes.FunctionDef | None:
        """The method ``name`` of a class or of its project bases."""
        for stmt in cls.locals.get(name, []):
            if isinstance(stmt, nodes.FunctionDef):
                return stmt
        if depth <= 0:
            return None
        for base in self.project_bases(cls):
            found = self.find_method(base, name, depth - 1)
            if found is not None:
                return found
        return None

    def has_external_base(self, cls: nodes.ClassDef, depth: int = MAX_BASE_DEPTH) -> bool:
        """A base imported from a third-party package (a framework that wraps Keras)."""
        for base in cls.bases:
            name = resolve(base)
            if name is None or "." not in name or is_tf_name(name):
                continue
            local = project_definition(base)
            if isinstance(local, nodes.ClassDef):
                if local is not cls and depth > 0 and self.has_external_base(local, depth - 1):
                    return True
            elif not _is_stdlib(name):
                return True
        return False


def _is_stdlib(qname: str) -> bool:
    from astroid.modutils import is_stdlib_module  # pylint: disable=import-outside-toplevel

    try:
        return is_stdlib_module(qname.split(".", 1)[0])
    except Exception:  # pylint: disable=broad-exception-caught
        return False
