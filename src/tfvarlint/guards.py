"""Guards: is this creation behind a test that turns false once the state exists?

A guard tests the object's or the module's own state (``self.w``, a module-level cache,
``hasattr(self, "w")``, ``key in self._vars``, ``not self.built``), never only arguments,
locals or tensors (``if training:``, ``if x.shape[0] > 1:``). A loop is no guard; a guard
inside a loop still guards. See issue 3, item 7, and the examples in ``tests/unit``.
"""

from __future__ import annotations

from functools import lru_cache

from astroid import nodes
from astroid.const import Context

from tfvarlint.names import instance_name as _self_name

# Exceptions a ``try: self.w / except ...: create`` guard catches.
_MISSING_STATE_ERRORS = frozenset({"AttributeError", "KeyError", "NameError", "LookupError"})


def is_guarded(
    node: nodes.NodeNG, body: nodes.FunctionDef | nodes.Lambda, tensor_state: bool = False
) -> bool:
    """True if ``node`` (inside ``body``) only runs while some state does not exist yet.

    ``tensor_state``: ``node`` creates a variable. Once it exists, the truth value of the
    state it is stored in is a tensor, so AutoGraph turns ``self.w or tf.Variable(...)`` and
    ``if not self.w:`` into graph conditionals that trace both branches: the retrace
    creates a second variable (tf.function: "only supports singleton tf.Variables"; Keras 3
    call: OperatorNotAllowedInGraphError; runs of 2026-11-24, TF 2.21, both Keras). Such
    truthiness tests of the very target are then no guard (``is None`` tests still are).
    """
    own = _creation_targets(node, body) if tensor_state else frozenset()
    child = node
    parent = node.parent
    while parent is not None and child is not body:
        if _guards(parent, child, body, tensor_state, own):
            return True
        if parent is body:
            break
        child, parent = parent, parent.parent
    return False


def _guards(
    parent: nodes.NodeNG,
    child: nodes.NodeNG,
    body: nodes.NodeNG,
    tensor_state: bool = False,
    own: frozenset[str] = frozenset(),
) -> bool:
    if isinstance(parent, nodes.If) and child is not parent.test:
        assigned = _assigned_state(parent.body if child in parent.body else parent.orelse, body)
        return is_guard_test(parent.test, body, assigned, own)
    if isinstance(parent, nodes.IfExp) and child is not parent.test:
        return is_guard_test(parent.test, body, frozenset(), own)
    if isinstance(parent, nodes.BoolOp) and parent.op == "or" and child is not parent.values[0]:
        # ``self.w = self.w or Dense(3)``; for a variable, ``or`` on it is a tensor test.
        if tensor_state:
            return False
        earlier = parent.values[: parent.values.index(child)]
        return any(_state_key(value, body) is not None for value in earlier)
    if isinstance(parent, nodes.ExceptHandler):
        return _catches_missing_state(parent)
    if isinstance(parent, nodes.Try) and child in parent.orelse:
        return any(_catches_missing_state(handler) for handler in parent.handlers)
    return False


def is_guard_test(
    test: nodes.NodeNG,
    body: nodes.NodeNG,
    assigned: frozenset[str] = frozenset(),
    tensor_targets: frozenset[str] = frozenset(),
) -> bool:
    """Does this condition test state that the guarded code creates or flags?

    ``tensor_targets``: state the guarded code stores a variable in; a plain truth test of it
    (``if not self.w:``) is a tensor condition once it exists, so no guard.
    """
    if isinstance(test, nodes.BoolOp):
        results = [is_guard_test(value, body, assigned, tensor_targets) for value in test.values]
        # ``if training and self.w is None``: the state test still stops it.
        return any(results) if test.op == "and" else all(results)
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        operand = test.operand
        key = _state_key(operand, body)
        if key is not None:
            return key not in tensor_targets
        return _is_existence_call(operand, body)
    if _is_existence_call(test, body):
        return True
    if isinstance(test, nodes.Compare):
        return _is_state_compare(test, body)
    # Plain truthiness: a guard only when the guarded code sets that very state.
    key = _state_key(test, body)
    return key is not None and key in assigned and key not in tensor_targets


