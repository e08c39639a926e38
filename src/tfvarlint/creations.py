"""Creations: which calls in a traced body create state, directly or through helpers.

One :class:`Creations` per Keras version (whether a Dropout holds state is a Keras 3
answer), with frozen :class:`Settings`; exemptions (:mod:`tfvarlint.exemptions`) are applied
the same way to a direct creation and to a helper's call site, at every depth.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import NamedTuple

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.classes import ClassModel
from tfvarlint.exemptions import Verdict, verdict
from tfvarlint.knowledge import Creates, Role
from tfvarlint.names import (
    instance_name,
    is_inside,
    is_tf_name,
    project_definition,
    resolve,
    single_binding,
)
from tfvarlint.resolver import Body, Resolver
from tfvarlint.traced import EntryPoints, TracedBody


class Settings(NamedTuple):
    """The checker's options, as the analysis uses them (one value per run)."""

    follow_depth: int = 3
    extra_factories: frozenset[str] = frozenset()
    extra_traced_methods: frozenset[str] = frozenset()


class Step(NamedTuple):
    """One hop from a traced body to a creation: the call and where its target lives."""

    call: str  # "make_var()", "tf.map_fn(step)"
    location: str  # "util.py:3", "make_weight, util.py:3"

    def __str__(self) -> str:
        return f"{self.call} ({self.location})"


@dataclass(frozen=True)
class Creation:  # pylint: disable=too-many-instance-attributes  # a record of one finding
    """A call in a traced body that creates state (directly or through helpers)."""

    node: nodes.Call  # where the message goes: the creating call or the helper's call site
    creates: Creates
    what: str  # the creator as written: "tf.Variable", "self.add_weight", "Dense"
    factory: str  # the creator's canonical name ("tensorflow.Variable", "self.add_weight")
    guarded: bool
    via: tuple[Step, ...] = field(default=())  # helper path, outermost first
    origin: nodes.Call | None = None  # the creating call itself (inside the last helper)
    # Below ``node``: (helper, its call or creation, run by a direct call?) per hop down.
    chain: tuple[tuple[Body, nodes.Call, bool], ...] = field(default=(), compare=False)

    @property
    def tracked_by_keras2(self) -> bool:
        """tf-keras tracks this when it is made lazily in ``call`` (only Keras 3 refuses)."""
        return self.creates in kb.KERAS2_TRACKS_LAZY or self.factory in kb.KERAS2_TRACKED_FACTORIES


_Classified = tuple[Creates, str, str] | None


class _PerCall:
    """What a call creates, per call, for the body it was first classified in (almost always
    its only one); any other body apart. No (call, body) key tuple per call: each would be one
    more object for the garbage collector to track for the whole run."""

    __slots__ = ("_also", "_found", "_in")

    def __init__(self) -> None:
        self._found: dict[nodes.Call, _Classified] = {}
        self._in: dict[nodes.Call, Body] = {}
        self._also: dict[tuple[nodes.Call, Body], _Classified] = {}

    def get(
        self, call: nodes.Call, body: Body, classify: Callable[[nodes.Call, Body], _Classified]
    ) -> _Classified:
        """The cached result for (call, body), computed by ``classify`` the first time."""
        first = self._in.get(call)
        if first is body:
            return self._found[call]
        if first is None:
            found = self._found[call] = classify(call, body)
            self._in[call] = body
            return found
        key = (call, body)
        if key not in self._also:
            self._also[key] = classify(call, body)
        return self._also[key]

    def clear(self) -> None:
        """Drop every cached node."""
        self._found.clear()
        self._in.clear()
        self._also.clear()


