"""Traced bodies: the one matcher of :data:`tfvarlint.knowledge.ENTRY_POINTS`.

A body is traced because of where it is defined (a method Keras traces, a decorator) or
where it is given (``tf.function(f)``, ``Lambda(f)``, ``ds.map(f)``, ``compile(loss=f)``).
Rows that only trace inside a traced body (``tf.map_fn``, ``strategy.run``) are answered
by :meth:`EntryPoints.passed_functions`, for the creation finder to follow like helpers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.classes import ClassModel
from tfvarlint.knowledge import (
    ALL_ARGUMENTS,
    CallOf,
    Context,
    Decorator,
    EntryPoint,
    MethodOfRole,
    MethodOn,
    Receiver,
)
from tfvarlint.names import renaming_bindings, resolve, single_binding
from tfvarlint.resolver import Body, Resolver

_METHOD_ROWS = kb.method_rows()
_DECORATOR_ROWS = tuple(row for row in kb.ENTRY_POINTS if isinstance(row.match, Decorator))
_CALL_ROWS = tuple(row for row in kb.ENTRY_POINTS if isinstance(row.match, (CallOf, MethodOn)))
# Last parts of the names and methods a call row matches: ``a.b.attr`` is looked up only
# when some row could match it (every call of every module passes here).
_CALL_LAST_PARTS = frozenset(
    part
    for row in _CALL_ROWS
    for part in (
        (name.rsplit(".", 1)[-1] for name in row.match.names)
        if isinstance(row.match, CallOf)
        else row.match.methods
    )
)
# The call rows that are (not) followed like helpers, and every name and method they match:
# a call that names none of them matches no row (most calls), and the rows are not walked.
_CALL_ROWS_OF = {
    inherits: tuple(row for row in _CALL_ROWS if row.inherits is inherits)
    for inherits in (False, True)
}
_CALLED_NAMES_OF = {
    inherits: frozenset(
        name for row in rows if isinstance(row.match, CallOf) for name in row.match.names
    )
    for inherits, rows in _CALL_ROWS_OF.items()
}
_METHODS_OF = {
    inherits: frozenset(
        method for row in rows if isinstance(row.match, MethodOn) for method in row.match.methods
    )
    for inherits, rows in _CALL_ROWS_OF.items()
}
# How many bindings and calls back a dataset receiver is traced (``ds = ds.batch(2)``).
MAX_DATASET_HOPS = 3


class TracedBody(NamedTuple):
    """A function body that runs on every call or trace, and why."""

    node: Body
    context: Context
    where: str  # "MyModel.call", "train", "<lambda>"
    reason: str  # "Keras Model.call", "decorated with @tf.function", ...
    heuristic: bool = False  # matched through a guess (a receiver named ``strategy``)


class EntryPoints:
    """Finds the traced bodies of a module, and what traced calls pass on."""

    def __init__(
        self, classes: ClassModel, resolver: Resolver, extra_methods: frozenset[str] = frozenset()
    ) -> None:
        self.classes = classes
        self.resolver = resolver
        self.extra_methods = extra_methods
        self._method_names = kb.TRACED_METHOD_NAMES | extra_methods
        self._given: dict[nodes.Module, frozenset[Body]] = {}

    def clear(self) -> None:
        """Drop every cached node."""
        self._given.clear()

    @property
    def method_names(self) -> frozenset[str]:
        """Method names that may be traced (rows and configured ones)."""
        return self._method_names

    def traced_bodies(
        self,
        module: nodes.Module,
        functions: Iterable[nodes.FunctionDef],
        calls: Iterable[nodes.Call],
    ) -> list[TracedBody]:
        """Every body of the module that runs on each call or trace; the first reason wins."""
        found: dict[Body, TracedBody] = {}
        for node in functions:
            traced = self.defined_traced(node)
            if traced is not None:
                found.setdefault(node, traced)
        given: set[Body] = set()
        for call in calls:
            for traced in self.call_contexts(call):
                given.add(traced.node)
                found.setdefault(traced.node, traced)
        self._given[module] = frozenset(given)
        return list(found.values())

    def defined_traced(self, func: nodes.FunctionDef) -> TracedBody | None:
        """Traced because of where the function is defined: a method or a decorator."""
        return self._method_context(func) or self._decorator_context(func)

    def is_traced_itself(self, func: Body) -> bool:
        """A body traced on its own account: its creations are reported there, not at
        every traced caller (a function given to a Lambda and called from a tf.function)."""
        if isinstance(func, nodes.FunctionDef) and self.defined_traced(func) is not None:
            return True
        module = func.root()
        if module not in self._given:
            every = list(module.nodes_of_class(nodes.Call))
            self._given[module] = frozenset(
                traced.node for call in every for traced in self.call_contexts(call)
            )
        return func in self._given[module]

    def _method_context(self, func: nodes.FunctionDef) -> TracedBody | None:
        cls = func.parent
        if not isinstance(cls, nodes.ClassDef) or func.name not in self._method_names:
            return None
        roles = self.classes.roles(cls)
        where = f"{cls.name}.{func.name}"
        for row in _METHOD_ROWS:
            match = row.match
            assert isinstance(match, MethodOfRole)
            if match.method == func.name and match.role in roles:
                return TracedBody(func, row.context, where, row.label)
        if func.name in self.extra_methods and (roles or self.classes.has_external_base(cls)):
            return TracedBody(func, Context.TRACED, where, kb.CONFIGURED_METHOD_LABEL)
        return None

    @staticmethod
    def _decorator_context(func: nodes.FunctionDef) -> TracedBody | None:
        if not func.decorators:
            return None
        for decorator in func.decorators.nodes:
            name = resolve(decorator.func if isinstance(decorator, nodes.Call) else decorator)
            for row in _DECORATOR_ROWS:
                assert isinstance(row.match, Decorator)
                if name in row.match.names:
                    return TracedBody(func, row.context, display_name(func), row.label)
        return None

    def call_contexts(self, call: nodes.Call) -> Iterator[TracedBody]:
        """Bodies a call traces wherever it is made (``tf.function(f)``, ``ds.map(f)``)."""
        for row, label, args in self._matches(call, inherits=False):
            for arg in args:
                for body in self.resolver.callables(arg, call):
                    yield TracedBody(body, row.context, display_name(body), label, row.heuristic)

    def passed_functions(self, call: nodes.Call) -> Iterator[tuple[nodes.NodeNG, Body]]:
        """Functions a call in a traced body runs in the same trace (``tf.map_fn(f, x)``)."""
        for _row, _label, args in self._matches(call, inherits=True):
            for arg in args:
                for passed in self.resolver.callables(arg, call):
                    yield arg, passed

    def _matches(
        self, call: nodes.Call, inherits: bool
    ) -> Iterator[tuple[EntryPoint, str, list[nodes.NodeNG]]]:
        func = call.func
        if isinstance(func, nodes.Attribute) and func.attrname not in _CALL_LAST_PARTS:
            return
        name: str | None = None
        wrapper: str | None = None
        if isinstance(func, nodes.Attribute) or (
            isinstance(func, nodes.Name) and self._may_match(func)
        ):
            name = resolve(func)
        elif (
            isinstance(func, nodes.Call)
            and not func.args
            and isinstance(func.func, (nodes.Name, nodes.Attribute))
            and (isinstance(func.func, nodes.Attribute) or self._may_match(func.func))
        ):
            wrapper = resolve(func.func)  # ``tf.function(jit_compile=True)(step)``
        names = _CALLED_NAMES_OF[inherits]
        if (
            name not in names
            and wrapper not in names
            and not (isinstance(func, nodes.Attribute) and func.attrname in _METHODS_OF[inherits])
        ):
            return
        for row in _CALL_ROWS_OF[inherits]:
            match = row.match
            if isinstance(match, CallOf):
                if name in match.names or (match.configurable and wrapper in match.names):
                    yield row, row.label, _arguments(call, row.callables)
            elif (
                isinstance(func, nodes.Attribute)
                and func.attrname in match.methods
                and _receiver_is(match.receiver, func.expr)
            ):
                yield row, row.label.format(method=func.attrname), _arguments(call, row.callables)


    def _may_match(self, func: nodes.Name) -> bool:
        """Can a call of this name be a call row's (``function(f)`` after ``from tensorflow
        import function``)? Only a name spelled like a row's last part, or bound to another
        name, resolves to one: the rest are not looked up (most calls of every module)."""
        if func.name in _CALL_LAST_PARTS:
            return True
        renaming = renaming_bindings(func.root())  # one scan per module, kept by names
        return renaming is None or func.name in renaming


def _arguments(call: nodes.Call, where: tuple[int | str, ...]) -> list[nodes.NodeNG]:
    """The arguments of a call at these positions and keywords (``ALL_ARGUMENTS``: all)."""
    if ALL_ARGUMENTS in where:
        return [*call.args, *(keyword.value for keyword in call.keywords or ())]
    found: list[nodes.NodeNG] = []
    for position in where:
        if isinstance(position, int):
            found.extend(call.args[position : position + 1])
    found.extend(keyword.value for keyword in call.keywords or () if keyword.arg in where)
    return found


def _receiver_is(kind: Receiver, expr: nodes.NodeNG) -> bool:
    if kind is Receiver.DATASET:
        return _is_dataset(expr)
    if kind is Receiver.STRATEGY:
        return _is_strategy(expr)
    return True


def _is_strategy(expr: nodes.NodeNG) -> bool:
    """A ``tf.distribute`` strategy.

    ``strategy``, ``self._strategy``, ``tf.distribute.get_strategy()``.
    """
    if isinstance(expr, nodes.Call):
        expr = expr.func
    name = resolve(expr)
    if name and name.startswith(kb.DISTRIBUTE_NAMESPACE):
        return True
    while isinstance(expr, nodes.Attribute) and "strategy" not in expr.attrname.lower():
        expr = expr.expr
    if isinstance(expr, nodes.Attribute):
        return True
    return isinstance(expr, nodes.Name) and "strategy" in expr.name.lower()


def _is_dataset(expr: nodes.NodeNG, hops: int = MAX_DATASET_HOPS) -> bool:
    """Is this expression a ``tf.data`` dataset (built by a chain from ``tf.data.*``)?"""
    while hops >= 0:
        if isinstance(expr, nodes.Call):
            expr = expr.func
            continue
        if isinstance(expr, (nodes.Attribute, nodes.Name)):
            name = resolve(expr)
            if name and name.startswith(kb.DATASET_NAMESPACE):
                return True
        if isinstance(expr, nodes.Attribute):
            expr = expr.expr
            continue
        if isinstance(expr, nodes.Name):
            value = single_binding(expr)
            if value is None:
                return False
            expr = value
            hops -= 1
            continue
        return False
    return False


def display_name(body: Body) -> str:
    """``Cls.method``, ``func`` or ``<lambda>``."""
    if isinstance(body, nodes.Lambda):
        return "<lambda>"
    parent = body.parent
    if isinstance(parent, nodes.ClassDef):
        return f"{parent.name}.{body.name}"
    return body.name