def _is_state_compare(test: nodes.Compare, body: nodes.NodeNG) -> bool:
    if len(test.ops) != 1:
        return False
    operator, right = test.ops[0]
    left = test.left
    if operator in ("is", "is not", "==", "!="):
        # ``self.w is None``, ``getattr(self, "w", None) is None``, ``len(self.vars) == 0``
        for side, other in ((left, right), (right, left)):
            if _is_none_or_empty(other) and (
                _state_key(side, body) is not None
                or _is_existence_call(side, body)
                or _is_len_of_state(side, body)
            ):
                return True
        return False
    if operator in ("in", "not in"):
        # ``if key not in self._vars``, whatever the key
        return _state_key(right, body) is not None
    return False


def _is_none_or_empty(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Const) and node.value in (None, 0, False)


def _is_len_of_state(node: nodes.NodeNG, body: nodes.NodeNG) -> bool:
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.func, nodes.Name)
        and node.func.name == "len"
        and len(node.args) == 1
        and _state_key(node.args[0], body) is not None
    )


def _is_existence_call(node: nodes.NodeNG, body: nodes.NodeNG) -> bool:
    """``hasattr(self, "w")`` or ``getattr(self, "w", None)`` on own state."""
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.func, nodes.Name)
        and node.func.name in ("hasattr", "getattr")
        and len(node.args) >= 2
        and _state_key(node.args[0], body, allow_self=True) is not None
    )


def _catches_missing_state(handler: nodes.ExceptHandler) -> bool:
    if handler.type is None:
        return False
    types = handler.type.elts if isinstance(handler.type, nodes.Tuple) else [handler.type]
    return any(
        isinstance(item, nodes.Name) and item.name in _MISSING_STATE_ERRORS for item in types
    )


def _state_key(node: nodes.NodeNG, body: nodes.NodeNG, allow_self: bool = False) -> str | None:
    """A key naming the state ``node`` reads, if it is the object's or the module's own.

    ``self.w`` -> ``"self.w"``; ``self._vars[k]`` -> ``"self._vars"``; a name that is not
    a parameter or local of the traced body (a global, a closure cell) -> its name.
    ``allow_self`` accepts the bare instance (``hasattr(self, ...)``).
    """
    while isinstance(node, nodes.Subscript):
        node = node.value
    parts: list[str] = []
    while isinstance(node, nodes.Attribute):
        parts.append(node.attrname)
        node = node.expr
    if not isinstance(node, nodes.Name):
        return None
    self_name = _self_name(body)
    if node.name == self_name:
        if not parts and not allow_self:
            return None
        return ".".join([node.name, *reversed(parts)])
    if _is_local_to(node, body):
        return None
    return ".".join([node.name, *reversed(parts)])


def _is_local_to(node: nodes.Name | nodes.AssignName, body: nodes.NodeNG) -> bool:
    """A parameter or local variable of the traced body or of a function nested in it."""
    name = node.name
    scope = node.scope()
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(scope, nodes.FunctionDef) and name in _declared_global(scope):
            return False
        if name in scope.locals:
            return True
        if scope is body or scope.parent is None:
            return False
        scope = scope.parent.scope()
    return False


@lru_cache(maxsize=512)
def _declared_global(func: nodes.FunctionDef) -> frozenset[str]:
    """Names a function (or a function nested in it) declares ``global``/``nonlocal``.

    Cached: walking a whole body for every name made guards the plugin's hot spot.
    """
    return frozenset(
        name
        for stmt in func.nodes_of_class((nodes.Global, nodes.Nonlocal))
        for name in stmt.names
    )


def _creation_targets(node: nodes.NodeNG, body: nodes.NodeNG) -> frozenset[str]:
    """State keys ``node`` itself is assigned to (``self.w = self.w or <node>``), not a
    container holding it (``self.ws = [<node>]``: a list's truth value is Python's)."""
    statement = node.parent
    while isinstance(statement, (nodes.BoolOp, nodes.IfExp)):
        statement = statement.parent
    if not isinstance(statement, (nodes.Assign, nodes.AnnAssign)):
        return frozenset()
    targets = statement.targets if isinstance(statement, nodes.Assign) else [statement.target]
    keys: set[str] = set()
    for target in targets:
        if isinstance(target, nodes.AssignAttr):
            key = _state_key(target.expr, body, allow_self=True)
            if key is not None:
                keys.add(f"{key}.{target.attrname}")
        elif isinstance(target, nodes.AssignName) and not _is_local_to(target, body):
            keys.add(target.name)
    return frozenset(keys)


def _assigned_state(statements: list[nodes.NodeNG], body: nodes.NodeNG) -> frozenset[str]:
    keys: set[str] = set()
    for statement in statements:
        for target in statement.nodes_of_class((nodes.AssignAttr, nodes.AssignName)):
            if isinstance(target, nodes.AssignAttr):
                key = _state_key(target.expr, body, allow_self=True)
                if key is not None:
                    keys.add(f"{key}.{target.attrname}")
            elif not _is_local_to(target, body):
                keys.add(target.name)
    return frozenset(keys)