class Creations:
    """Finds creations for one Keras version; caches across the modules of a run."""

    def __init__(self, settings: Settings, keras3: bool, entry_points: EntryPoints) -> None:
        self.settings = settings
        self.keras3 = keras3
        self.entry_points = entry_points
        # A class in the middle of being decided reads False (a class reaching itself).
        self._stateful: dict[nodes.ClassDef, bool] = {}
        self._summaries: dict[tuple[Body, int], tuple[Creation, ...]] = {}
        self._classified = _PerCall()

    @property
    def classes(self) -> ClassModel:
        """The run's class model."""
        return self.entry_points.classes

    @property
    def resolver(self) -> Resolver:
        """The run's callable resolver."""
        return self.entry_points.resolver

    def clear(self) -> None:
        """Drop every cached node."""
        self._stateful.clear()
        self._summaries.clear()
        self._classified.clear()

    # --- traced bodies -----------------------------------------------------------------

    def creations(self, traced: TracedBody) -> Iterator[Creation]:
        """Creations in a traced body, reported at the creating call or the helper's call."""
        return self.body_creations(traced.node, self.settings.follow_depth)

    def body_creations(self, body: Body, depth: int) -> Iterator[Creation]:
        """Creations a body makes, with helpers followed ``depth`` calls deep."""
        for call in _calls_in(body):
            found = self.classify(call, body)
            if found is None:
                if depth > 0:
                    yield from self.helper_creations(call, body, depth)
                continue
            creates, what, factory = found
            if creates is Creates.LAYER and _given_to_sequential(call):
                continue  # ``Sequential([Dense(...)])``: reported once, at the Sequential
            creation = Creation(call, creates, what, factory, False, origin=call)
            judged = _judged(creation, call, body, self.resolver)
            if judged is not None:
                yield judged

    def helper_creations(self, call: nodes.Call, body: Body, depth: int) -> Iterator[Creation]:
        """What the helper a call runs creates (at most one creation), reported at the call."""
        helper = self._helper(call, body)
        if helper is not None:
            steps = [(helper, f"{call.func.as_string()}()", call.func)]
        else:
            steps = [
                (passed, f"{call.func.as_string()}({arg.as_string()})", arg)
                for arg, passed in self.entry_points.passed_functions(call)
                if self._followed(passed, body)
            ]
        for target, text, named in steps:
            summary = self.summary(target, depth - 1, call if helper is not None else None)
            if summary is not None:
                creation = replace(
                    summary,
                    node=call,
                    via=(Step(text, _location(target, named)), *summary.via),
                    chain=((target, summary.node, helper is not None), *summary.chain),
                )
                judged = _judged(creation, call, body, self.resolver)
                if judged is not None:
                    yield judged
                return

    def summary(self, helper: Body, depth: int, site: nodes.Call | None = None) -> Creation | None:
        """The first creation a helper makes (an unguarded one preferred).

        ``site``: the call that runs the helper; a creation in a branch its literal arguments
        rule out (``helper(x, skip=True)``, the variable under ``if not skip:``) is none, also
        when the helper forwards the argument to the helper that creates.
        """
        result = None
        for creation in self._made(helper, depth):
            if site is not None and _ruled_out(creation, helper, site):
                continue
            if result is None or (result.guarded and not creation.guarded):
                result = creation
        return result

    def _made(self, helper: Body, depth: int) -> tuple[Creation, ...]:
        """Every creation a helper makes, cached.

        Keyed by the depth left, so the answer never depends on the order bodies are
        visited; recursion ends because every step down has one less depth.
        """
        key = (helper, depth)
        if key not in self._summaries:
            self._summaries[key] = ()  # a body that reaches itself within its own depth
            self._summaries[key] = tuple(self.body_creations(helper, depth))
        return self._summaries[key]

    def _helper(self, call: nodes.Call, body: Body) -> Body | None:
        target = self.resolver.helper(call)
        return target if target is not None and self._followed(target, body) else None

    def _followed(self, target: Body, body: Body) -> bool:
        # Nested code is walked in place; a body traced on its own reports itself.
        return (
            target is not body
            and not is_inside(target, body)
            and not self.entry_points.is_traced_itself(target)
        )

    # --- what a call creates -------------------------------------------------------------

    def classify(self, call: nodes.Call, body: Body) -> tuple[Creates, str, str] | None:
        """What a call creates by itself (no helper following): kind, text, factory."""
        return self._classified.get(call, body, self._classify_call)

    def _classify_call(self, call: nodes.Call, body: Body) -> tuple[Creates, str, str] | None:
        func = call.func
        # ``what`` (the creator as written) is spelled out only for a creation: as_string()
        # of every call's callee was about 5 % of the analysis.
        if isinstance(func, nodes.Attribute) and func.attrname in kb.SELF_VARIABLE_METHODS:
            receiver = func.expr
            if (isinstance(receiver, nodes.Name) and receiver.name == instance_name(body)) or (
                isinstance(receiver, nodes.Call)
                and isinstance(receiver.func, nodes.Name)
                and receiver.func.name == "super"
            ):
                return Creates.VARIABLE, func.as_string(), f"self.{func.attrname}"
        if not isinstance(func, (nodes.Name, nodes.Attribute)):
            return None
        name = resolve(func)
        if name in kb.VARIABLE_FACTORIES or name in self.settings.extra_factories:
            what = func.as_string()
            return Creates.VARIABLE, what, name or what
        if self.settings.extra_factories and not is_tf_name(name):
            # A configured factory imported through a re-export or an alias module.
            target = project_definition(func)
            if (
                isinstance(target, nodes.FunctionDef)
                and target.qname() in self.settings.extra_factories
            ):
                return Creates.VARIABLE, func.as_string(), target.qname()
        if is_tf_name(name):
            assert name is not None
            creates = self._keras_creates(name, call, body)
            return (creates, func.as_string(), name) if creates is not None else None
        target = project_definition(func)
        if isinstance(target, nodes.ClassDef):
            roles = self.classes.roles(target)
            if Role.LAYER in roles and self.is_stateful_class(target):
                return Creates.LAYER, func.as_string(), target.qname()
            if Role.OPTIMIZER in roles:
                return Creates.OPTIMIZER, func.as_string(), target.qname()
            if Role.METRIC in roles:
                return Creates.METRIC, func.as_string(), target.qname()
        return None

    def _keras_creates(self, name: str, call: nodes.Call, body: Body) -> Creates | None:
        if self._stateful_keras_name(name):
            if name in kb.RANDOM_LAYER_RATES and _literal_zero(call, kb.RANDOM_LAYER_RATES[name]):
                return None  # ``Dropout(0.0)``: no seed generator
            if name in kb.WRAPPER_LAYERS and not self._wrapped_has_state(call, body, name):
                return None
            return Creates.LAYER
        if name in kb.SEQUENTIAL and self._sequential_has_state(call, body):
            return Creates.LAYER
        if name in kb.OPTIMIZERS:
            return Creates.OPTIMIZER
        if name in kb.METRICS:
            return Creates.METRIC
        return None

    def _wrapped_has_state(self, call: nodes.Call, body: Body, name: str) -> bool:
        """An RNN/TimeDistributed built here holds state only through what it wraps: a layer
        or cell constructed here (directly or bound once in the body) that is stateful, or
        ``stateful=True`` (the RNN keeps its states in variables)."""
        if any(
            keyword.arg == "stateful"
            and not (isinstance(keyword.value, nodes.Const) and keyword.value.value is False)
            for keyword in call.keywords or ()
        ):
            return True
        keyword_name = kb.WRAPPER_LAYERS[name]
        wrapped = call.args[:1] + [
            keyword.value for keyword in call.keywords or () if keyword.arg == keyword_name
        ]
        elements: list[nodes.NodeNG] = []
        for arg in wrapped:
            value = arg
            if isinstance(arg, nodes.Name):
                bound = single_binding(arg)
                value = bound if bound is not None and bound.scope() is body else arg
            elements.extend(value.elts if isinstance(value, (nodes.List, nodes.Tuple)) else [value])
        for element in elements:
            if not isinstance(element, nodes.Call):
                continue  # a layer made elsewhere: built once there, only wrapped here
            found = self.classify(element, body)
            if found is not None and found[0] is Creates.LAYER:
                return True
        return False

    def _stateful_keras_name(self, name: str | None) -> bool:
        if name in kb.STATEFUL_LAYERS or (self.keras3 and name in kb.KERAS3_STATEFUL_LAYERS):
            return True
        return bool(name) and any(
            name.startswith(namespace) and name.rsplit(".", 1)[-1][:1].isupper()
            for namespace in kb.STATEFUL_NAMESPACES
        )

    def _sequential_has_state(self, call: nodes.Call, body: Body) -> bool:
        layers = call.args[:1] + [
            keyword.value for keyword in call.keywords or () if keyword.arg == "layers"
        ]
        for arg in layers:
            elements = arg.elts if isinstance(arg, (nodes.List, nodes.Tuple)) else []
            for element in elements:
                if isinstance(element, nodes.Call):
                    found = self.classify(element, body)
                    if found is not None and found[0] is Creates.LAYER:
                        return True
        return False

    def is_stateful_class(self, cls: nodes.ClassDef) -> bool:
        """A project Layer/Model class whose instances own weights or sub-layers."""
        if cls in self._stateful:
            return self._stateful[cls]
        self._stateful[cls] = False
        result = self._stateful[cls] = self._class_creates_state(cls)
        return result

    def _class_creates_state(self, cls: nodes.ClassDef) -> bool:
        for base in cls.bases:
            name = resolve(base)
            if is_tf_name(name) and self._stateful_keras_name(name):
                return True
        if any(self.is_stateful_class(base) for base in self.classes.project_bases(cls)):
            return True
        # A layer whose own ``call`` creates state (even lazily) creates it when built per
        # call (creation_layer/creation_layer_project_lazy_call.py).
        for method_name in ("__init__", "build", "call"):
            method = self.classes.find_method(cls, method_name)
            if method is None:
                continue
            for call in method.nodes_of_class(nodes.Call):
                if self.classify(call, method) is not None:
                    return True
            # State made through helpers (``self.kernel = make_weight(...)`` in build).
            if any(True for _ in self.body_creations(method, self.settings.follow_depth)):
                return True
        return False


