# ruff: noqa: N802  (libcst calls visit_<NodeType>/leave_<NodeType> methods by these names)
"""Which names an expression uses, and whether they are known before the call.

A construction can move out of a per-call body only when everything its arguments read
exists before the first call: module-level names, builtins, attributes ``__init__`` sets on
``self``, and (for ``build(input_shape)``) the input's shape. Anything else, a parameter of
the call or a local computed in it, makes the move unsafe.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field

import libcst as cst  # pylint: disable=import-error

BUILTINS = frozenset(dir(builtins))


@dataclass
class Uses:
    """What an expression reads."""

    names: list[str] = field(default_factory=list)  # bare names (not attributes, keywords)
    self_attrs: list[str] = field(default_factory=list)  # X of ``self.X``
    other_self: bool = False  # ``self`` used other than as ``self.X``
    shape: bool = False  # ``<inputs>.shape``
    other_inputs: bool = False  # ``<inputs>`` used other than as ``<inputs>.shape``
    bound: set[str] = field(default_factory=set)  # lambda / comprehension names inside


class _UseCollector(cst.CSTVisitor):
    def __init__(self, self_name: str | None, inputs_name: str | None) -> None:
        super().__init__()
        self.self_name = self_name
        self.inputs_name = inputs_name
        self.uses = Uses()

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        value = node.value
        if isinstance(value, cst.Name):
            if value.value == self.self_name:
                self.uses.self_attrs.append(node.attr.value)
                return False
            if value.value == self.inputs_name and node.attr.value == "shape":
                self.uses.shape = True
                return False
        node.value.visit(self)
        return False

    def visit_Arg(self, node: cst.Arg) -> bool:
        node.value.visit(self)
        return False

    def visit_Param(self, node: cst.Param) -> bool:
        self.uses.bound.add(node.name.value)
        if node.default is not None:
            node.default.visit(self)
        return False

    def visit_CompFor(self, node: cst.CompFor) -> None:
        for name in bound_names(node.target):
            self.uses.bound.add(name)

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.self_name:
            self.uses.other_self = True
        elif node.value == self.inputs_name:
            self.uses.other_inputs = True
        else:
            self.uses.names.append(node.value)


def uses_of(
    node: cst.CSTNode, self_name: str | None = None, inputs_name: str | None = None
) -> Uses:
    """What node reads (names, ``self.X``, the input and its shape)."""
    collector = _UseCollector(self_name, inputs_name)
    node.visit(collector)
    return collector.uses


def bound_names(target: cst.BaseExpression | cst.CSTNode) -> list[str]:
    """Names bound by an assignment or loop target (``a``, ``a, b``, ``[a, *b]``)."""
    if isinstance(target, cst.Name):
        return [target.value]
    if isinstance(target, (cst.Tuple, cst.List)):
        out: list[str] = []
        for element in target.elements:
            out += bound_names(element.value)
        return out
    if isinstance(target, cst.StarredElement):
        return bound_names(target.value)
    return []


class _Binder(cst.CSTVisitor):
    """Names bound in a body (assignments, loops, imports, defs, with, except)."""

    def __init__(self, into_functions: bool) -> None:
        super().__init__()
        self.into_functions = into_functions
        self.names: set[str] = set()
        self.self_assigned: dict[str, set[str]] = {}

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self.names.update(bound_names(node.target))

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self.names.update(bound_names(node.target))

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self.names.update(bound_names(node.target))

    def visit_For(self, node: cst.For) -> None:
        self.names.update(bound_names(node.target))

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self.names.update(bound_names(node.target))

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.names.update(bound_names(node.target))

    def visit_AsName(self, node: cst.AsName) -> None:
        self.names.update(bound_names(node.name))

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            if alias.asname is None:
                self.names.add(cst.Module([]).code_for_node(alias.name).split(".", maxsplit=1)[0])

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if isinstance(node.names, cst.ImportStar):
            return
        for alias in node.names:
            if alias.asname is None and isinstance(alias.name, cst.Name):
                self.names.add(alias.name.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self.names.add(node.name.value)
        return self.into_functions

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self.names.add(node.name.value)
        return self.into_functions

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return self.into_functions

    def visit_Param(self, node: cst.Param) -> None:
        self.names.add(node.name.value)


def names_bound_in(nodes: list[cst.CSTNode], into_functions: bool = True) -> set[str]:
    """Names bound anywhere in nodes (not inside defs unless into_functions)."""
    binder = _Binder(into_functions)
    for node in nodes:
        node.visit(binder)
    return binder.names


def function_locals(function: cst.FunctionDef) -> set[str]:
    """Parameters and every name bound in the function's body."""
    return names_bound_in([function.params, function.body])


def self_attributes_assigned(node: cst.CSTNode, self_name: str) -> set[str]:
    """X of every ``self.X = ...`` (or ``self.X[...] = ...``, augmented, annotated) in node."""
    found: set[str] = set()

    class _Visitor(cst.CSTVisitor):
        def _target(self, target: cst.BaseExpression) -> None:
            if isinstance(target, cst.Subscript):
                target = target.value
            if (
                isinstance(target, cst.Attribute)
                and isinstance(target.value, cst.Name)
                and target.value.value == self_name
            ):
                found.add(target.attr.value)
            elif isinstance(target, (cst.Tuple, cst.List)):
                for element in target.elements:
                    self._target(element.value)

        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            self._target(node.target)

        def visit_AugAssign(self, node: cst.AugAssign) -> None:
            self._target(node.target)

        def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
            self._target(node.target)

    node.visit(_Visitor())
    return found


def all_names(node: cst.CSTNode) -> set[str]:
    """Every identifier in node (names and attribute names): what a fresh name must avoid."""
    found: set[str] = set()

    class _Visitor(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.add(node.value)

    node.visit(_Visitor())
    return found


def class_attribute_names(cls: cst.ClassDef) -> set[str]:
    """Names a new attribute of the class must avoid: class-level names and ``self.X``."""
    found = names_bound_in(list(cls.body.body), into_functions=False)

    class _Visitor(cst.CSTVisitor):
        def visit_Attribute(self, node: cst.Attribute) -> None:
            if isinstance(node.value, cst.Name) and node.value.value in ("self", "cls"):
                found.add(node.attr.value)

    cls.visit(_Visitor())
    return found
