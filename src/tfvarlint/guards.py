"""Guards: is this creation behind a test that turns false once the state exists?

A condition guards a creation only if it tests state that the guarded code changes: the
created target (``if self.w is None: self.w = ...``), or a flag the guarded branch sets
(``if not self._ready: ...; self._ready = True``), or a flag Keras sets itself
(``self.built``). A configuration attribute set once in ``__init__`` (``if not self.causal:``)
is the same on every call, so it guards nothing; neither do arguments, locals or tensors
(``if training:``, ``if x.shape[0] > 1:``). A loop is no guard; a guard inside a loop still
guards.

The state has one of three owners, all keyed the same way (``"self.w"``, ``"CACHE"``,
``"obj.w"``): the instance (``self``, whatever its name), a module-level or closure name, or
a parameter's attribute (an object the body is given, which outlives the call). The guarded
branch changes a key by assigning it, an item of it or an owner of it (``self.state = ...``
changes ``self.state.w``), by a mutating method (``self._vars.setdefault(...)``), by
``setattr``, or, one level deep, through a method of the same class it calls
(``if self.w is None: self.build_weights()``). An existence test may sit behind a predicate
method of the same class (``if self._needs_init():`` whose body is ``return self._k is
None``). Methods are found by name in the class body or in its bases of the linted project
(through their imports, never TensorFlow's), never inferred.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from astroid import nodes
from astroid.const import Context as ExprContext

from tfvarlint import names

# Exceptions a ``try: self.w / except ...: create`` guard catches.
_MISSING_STATE_ERRORS = frozenset({"AttributeError", "KeyError", "NameError", "LookupError"})
# Flags Keras sets on the instance itself (``Layer.__call__`` builds, then sets ``built``).
_KERAS_FLAGS = frozenset({"self.built"})
# Keras methods that set a flag on the instance: calling them (inherited, or an override
# that calls ``super()``) changes that flag (tf-keras ``MultiHeadAttention``;
# guard/guard_keras_flag_setter.py).
_KERAS_FLAG_SETTERS = {"_build_from_signature": "self._built_from_signature"}
# Methods that change the container they are called on.
_MUTATORS = frozenset({"append", "extend", "insert", "add", "update", "setdefault", "__setitem__"})
# How many project base classes deep a method of ``self`` is looked up.
_MAX_BASE_DEPTH = 8
# Root of every key on the instance, whatever the method calls its first parameter.
_SELF = "self"

Body = nodes.FunctionDef | nodes.Lambda


def is_guarded(node: nodes.NodeNG, body: Body, *, tensor_state: bool = False) -> bool:
    """True if ``node`` (inside ``body``) only runs while some state does not exist yet.

    ``node`` is a creating call, or the call site of a helper that creates. ``tensor_state``:
    the creation is a variable. Once it exists, the truth value of the state it is stored
    in is a tensor, so AutoGraph turns ``self.w or tf.Variable(...)`` and ``if not self.w:``
    into graph conditionals that trace both branches: the retrace creates a second variable
    (tf.function: "only supports singleton tf.Variables"; Keras 3 call:
    OperatorNotAllowedInGraphError; see ``tests/functional/guard/guard_or_expression.py``
    and ``guard_not_truthiness_of_variable.py``), and ``self.w == None`` fails to convert
    None (``guard_not_equality_of_variable.py``). Such truthiness and equality tests of the
    very target are then no guard (``is None`` tests still are). ``tensor_state=True`` never guards
    more than ``tensor_state=False``.
    """
    targets, stored = _creation_targets(node, body)
    created = _Created(targets, stored if tensor_state else frozenset(), tensor_state)
    return any(
        _guards(parent, child, body, created) for parent, child in _branches_between(node, body)
    )


class _Created(NamedTuple):
    """What a guard is asked to protect."""

    targets: frozenset[str]  # keys the creation is assigned to
    tensor_targets: frozenset[str]  # of them, those a variable's truth value would be read from
    tensor_state: bool  # the creation is a variable


def clear_caches() -> None:
    """Drop every cached answer (they hold nodes, and through them whole trees)."""
    for cached in (
        _declared_global,
        _parameters,
        _class_method,
        _instance,
        _branch_changes,
        _method_changes,
        _try_reads,
    ):
        cached.cache_clear()


def _branches_between(
    node: nodes.NodeNG, body: nodes.NodeNG
) -> Iterator[tuple[nodes.NodeNG, nodes.NodeNG]]:
    """``(parent, child)`` for each ancestor of ``node`` up to and including ``body``."""
    child, parent = node, node.parent
    while parent is not None and child is not body:
        yield parent, child
        if parent is body:
            return
        child, parent = parent, parent.parent


def _guards(parent: nodes.NodeNG, child: nodes.NodeNG, body: Body, created: _Created) -> bool:
    targets, tensor_targets, tensor_state = created
    if isinstance(parent, nodes.If) and child is not parent.test:
        changed = _branch_changes(parent, child in parent.body, body)
        return is_guard_test(parent.test, body, changed, tensor_targets)
    if isinstance(parent, nodes.IfExp) and child is not parent.test:
        # ``self.w = tf.Variable(...) if self.w is None else self.w``
        return is_guard_test(parent.test, body, targets, tensor_targets)
    if isinstance(parent, nodes.BoolOp) and parent.op == "or" and child is not parent.values[0]:
        # ``self.dense = self.dense or Dense(3)``; for a variable, ``or`` on it is a tensor test.
        if tensor_state:
            return False
        earlier = parent.values[: parent.values.index(child)]
        return any(_changed(_tested_key(value, body), targets) for value in earlier)
    if isinstance(parent, nodes.ExceptHandler) and child in parent.body:
        # ``try: w = self.w`` / ``except AttributeError: self.w = ...``
        attempt = parent.parent
        return (
            isinstance(attempt, nodes.Try)
            and _catches_missing_state(parent)
            and _reads_changed(attempt, _statements_changes(parent.body, body), body)
        )
    if isinstance(parent, nodes.Try) and child in parent.orelse:
        return any(_catches_missing_state(handler) for handler in parent.handlers) and (
            _reads_changed(parent, _statements_changes(parent.orelse, body), body)
        )
    return False


def is_guard_test(
    test: nodes.NodeNG,
    body: Body,
    assigned: frozenset[str] = frozenset(),
    tensor_targets: frozenset[str] = frozenset(),
) -> bool:
    """Does this condition test state that the guarded code creates or flags?

    ``assigned``: the keys the guarded code changes (see the module docstring); only a test
    of one of them (or of a flag Keras sets) is a guard. ``tensor_targets``: state the
    guarded code stores a variable in; a plain truth test of it (``if not self.w:``) is a
    tensor condition once it exists, so no guard.
    """
    return _guard_test(test, body, assigned, tensor_targets, follow=True)


def _guard_test(
    test: nodes.NodeNG,
    body: Body,
    assigned: frozenset[str],
    tensor_targets: frozenset[str],
    *,
    follow: bool,
) -> bool:
    if isinstance(test, nodes.BoolOp):
        results = [
            _guard_test(value, body, assigned, tensor_targets, follow=follow)
            for value in test.values
        ]
        # ``if training and self.w is None``: the state test still stops it.
        return any(results) if test.op == "and" else all(results)
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        return _guard_test(test.operand, body, assigned, tensor_targets, follow=follow)
    if isinstance(test, nodes.Compare):
        key, by_identity = _compared_key(test, body)
        if not by_identity and key in tensor_targets:
            return False  # ``self.w == None``: a tensor op once ``self.w`` is the variable
        return _tests_changed(key, body, assigned)
    predicate = _predicate(test, body) if follow else None
    if predicate is not None:
        method, value = predicate
        return _guard_test(value, method, assigned, tensor_targets, follow=False)
    key = _state_key(test, body)
    if key is None and _is_builtin_call(test, "getattr"):
        key = _existence_key(test, body)  # ``if not getattr(self, "w", None):``
    if key is not None:  # plain truthiness
        return key not in tensor_targets and _tests_changed(key, body, assigned)
    if _is_builtin_call(test, "hasattr"):
        return _tests_changed(_existence_key(test, body), body, assigned)
    return False


def _tests_changed(key: str | None, body: Body, assigned: frozenset[str]) -> bool:
    if key is None:
        return False
    return _changed(key, assigned) or (key in _KERAS_FLAGS and _instance(body) is not None)


def _changed(key: str | None, assigned: frozenset[str]) -> bool:
    """Is ``key`` among the changed keys, or below one (``self.state`` replaced: ``.w`` too)?"""
    if key is None:
        return False
    return any(key == changed or key.startswith(changed + ".") for changed in assigned)


def _compared_key(test: nodes.Compare, body: Body) -> tuple[str | None, bool]:
    """``self.w is None``, ``None is P.w``, ``G == 0``, ``len(self.vars) == 0``,
    ``getattr(self, "w", None) is None``, ``self._vars.get(k) is None``, ``k not in
    self._vars``: the state key tested, and
    whether the test holds whatever that state is (``is``, ``in``, ``len``), or compares
    its value (``==``: on a variable, a tensor op; ``variable == None`` even raises)."""
    if len(test.ops) != 1:
        return None, True
    operator, right = test.ops[0]
    left = test.left
    if operator in ("is", "is not", "==", "!="):
        for side, other in ((left, right), (right, left)):
            if _is_none_or_empty(other):
                key = _tested_key(side, body)
                if key is not None:
                    return key, operator in ("is", "is not")
                key = _len_of_state_key(side, body)
                if key is not None:
                    return key, True
        return None, True
    if operator in ("in", "not in"):
        return _state_key(right, body), True  # whatever the key
    return None, True


def _tested_key(node: nodes.NodeNG, body: Body) -> str | None:
    """The state key ``node`` reads directly or asks about (``hasattr``/``getattr``, or an
    item by ``self._vars.get(k)``)."""
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.func, nodes.Attribute)
        and node.func.attrname == "get"
    ):
        return _state_key(node.func.expr, body)
    return _state_key(node, body) or _existence_key(node, body)


def _is_none_or_empty(node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.Const) and node.value in (None, 0, False)


def _is_builtin_call(node: nodes.NodeNG, name: str) -> bool:
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.func, nodes.Name)
        and node.func.name == name
    )


def _len_of_state_key(node: nodes.NodeNG, body: Body) -> str | None:
    if _is_builtin_call(node, "len") and len(node.args) == 1:
        return _state_key(node.args[0], body)
    return None


def _existence_key(node: nodes.NodeNG, body: Body) -> str | None:
    """``hasattr(O, "w")`` / ``getattr(O, "w", None)`` on an owner -> ``"O.w"``."""
    if not (
        (_is_builtin_call(node, "hasattr") or _is_builtin_call(node, "getattr"))
        and len(node.args) >= 2
    ):
        return None
    return _attribute_key(node.args[0], node.args[1], body)


def _attribute_key(owner: nodes.NodeNG, name: nodes.NodeNG, body: Body) -> str | None:
    """The key of attribute ``name`` (a node: ``"w"`` or an expression) of ``owner``."""
    root = _state_key(owner, body, bare=True)
    if root is None:
        return None
    if isinstance(name, nodes.Const) and isinstance(name.value, str):
        return f"{root}.{name.value}"
    return f"{root}.[{name.as_string()}]"  # ``hasattr(self, n)`` ... ``setattr(self, n, v)``


def _catches_missing_state(handler: nodes.ExceptHandler) -> bool:
    if handler.type is None:
        return False
    types = handler.type.elts if isinstance(handler.type, nodes.Tuple) else [handler.type]
    return any(
        isinstance(item, nodes.Name) and item.name in _MISSING_STATE_ERRORS for item in types
    )


def _reads_changed(attempt: nodes.Try, changed: frozenset[str], body: Body) -> bool:
    """Does the ``try`` body read state that the handler (or ``else``) changes?"""
    return any(_changed(key, changed) for key in _try_reads(attempt, body))


@lru_cache(maxsize=256)
def _try_reads(attempt: nodes.Try, body: Body) -> frozenset[str]:
    keys: set[str] = set()
    for statement in attempt.body:
        for node in statement.nodes_of_class((nodes.Name, nodes.Attribute, nodes.Subscript)):
            key = _state_key(node, body)
            if key is not None:
                keys.add(key)
    return frozenset(keys)


# --- state keys ----------------------------------------------------------------------------


def _state_key(node: nodes.NodeNG, body: Body, *, bare: bool = False) -> str | None:
    """A key naming the state ``node`` reads, if an owner outlives the call.

    ``self.w`` -> ``"self.w"`` (whatever the instance is called); ``self._vars[k]`` ->
    ``"self._vars"``; a name that is no parameter or local of the body (a global, a closure
    cell) -> its name; ``obj.w`` of a parameter ``obj`` -> ``"obj.w"``. A bare instance or
    parameter is no state (a parameter is rebound on every call) unless ``bare``
    (``hasattr(self, ...)``, ``obj.w = ...``).
    """
    while isinstance(node, nodes.Subscript):
        node = node.value
    parts: list[str] = []
    while isinstance(node, nodes.Attribute):
        parts.append(node.attrname)
        node = node.expr
    if not isinstance(node, nodes.Name):
        return None
    owner = _owner(node, body)
    if owner is None:
        return None
    root, bare_ok = owner
    if not parts and not (bare or bare_ok):
        return None
    return ".".join([root, *reversed(parts)])


def _owner(node: nodes.Name | nodes.AssignName, body: Body) -> tuple[str, bool] | None:
    """``(root, a bare name is state)`` of the owner ``node`` names, or None for a local."""
    name = node.name
    if name == _instance(body):
        return _SELF, False
    scope = node.scope()
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(scope, nodes.FunctionDef) and name in _declared_global(scope):
            return name, True
        if name in scope.locals:
            if scope is body and name in _parameters(body):
                return name, False
            return None
        if scope is body or scope.parent is None:
            break
        scope = scope.parent.scope()
    return name, True


@lru_cache(maxsize=512)
def _instance(body: Body) -> str | None:
    return names.instance_name(body)


@lru_cache(maxsize=512)
def _parameters(body: Body) -> frozenset[str]:
    arguments = body.args
    if arguments is None or arguments.args is None:  # a function built without a signature
        return frozenset()
    return frozenset(
        arg.name
        for arg in [
            *(arguments.posonlyargs or []),
            *arguments.args,
            *(arguments.kwonlyargs or []),
        ]
    )


@lru_cache(maxsize=512)
def _declared_global(func: nodes.FunctionDef) -> frozenset[str]:
    """Names a function (or a function nested in it) declares ``global``/``nonlocal``.

    Cached: guards ask this for every name they resolve.
    """
    return frozenset(
        name for stmt in func.nodes_of_class((nodes.Global, nodes.Nonlocal)) for name in stmt.names
    )


def _creation_targets(node: nodes.NodeNG, body: Body) -> tuple[frozenset[str], frozenset[str]]:
    """State keys ``node`` itself is assigned to (``self.w = self.w or <node>``), and those
    of them that then hold it as a plain value (not ``self.ws[k] = <node>``: a container's
    truth value is Python's)."""
    statement = node.parent
    while isinstance(statement, (nodes.BoolOp, nodes.IfExp)):
        statement = statement.parent
    if not isinstance(statement, (nodes.Assign, nodes.AnnAssign)):
        return frozenset(), frozenset()
    targets = statement.targets if isinstance(statement, nodes.Assign) else [statement.target]
    keys: set[str] = set()
    stored: set[str] = set()
    for target in targets:
        key = _target_key(target, body)
        if key is not None:
            keys.add(key)
            if not isinstance(target, nodes.Subscript):
                stored.add(key)
    return frozenset(keys), frozenset(stored)


def _target_key(target: nodes.NodeNG, body: Body) -> str | None:
    """The state key an assignment target changes (``self.w``, ``obj.slots[k]``, a global)."""
    if isinstance(target, nodes.AssignAttr):
        root = _state_key(target.expr, body, bare=True)
        return None if root is None else f"{root}.{target.attrname}"
    if isinstance(target, nodes.AssignName):
        owner = _owner(target, body)
        return target.name if owner is not None and owner[1] else None
    if isinstance(target, nodes.Subscript) and target.ctx is ExprContext.Store:
        return _state_key(target, body)
    return None


@lru_cache(maxsize=1024)
def _branch_changes(test: nodes.If, in_body: bool, body: Body) -> frozenset[str]:
    return _statements_changes(test.body if in_body else test.orelse, body)


def _statements_changes(
    statements: list[nodes.NodeNG], body: Body, *, follow: bool = True
) -> frozenset[str]:
    """Keys the statements change: assignments, mutating calls, ``setattr``, and (when
    ``follow``) what a method of the same class they call on ``self`` assigns to ``self``."""
    keys: set[str] = set()
    for statement in statements:
        for node in statement.nodes_of_class(
            (nodes.AssignAttr, nodes.AssignName, nodes.Subscript, nodes.Call)
        ):
            if isinstance(node, nodes.Call):
                keys.update(_call_changes(node, body, follow=follow))
            else:
                key = _target_key(node, body)
                if key is not None:
                    keys.add(key)
    return frozenset(keys)


def _call_changes(call: nodes.Call, body: Body, *, follow: bool) -> frozenset[str]:
    func = call.func
    if _is_builtin_call(call, "setattr") and len(call.args) >= 2:
        key = _attribute_key(call.args[0], call.args[1], body)
        return frozenset() if key is None else frozenset({key})
    if not isinstance(func, nodes.Attribute):
        return frozenset()
    if func.attrname in _MUTATORS:
        key = _state_key(func.expr, body)
        if key is not None:
            return frozenset({key})
    if isinstance(func.expr, nodes.Name) and func.expr.name == _instance(body):
        keras_flag = _KERAS_FLAG_SETTERS.get(func.attrname)
        changed = frozenset({keras_flag}) if keras_flag else frozenset()
        method = _own_method(body, func.attrname) if follow else None
        return changed | _method_changes(method) if method is not None else changed
    return frozenset()


@lru_cache(maxsize=512)
def _method_changes(method: nodes.FunctionDef) -> frozenset[str]:
    """What a method assigns to its instance (one level: it follows no further methods)."""
    return frozenset(
        key
        for key in _statements_changes(method.body, method, follow=False)
        if key.startswith(_SELF + ".")
    )


def _own_method(body: Body, name: str) -> nodes.FunctionDef | None:
    """The method ``name`` of the class of the method holding ``body`` (or of a base class
    defined in the linted project), found by name, never inferred."""
    scope: nodes.NodeNG | None = body
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(scope.parent, nodes.ClassDef):
            return _class_method(scope.parent, name, _MAX_BASE_DEPTH)
        scope = scope.parent.scope() if scope.parent is not None else None
    return None


@lru_cache(maxsize=1024)
def _class_method(cls: nodes.ClassDef, name: str, depth: int) -> nodes.FunctionDef | None:
    found = [
        definition
        for definition in cls.locals.get(name, [])
        if isinstance(definition, nodes.FunctionDef)
    ]
    if found:
        return found[-1]
    if depth <= 0:
        return None
    for base in cls.bases:
        if names.is_tf_name(names.resolve(base)):
            continue  # TensorFlow/Keras: never loaded
        definition = names.project_definition(base)
        if isinstance(definition, nodes.ClassDef) and definition is not cls:
            method = _class_method(definition, name, depth - 1)
            if method is not None:
                return method
    return None


def _predicate(test: nodes.NodeNG, body: Body) -> tuple[nodes.FunctionDef, nodes.NodeNG] | None:
    """``self._needs_init()`` (or a property ``self.needs_init``) whose method body is
    ``return <condition>``: the method and the condition."""
    if (
        isinstance(test, nodes.Call)
        and not test.args
        and not test.keywords
        and isinstance(test.func, nodes.Attribute)
    ):
        attribute, wants_property = test.func, False
    elif isinstance(test, nodes.Attribute):
        attribute, wants_property = test, True
    else:
        return None
    if not (isinstance(attribute.expr, nodes.Name) and attribute.expr.name == _instance(body)):
        return None
    method = _own_method(body, attribute.attrname)
    if method is None or _instance(method) is None or _is_property(method) != wants_property:
        return None
    statements = [
        statement
        for statement in method.body
        if not (isinstance(statement, nodes.Expr) and isinstance(statement.value, nodes.Const))
    ]
    if len(statements) == 1 and isinstance(statements[0], nodes.Return):
        value = statements[0].value
        if value is not None:
            return method, value
    return None


def _is_property(method: nodes.FunctionDef) -> bool:
    decorators = method.decorators.nodes if method.decorators else []
    return any(
        names.dotted_parts(decorator) in (["property"], ["functools", "cached_property"])
        or names.dotted_parts(decorator) == ["cached_property"]
        for decorator in decorators
    )