def _literal_zero(call: nodes.Call, keyword: str) -> bool:
    """The call's first argument or ``keyword=`` is the literal 0."""
    values = call.args[:1] + [kw.value for kw in call.keywords or () if kw.arg == keyword]
    return any(
        isinstance(value, nodes.Const)
        and isinstance(value.value, (int, float))
        and not isinstance(value.value, bool)
        and value.value == 0
        for value in values
    )


def _judged(
    creation: Creation, site: nodes.Call, body: Body, resolver: Resolver
) -> Creation | None:
    """The creation with every exemption applied at this site; None when exempt."""
    found = verdict(site, body, creation, resolver)
    if found is Verdict.EXEMPT:
        return None
    if found is Verdict.GUARDED and not creation.guarded:
        return replace(creation, guarded=True)
    return creation


# --- branches a call site's literal arguments rule out -----------------------------------------

_UNKNOWN = object()
# An argument that is certainly not None (``self.kernel``, ``make()``, ``[a, b]``): decides
# ``param is None`` tests only (tfa crf_log_likelihood(..., transition_params=self.kernel)).
_NOT_NONE = object()
_NOT_NONE_EXPRESSIONS = (
    nodes.Attribute, nodes.Call, nodes.Subscript, nodes.BinOp, nodes.List, nodes.Tuple,
    nodes.Dict, nodes.Lambda,
)  # fmt: skip