def is_guarded_by_parameter_state(
    node: nodes.NodeNG, body: nodes.FunctionDef | nodes.Lambda
) -> bool:
    """A helper guarding state of an object it was given (issue 6).

    ``def ensure(layer): if layer.w is None: layer.w = tf.Variable(...)`` and
    ``if name not in store.slots: store.slots[name] = ...``: the test reads ``P.attr`` of a
    parameter ``P`` and the guarded branch assigns that same ``P.attr`` (or an item of it),
    so the branch runs once per object. Requiring the assignment keeps tests of inputs
    (``if x.shape[0] is None``) out.
    """
    if not isinstance(body, nodes.FunctionDef):
        return False
    arguments = body.args
    params = {
        arg.name
        for arg in [
            *(arguments.posonlyargs or []),
            *(arguments.args or []),
            *(arguments.kwonlyargs or []),
        ]
    }
    params.discard(_self_name(body) or "")  # the instance's own state: is_guarded decides
    if not params:
        return False
    child, parent = node, node.parent
    while parent is not None and child is not body:
        if isinstance(parent, nodes.If) and child is not parent.test:
            branch = parent.body if child in parent.body else parent.orelse
            tested = _parameter_state_read(parent.test, params)
            if tested & _parameter_state_assigned(branch, params):
                return True
        if parent is body:
            break
        child, parent = parent, parent.parent
    return False


def _parameter_attribute(node: nodes.NodeNG, params: set[str]) -> str | None:
    """``P.attr`` (the first attribute of a parameter) that ``node`` reads, as a key."""
    while isinstance(node, nodes.Subscript):
        node = node.value
    last = None
    while isinstance(node, nodes.Attribute):
        last = node.attrname
        node = node.expr
    if isinstance(node, nodes.Name) and node.name in params and last is not None:
        return f"{node.name}.{last}"
    return None


def _parameter_state_read(test: nodes.NodeNG, params: set[str]) -> set[str]:
    """Keys of existence tests on a parameter's state: ``P.w is None``, ``k not in P.d``,
    ``not hasattr(P, "w")``, ``getattr(P, "w", None) is None``; through ``and`` only.
    Truthiness (``if not P.w``) is no guard (see ``is_guard_test``)."""
    if isinstance(test, nodes.BoolOp):
        if test.op != "and":
            return set()
        return set().union(*(_parameter_state_read(value, params) for value in test.values))
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        key = _parameter_existence_call(test.operand, params)
        return {key} if key else set()
    if isinstance(test, nodes.Compare) and len(test.ops) == 1:
        operator, right = test.ops[0]
        if operator in ("in", "not in"):
            key = _parameter_attribute(right, params)
            return {key} if key else set()
        if operator in ("is", "==") and isinstance(right, nodes.Const) and right.value is None:
            key = _parameter_attribute(test.left, params) or _parameter_existence_call(
                test.left, params
            )
            return {key} if key else set()
    return set()


def _parameter_existence_call(node: nodes.NodeNG, params: set[str]) -> str | None:
    """``hasattr(P, "w")`` / ``getattr(P, "w", None)`` -> ``"P.w"``."""
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.func, nodes.Name)
        and node.func.name in ("hasattr", "getattr")
        and len(node.args) >= 2
        and isinstance(node.args[0], nodes.Name)
        and node.args[0].name in params
        and isinstance(node.args[1], nodes.Const)
        and isinstance(node.args[1].value, str)
    ):
        return f"{node.args[0].name}.{node.args[1].value}"
    return None


def _parameter_state_assigned(statements: list[nodes.NodeNG], params: set[str]) -> set[str]:
    keys: set[str] = set()
    for statement in statements:
        for target in statement.nodes_of_class((nodes.AssignAttr, nodes.Subscript)):
            if isinstance(target, nodes.AssignAttr):
                if isinstance(target.expr, nodes.Name) and target.expr.name in params:
                    keys.add(f"{target.expr.name}.{target.attrname}")
            elif target.ctx is Context.Store:  # ``P.slots[name] = ...``
                key = _parameter_attribute(target, params)
                if key is not None:
                    keys.add(key)
    return keys


def clear_caches() -> None:
    """Drop the node caches (the checker's close())."""
    _declared_global.cache_clear()
