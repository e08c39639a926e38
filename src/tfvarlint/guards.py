"""Guards: is this creation behind a test that turns false once the state exists?

A guard tests the object's or the module's own state (``self.w``, a module-level cache,
``hasattr(self, "w")``, ``key in self._vars``, ``not self.built``), never only arguments,
locals or tensors (``if training:``, ``if x.shape[0] > 1:``). A loop is no guard; a guard
inside a loop still guards. See issue 3, item 7, and the examples in ``tests/unit``.
"""

from __future__ import annotations

from astroid import nodes

from tfvarlint.names import instance_name as _self_name

# Exceptions a ``try: self.w / except ...: create`` guard catches.
_MISSING_STATE_ERRORS = frozenset({"AttributeError", "KeyError", "NameError", "LookupError"})


def is_guarded(node: nodes.NodeNG, body: nodes.FunctionDef | nodes.Lambda) -> bool:
    """True if ``node`` (inside ``body``) only runs while some state does not exist yet."""
    child = node
    parent = node.parent
    while parent is not None and child is not body:
        if _guards(parent, child, body):
            return True
        if parent is body:
            break
        child, parent = parent, parent.parent
    return False


def _guards(parent: nodes.NodeNG, child: nodes.NodeNG, body: nodes.NodeNG) -> bool:
    if isinstance(parent, nodes.If) and child is not parent.test:
        assigned = _assigned_state(parent.body if child in parent.body else parent.orelse, body)
        return is_guard_test(parent.test, body, assigned)
    if isinstance(parent, nodes.IfExp) and child is not parent.test:
        return is_guard_test(parent.test, body, frozenset())
    if isinstance(parent, nodes.BoolOp) and parent.op == "or" and child is not parent.values[0]:
        # ``self.w = self.w or tf.Variable(...)``
        earlier = parent.values[: parent.values.index(child)]
        return any(_state_key(value, body) is not None for value in earlier)
    if isinstance(parent, nodes.ExceptHandler):
        return _catches_missing_state(parent)
    if isinstance(parent, nodes.Try) and child in parent.orelse:
        return any(_catches_missing_state(handler) for handler in parent.handlers)
    return False


def is_guard_test(
    test: nodes.NodeNG, body: nodes.NodeNG, assigned: frozenset[str] = frozenset()
) -> bool:
    """Does this condition test state that the guarded code creates or flags?"""
    if isinstance(test, nodes.BoolOp):
        results = [is_guard_test(value, body, assigned) for value in test.values]
        # ``if training and self.w is None``: the state test still stops it.
        return any(results) if test.op == "and" else all(results)
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        operand = test.operand
        return _state_key(operand, body) is not None or _is_existence_call(operand, body)
    if _is_existence_call(test, body):
        return True
    if isinstance(test, nodes.Compare):
        return _is_state_compare(test, body)
    # Plain truthiness: a guard only when the guarded code sets that very state.
    key = _state_key(test, body)
    return key is not None and key in assigned


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
        if isinstance(scope, nodes.FunctionDef) and any(
            name in stmt.names for stmt in scope.nodes_of_class((nodes.Global, nodes.Nonlocal))
        ):
            return False
        if name in scope.locals:
            return True
        if scope is body or scope.parent is None:
            return False
        scope = scope.parent.scope()
    return False


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