class _Forwarded(NamedTuple):
    """What is known of the parameters of the function making a call (``caller``), so that
    ``inner(x, w)`` inside ``outer(x, w=None)`` passes on what ``outer``'s caller gave."""

    caller: Body | None = None
    values: Mapping[str, object] = MappingProxyType({})


def _argument_value(arg: nodes.NodeNG, forwarded: _Forwarded) -> object:
    """What an argument is known to be: a constant, not None, or unknown."""
    if isinstance(arg, nodes.Const):
        return arg.value
    if isinstance(arg, _NOT_NONE_EXPRESSIONS):
        return _NOT_NONE
    return _name_value(arg, forwarded) if isinstance(arg, nodes.Name) else _UNKNOWN


def _name_value(name: nodes.Name, forwarded: _Forwarded) -> object:
    """A name's value: a forwarded parameter, or what every binding of it is known to be
    (``kernel`` unpacked from ``self(x)`` is a call's result: not None)."""
    try:
        _scope, bindings = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-exception-caught  # odd trees must not crash pylint
        return _UNKNOWN
    if not bindings:
        return _UNKNOWN
    values: set[object] = set()
    for binding in bindings:
        if not isinstance(binding, nodes.AssignName):
            return _UNKNOWN
        parent = binding.parent
        if isinstance(parent, nodes.Arguments):
            if len(bindings) != 1 or parent.parent is not forwarded.caller:
                return _UNKNOWN  # a parameter of another function than the caller's
            return forwarded.values.get(name.name, _UNKNOWN)
        while isinstance(parent, (nodes.Tuple, nodes.List, nodes.Starred)):
            parent = parent.parent  # ``(a, b), c = f()``: an element of the call's result
        if not isinstance(parent, nodes.Assign):
            return _UNKNOWN
        unpacked = binding.parent is not parent
        value = parent.value
        if unpacked:
            if not isinstance(value, (nodes.Call, nodes.Attribute, nodes.Subscript)):
                return _UNKNOWN
            values.add(_NOT_NONE)
        elif isinstance(value, nodes.Const):
            values.add(value.value if len(bindings) == 1 else _UNKNOWN)
        else:
            values.add(_NOT_NONE if isinstance(value, _NOT_NONE_EXPRESSIONS) else _UNKNOWN)
    return values.pop() if len(values) == 1 else _UNKNOWN


def _ruled_out(creation: Creation, helper: Body, site: nodes.Call) -> bool:
    """Is the creation, at any hop from ``helper`` down, in a branch that the arguments
    known at ``site`` (literals, forwarded from parameter to parameter) never take?"""
    runner, forwarded = site, _Forwarded()
    for body, node, direct in ((helper, creation.node, True), *creation.chain):
        if not direct or not isinstance(body, nodes.FunctionDef):
            return False
        known = _literal_arguments(body, runner, forwarded)
        if known and _in_branch_not_taken(node, body, known):
            return True
        runner, forwarded = node, _Forwarded(body, known)
    return False


def _in_branch_not_taken(node: nodes.NodeNG, helper: nodes.FunctionDef, known: dict) -> bool:
    """Is ``node`` (in ``helper``) in a branch that these parameter values never take?"""
    child, parent = node, node.parent
    while parent is not None and child is not helper:
        if isinstance(parent, (nodes.If, nodes.IfExp)) and child is not parent.test:
            value = _evaluate(parent.test, known)
            if value is not _UNKNOWN:
                in_body = (
                    child in parent.body if isinstance(parent, nodes.If) else child is parent.body
                )
                if bool(value) is not in_body:
                    return True
        child, parent = parent, parent.parent
    return False


def _literal_arguments(
    helper: nodes.FunctionDef, site: nodes.Call, forwarded: _Forwarded
) -> dict[str, object]:
    """Parameter -> known value at this call (a constant, a constant default, not None)."""
    arguments = helper.args
    positional = [*(arguments.posonlyargs or []), *(arguments.args or [])]
    if isinstance(helper.parent, nodes.ClassDef) and isinstance(site.func, nodes.Attribute):
        positional = positional[1:]  # ``self.helper(...)``/``obj.helper(...)``: bound
    values: dict[str, object] = {}
    defaults = arguments.defaults or []
    for param, default in zip(
        positional[len(positional) - len(defaults) :], defaults, strict=True
    ):
        if isinstance(default, nodes.Const):
            values[param.name] = default.value
    for param, default in zip(
        arguments.kwonlyargs or [], arguments.kw_defaults or [], strict=False
    ):
        if isinstance(default, nodes.Const):
            values[param.name] = default.value
    if any(isinstance(arg, nodes.Starred) for arg in site.args):
        return {}
    for param, arg in zip(positional, site.args, strict=False):
        values[param.name] = _argument_value(arg, forwarded)
    for keyword in site.keywords or ():
        if keyword.arg is None:
            return {}  # ``**kwargs``: anything
        values[keyword.arg] = _argument_value(keyword.value, forwarded)
    return {name: value for name, value in values.items() if value is not _UNKNOWN}


def _evaluate(test: nodes.NodeNG, literals: dict[str, object]) -> object:
    """The value of a test of literal parameters (``skip``, ``not skip``, ``mode == "a"``)."""
    if isinstance(test, nodes.Name):
        value = literals.get(test.name, _UNKNOWN)
        return _UNKNOWN if value is _NOT_NONE else value
    if isinstance(test, nodes.UnaryOp) and test.op == "not":
        value = _evaluate(test.operand, literals)
        return _UNKNOWN if value is _UNKNOWN else not value
    if isinstance(test, nodes.Compare) and len(test.ops) == 1:
        operator, right = test.ops[0]
        left = literals.get(test.left.name, _UNKNOWN) if isinstance(test.left, nodes.Name) else (
            _UNKNOWN
        )
        other = right.value if isinstance(right, nodes.Const) else _UNKNOWN
        if left is _UNKNOWN or other is _UNKNOWN:
            return _UNKNOWN
        if left is _NOT_NONE:
            if other is not None or operator not in ("is", "is not", "==", "!="):
                return _UNKNOWN
            return operator in ("is not", "!=")
        compare = {
            "is": lambda a, b: a is b,
            "is not": lambda a, b: a is not b,
            "==": lambda a, b: a == b,
            "!=": lambda a, b: a != b,
        }.get(operator)
        return compare(left, other) if compare else _UNKNOWN
    return _UNKNOWN


# --- small tree helpers -----------------------------------------------------------------------


def _calls_in(body: Body) -> Iterator[nodes.Call]:
    """Calls a body runs: its own, and those of nested functions and lambdas it calls.

    Nested classes are skipped, as are lambdas stored on an attribute or returned (they
    run later, elsewhere). The arguments of a call are walked too.
    """
    stack: list[nodes.NodeNG] = list(body.body) if isinstance(body.body, list) else [body.body]
    called: set[str] | None = None
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.ClassDef):
            continue
        if isinstance(node, nodes.FunctionDef):
            if called is None:
                called = _called_names(body)
            if node.name in called:
                stack.extend(node.body)
            continue
        if isinstance(node, nodes.Lambda):
            if _is_stored(node):
                continue
            bound = _bound_names(node)
            if bound:  # ``make = lambda: ...``: part of the body only if ``make`` is called
                if called is None:
                    called = _called_names(body)
                if not bound & called:
                    continue
            stack.append(node.body)
            continue
        if isinstance(node, nodes.Call):
            yield node
        stack.extend(node.get_children())


def _called_names(body: Body) -> set[str]:
    """Names called, or passed to a call, inside a body (``inner()``, ``tf.map_fn(inner, x)``)."""
    names: set[str] = set()
    for name in body.nodes_of_class(nodes.Name):
        parent = name.parent
        if isinstance(parent, (nodes.Call, nodes.Keyword)) or (
            isinstance(parent, (nodes.List, nodes.Tuple)) and isinstance(parent.parent, nodes.Call)
        ):
            names.add(name.name)
    return names


def _bound_names(lam: nodes.Lambda) -> set[str]:
    """Plain names a lambda is assigned to (``make = lambda: ...``)."""
    parent = lam.parent
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)) and parent.value is lam:
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        return {target.name for target in targets if isinstance(target, nodes.AssignName)}
    return set()


def _given_to_sequential(call: nodes.Call) -> bool:
    """A layer built as an element of the layer list of ``Sequential([...])``."""
    container = call.parent
    if not isinstance(container, (nodes.List, nodes.Tuple)):
        return False
    owner = container.parent
    if isinstance(owner, nodes.Keyword):
        owner = owner.parent
    return isinstance(owner, nodes.Call) and resolve(owner.func) in kb.SEQUENTIAL


def _is_stored(lam: nodes.Lambda) -> bool:
    parent = lam.parent
    if isinstance(parent, nodes.Return):
        return True
    if isinstance(parent, (nodes.Assign, nodes.AnnAssign)):
        targets = parent.targets if isinstance(parent, nodes.Assign) else [parent.target]
        return any(isinstance(target, nodes.AssignAttr) for target in targets)
    return False


def _location(body: Body, named: nodes.NodeNG | None = None) -> str:
    """``util.py:12``; ``make_weight, util.py:12`` when the code names it otherwise."""
    root = body.root()
    path = root.file or root.name
    where = f"{path.replace(chr(92), '/').rsplit('/', 1)[-1]}:{body.lineno}"
    name = "lambda" if isinstance(body, nodes.Lambda) else body.name
    written = named.attrname if isinstance(named, nodes.Attribute) else getattr(named, "name", None)
    if name in ("__init__", written):
        return where
    return f"{name}, {where}"
