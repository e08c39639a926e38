"""Which function bodies run on every call or trace, and what state they create.

The one place that decides "this body is traced, and this is why" (:meth:`Analyzer.traced_bodies`)
and "this call creates a variable / layer / optimizer / metric, directly or through a
helper" (:meth:`Analyzer.creations`). Names come from :mod:`tfvarlint.names`, API facts
from :mod:`tfvarlint.knowledge`, guards from :mod:`tfvarlint.guards`. No message ids here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.guards import is_guarded, is_guarded_by_parameter_state
from tfvarlint.knowledge import Context, Creates, Role
from tfvarlint.names import instance_name as _self_name
from tfvarlint.names import is_tf_name, project_definition, resolve

Body = nodes.FunctionDef | nodes.Lambda

# Role order when a class has several: a Model's ``call`` is described as Model.call.
_ROLE_ORDER = (Role.MODEL, Role.LAYER, Role.LOSS, Role.METRIC)
# Last parts of the calls whose arguments are traced (``tf.function``, ``Lambda``, ...).
_TRACING_LAST_PARTS = frozenset(
    name.rsplit(".", 1)[-1] for name in (*kb.TF_FUNCTION, *kb.TRACING_CALLS)
)
# Methods never followed from a traced body: Keras itself calls ``build`` once.
_NOT_FOLLOWED = frozenset({"build"})


@dataclass(frozen=True)
class TracedBody:
    """A function body that runs on every call or trace, and why."""

    node: Body
    context: Context
    where: str  # "MyModel.call", "train", "<lambda>"
    reason: str  # "Keras Model.call", "decorated with @tf.function", ...


@dataclass(frozen=True)
class Creation:
    """A call in a traced body that creates state (directly or through helpers)."""

    node: nodes.Call  # where the message goes: the creating call or the helper's call site
    creates: Creates
    what: str  # the creator as written: "tf.Variable", "self.add_weight", "Dense"
    guarded: bool
    via: tuple[str, ...] = field(default=())  # helper path, outermost first
    origin: nodes.Call | None = None  # the creating call itself (inside the last helper)


@dataclass(frozen=True)
class StoredVariable:
    """``self.<attr> = <variable factory>(...)`` somewhere in a class."""

    node: nodes.Call
    attr: str
    what: str
    raw_tf: bool
    trainable: bool
    written: bool = True  # some ``.<attr>.assign*()``/``scatter_*()`` in the module writes it
    via: str = ""  # " via make_weight() (util.py:3)" when a helper creates it


@dataclass
class Settings:
    """The checker's options, as the analysis uses them."""

    keras3: bool = True
    follow_depth: int = 3
    extra_factories: frozenset[str] = frozenset()
    extra_traced_methods: frozenset[str] = frozenset()


class Analyzer:
    """Answers questions about one linted module at a time; caches across modules."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._roles: dict[nodes.ClassDef, frozenset[Role]] = {}
        self._stateful: dict[tuple[nodes.ClassDef, bool], bool] = {}
        self._summaries: dict[tuple[Body, bool, int], Creation | None] = {}
        # A helper's calls are walked once per depth left: remember their answers.
        self._classified: dict[tuple[nodes.Call, Body, bool], tuple[Creates, str] | None] = {}
        self._helpers: dict[tuple[nodes.Call, Body], Body | None] = {}
        self._in_progress: set[object] = set()

    # --- classes -------------------------------------------------------------------------

    def class_roles(self, cls: nodes.ClassDef) -> frozenset[Role]:
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
                    roles |= self.class_roles(local)
        finally:
            self._in_progress.discard(cls)
        result = frozenset(roles)
        self._roles[cls] = result
        return result

    def _project_bases(self, cls: nodes.ClassDef) -> Iterator[nodes.ClassDef]:
        for base in cls.bases:
            if is_tf_name(resolve(base)):
                continue
            local = project_definition(base)
            if isinstance(local, nodes.ClassDef) and local is not cls:
                yield local

    def _find_method(
        self, cls: nodes.ClassDef, name: str, depth: int = 8
    ) -> nodes.FunctionDef | None:
        for stmt in cls.locals.get(name, []):
            if isinstance(stmt, nodes.FunctionDef):
                return stmt
        if depth <= 0:
            return None
        for base in self._project_bases(cls):
            found = self._find_method(base, name, depth - 1)
            if found is not None:
                return found
        return None

    def _is_stateful_class(self, cls: nodes.ClassDef) -> bool:
        """A project Layer/Model class whose instances own weights or sub-layers."""
        key = (cls, self.settings.keras3)
        if key in self._stateful:
            return self._stateful[key]
        if key in self._in_progress:
            return False
        self._in_progress.add(key)
        try:
            result = self._class_creates_state(cls)
        finally:
            self._in_progress.discard(key)
        self._stateful[key] = result
        return result

    def _class_creates_state(self, cls: nodes.ClassDef) -> bool:
        for base in cls.bases:
            name = resolve(base)
            if is_tf_name(name) and self._stateful_keras_name(name):
                return True
        if any(self._is_stateful_class(base) for base in self._project_bases(cls)):
            return True
        for method_name in ("__init__", "build"):
            method = self._find_method(cls, method_name)
            if method is None:
                continue
            for call in method.nodes_of_class(nodes.Call):
                if self._classify(call, method) is not None:
                    return True
            # State made through helpers (``self.kernel = make_weight(...)`` in build).
            if any(True for _ in self._body_creations(method, self.settings.follow_depth)):
                return True
        return False

    def _stateful_keras_name(self, name: str | None) -> bool:
        return name in kb.STATEFUL_LAYERS or (
            self.settings.keras3 and name in kb.KERAS3_STATEFUL_LAYERS
        )

    def stored_variables(self, cls: nodes.ClassDef) -> Iterator[StoredVariable]:
        """Variables a class stores on ``self`` in any of its own methods."""
        written: set[str] | None = None
        for method in cls.mymethods():
            self_name = _self_name(method)
            if self_name is None:
                continue
            for assign in method.nodes_of_class((nodes.Assign, nodes.AnnAssign)):
                value = assign.value
                if not isinstance(value, nodes.Call):
                    continue
                targets = assign.targets if isinstance(assign, nodes.Assign) else [assign.target]
                for target in targets:
                    if (
                        isinstance(target, nodes.AssignAttr)
                        and isinstance(target.expr, nodes.Name)
                        and target.expr.name == self_name
                    ):
                        stored = self._stored(value, target.attrname, method)
                        if stored is not None and not stored.trainable:
                            if written is None:
                                written = _written_attributes(cls.root())
                            stored = replace(stored, written=stored.attr in written)
                        if stored is not None:
                            yield stored

    def _stored(self, call: nodes.Call, attr: str, method: Body) -> StoredVariable | None:
        found = self._classify(call, method)
        origin, via = call, ""
        if found is None and self.settings.follow_depth > 0:
            # ``self.kernel = make_weight(...)``: the helper's variable is what is stored.
            depth = self.settings.follow_depth
            created = next(iter(self._helper_creations(call, method, depth)), None)
            if created is not None and created.origin is not None:
                found = (created.creates, created.what)
                origin, via = created.origin, f" via {' -> '.join(created.via)}"
        if found is None or found[0] is not Creates.VARIABLE:
            return None
        trainable = not any(
            keyword.arg == "trainable"
            and isinstance(keyword.value, nodes.Const)
            and keyword.value.value is False
            for keyword in origin.keywords or ()
        )
        raw_tf = resolve(origin.func) in kb.RAW_TF_VARIABLES
        return StoredVariable(call, attr, found[1], raw_tf, trainable, via=via)

    # --- traced bodies ---------------------------------------------------------------------

    def traced_bodies(
        self,
        module: nodes.Module,
        collected: tuple[list[nodes.FunctionDef], list[nodes.Call]] | None = None,
    ) -> list[TracedBody]:
        """Every body in the module that runs on each call or trace, first reason wins.

        ``collected``: the module's functions and calls in source order, when the caller
        already has them (the checker gathers them during pylint's own walk).
        """
        found: dict[Body, TracedBody] = {}
        if collected is None:
            every = list(module.nodes_of_class((nodes.FunctionDef, nodes.Call)))
            functions = [node for node in every if isinstance(node, nodes.FunctionDef)]
            calls = [node for node in every if isinstance(node, nodes.Call)]
        else:
            functions, calls = collected
        for node in functions:
            traced = self._method_context(node) or self._decorator_context(node)
            if traced is not None:
                found.setdefault(node, traced)
        for call in calls:
            for traced in self._call_contexts(call):
                found.setdefault(traced.node, traced)
        return list(found.values())

    def _method_context(self, func: nodes.FunctionDef) -> TracedBody | None:
        cls = func.parent
        if not isinstance(cls, nodes.ClassDef):
            return None
        if func.name not in kb.TRACED_METHOD_NAMES and not self.settings.extra_traced_methods:
            return None
        roles = self.class_roles(cls)
        for role in _ROLE_ORDER:
            if role in roles and func.name in kb.TRACED_METHODS[role]:
                context, label = kb.TRACED_METHODS[role][func.name]
                return TracedBody(func, context, f"{cls.name}.{func.name}", f"Keras {label}")
        if func.name in self.settings.extra_traced_methods and (
            roles or self._external_base(cls)
        ):
            return TracedBody(
                func, Context.TRACED, f"{cls.name}.{func.name}", "a configured traced method"
            )
        return None

    def _external_base(self, cls: nodes.ClassDef, depth: int = 8) -> bool:
        """A base imported from a third-party package (a framework that wraps Keras)."""
        for base in cls.bases:
            name = resolve(base)
            if name is None or "." not in name or is_tf_name(name):
                continue
            local = project_definition(base)
            if isinstance(local, nodes.ClassDef):
                if local is not cls and depth > 0 and self._external_base(local, depth - 1):
                    return True
            elif not _is_stdlib(name):
                return True
        return False

    @staticmethod
    def _decorator_context(func: nodes.FunctionDef) -> TracedBody | None:
        if not func.decorators:
            return None
        for decorator in func.decorators.nodes:
            target = decorator.func if isinstance(decorator, nodes.Call) else decorator
            if resolve(target) in kb.TF_FUNCTION:
                return TracedBody(
                    func, Context.TRACED, _display_name(func), "decorated with @tf.function"
                )
        return None

    def _call_contexts(self, call: nodes.Call) -> Iterator[TracedBody]:
        func = call.func
        # ``a.b.attr`` resolves to a name ending in ``attr``: skip the lookup when no
        # tracing call ends that way (a hot path: every call of every module).
        name = (
            None
            if isinstance(func, nodes.Attribute) and func.attrname not in _TRACING_LAST_PARTS
            else resolve(func)
        )
        if name in kb.TF_FUNCTION:
            yield from self._traced_args(call, call.args[:1], "wrapped by tf.function(...)")
        elif (
            isinstance(func, nodes.Call)
            and not func.args
            and isinstance(func.func, (nodes.Name, nodes.Attribute))
            and resolve(func.func) in kb.TF_FUNCTION
        ):  # ``tf.function(jit_compile=True)(step)``
            yield from self._traced_args(call, call.args[:1], "wrapped by tf.function(...)")
        elif name in kb.TRACING_CALLS:
            label = f"given to {kb.TRACING_CALLS[name]}"
            args = [*call.args[:1], *_keyword_values(call, "function", "fn")]
            yield from self._traced_args(call, args, label)
        elif isinstance(func, nodes.Attribute):
            if func.attrname in kb.DATASET_TRACING_METHODS and _is_dataset(func.expr):
                label = f"given to tf.data.Dataset.{func.attrname}()"
                args = [*call.args[:1], *_keyword_values(call, "map_func", "predicate", "func")]
                yield from self._traced_args(call, args, label)
            elif func.attrname == "compile":
                for keyword, label in kb.COMPILE_TRACED_KEYWORDS.items():
                    values = _keyword_values(call, keyword)
                    yield from self._traced_args(call, values, f"traced by Model.fit via {label}")

    def _traced_args(
        self, call: nodes.Call, args: Iterable[nodes.NodeNG], reason: str
    ) -> Iterator[TracedBody]:
        for arg in args:
            for body in self._callables(arg, call):
                yield TracedBody(body, Context.TRACED, _display_name(body), reason)

    def _callables(self, expr: nodes.NodeNG, site: nodes.NodeNG, depth: int = 2) -> list[Body]:
        """Functions a callable expression names (``f``, ``lambda``, ``partial(f)``, lists)."""
        if isinstance(expr, nodes.Lambda):
            return [expr]
        if isinstance(expr, (nodes.List, nodes.Tuple, nodes.Set)) and depth > 0:
            return [body for elt in expr.elts for body in self._callables(elt, site, depth - 1)]
        if isinstance(expr, nodes.Dict) and depth > 0:
            return [
                body for _, value in expr.items for body in self._callables(value, site, depth - 1)
            ]
        if isinstance(expr, nodes.Call):
            if resolve(expr.func) == "functools.partial" and expr.args and depth > 0:
                return self._callables(expr.args[0], site, depth - 1)
            if isinstance(expr.func, (nodes.Name, nodes.Attribute)):
                # ``compile(loss=make_loss(weights))``: the inner function it returns.
                factory = self._function_named(expr.func, site)
                if isinstance(factory, nodes.FunctionDef):
                    return _returned_functions(factory)
            return []
        target = self._function_named(expr, site)
        if target is None and isinstance(expr, nodes.Name) and depth > 0:
            # ``loss = make_loss(w); compile(loss=loss)``: what the name was bound to once.
            value = _single_assigned_value(expr)
            return self._callables(value, site, depth - 1) if value is not None else []
        return [target] if target is not None else []

    def _function_named(self, expr: nodes.NodeNG, site: nodes.NodeNG) -> Body | None:
        """The function or method a name, ``self.method`` or ``module.func`` refers to."""
        if isinstance(expr, nodes.Attribute) and isinstance(expr.expr, nodes.Name):
            method = site.scope()
            while isinstance(method, nodes.Lambda) or (
                isinstance(method, nodes.FunctionDef)
                and not isinstance(method.parent, nodes.ClassDef)
            ):
                method = method.parent.scope() if method.parent else None
            if isinstance(method, nodes.FunctionDef) and expr.expr.name == _self_name(method):
                return self._self_attribute_callable(method.parent, expr.attrname)
        if not isinstance(expr, (nodes.Name, nodes.Attribute)):
            return None
        if is_tf_name(resolve(expr)):
            return None
        target = project_definition(expr)
        if target is None and isinstance(expr, nodes.Attribute):
            return self._instance_method(expr)  # ``tf.function(obj.method)``
        return target if isinstance(target, nodes.FunctionDef) else None

    def _instance_method(self, expr: nodes.Attribute) -> Body | None:
        """``obj.method`` where ``obj`` is bound once to an instance of a project class."""
        if not isinstance(expr.expr, nodes.Name) or expr.attrname in _NOT_FOLLOWED:
            return None
        try:
            _scope, assignments = expr.expr.lookup(expr.expr.name)
        except Exception:  # pylint: disable=broad-exception-caught
            return None
        if len(assignments) != 1 or not isinstance(assignments[0].parent, nodes.Assign):
            return None
        value = assignments[0].parent.value
        if not isinstance(value, nodes.Call) or not isinstance(
            value.func, (nodes.Name, nodes.Attribute)
        ):
            return None
        cls = project_definition(value.func)
        return self._find_method(cls, expr.attrname) if isinstance(cls, nodes.ClassDef) else None

    def _self_attribute_callable(self, cls: nodes.ClassDef, attr: str) -> Body | None:
        """``self.attr`` in a class: a method, or a lambda/function stored on the instance."""
        if attr in _NOT_FOLLOWED:
            return None
        method = self._find_method(cls, attr)
        if method is not None:
            return method
        for target in cls.instance_attrs.get(attr, []):
            assign = target.parent
            if isinstance(assign, nodes.Assign):
                found = self._callables(assign.value, assign)
                if found:
                    return found[0]
        return None

    # --- creations -------------------------------------------------------------------------

    def creations(self, traced: TracedBody) -> Iterator[Creation]:
        """Creations in a traced body, reported at the creating call or the helper's call."""
        store = _decorated_with(traced.node, kb.TF1_VARIABLE_STORE_DECORATORS)
        for creation in self._body_creations(traced.node, self.settings.follow_depth):
            if (
                store
                and creation.origin is not None
                and resolve(creation.origin.func) in kb.GET_OR_CREATE_VARIABLES
            ):
                continue  # the shim's variable store creates it once and reuses it
            if _in_creator_scope(creation.node, traced.node):
                continue  # a custom creator decides what, if anything, is created
            yield creation

    def _body_creations(self, body: Body, depth: int) -> Iterator[Creation]:
        for call in _calls_in(body):
            found = self._classify(call, body)
            if found is not None:
                if found[0] is Creates.LAYER and _given_to_sequential(call):
                    continue  # ``Sequential([Dense(...)])``: reported once, at the Sequential
                guarded = is_guarded(
                    call, body, tensor_state=found[0] is Creates.VARIABLE
                ) or is_guarded_by_parameter_state(call, body)
                yield Creation(call, found[0], found[1], guarded, origin=call)
                continue
            if depth > 0:
                yield from self._helper_creations(call, body, depth)

    def _helper_creations(self, call: nodes.Call, body: Body, depth: int) -> Iterator[Creation]:
        """What the helper a call runs creates (at most one creation), reported at the call."""
        helper = self._helper(call, body)
        if helper is not None:
            steps = [(helper, f"{call.func.as_string()}()", call.func)]
        else:
            steps = [
                (passed, f"{call.func.as_string()}({arg.as_string()})", arg)
                for arg, passed in self._passed_functions(call, body)
            ]
        for helper, text, named in steps:
            summary = self._summary(helper, depth - 1)
            if summary is not None:
                guarded = is_guarded(
                    call, body, tensor_state=summary.creates is Creates.VARIABLE
                )
                yield Creation(
                    call, summary.creates, summary.what, guarded or summary.guarded,
                    (f"{text} ({_location(helper, named)})", *summary.via),
                    summary.origin,
                )
                return

    def _summary(self, helper: Body, depth: int) -> Creation | None:
        """The first creation a helper makes (an unguarded one preferred), cached.

        Keyed by the depth left, so the answer never depends on the order bodies are
        visited; recursion ends because every step down has one less depth.
        """
        key = (helper, self.settings.keras3, depth)
        if key in self._summaries:
            return self._summaries[key]
        self._summaries[key] = None  # a body that reaches itself within its own depth
        found = list(self._body_creations(helper, depth))
        once = _runs_once(helper)
        result = None
        for found_creation in found:
            creation = found_creation
            if once:
                creation = replace(creation, guarded=True)
            if result is None or (result.guarded and not creation.guarded):
                result = creation
        self._summaries[key] = result
        return result

    def _helper(self, call: nodes.Call, body: Body) -> Body | None:
        key = (call, body)
        if key not in self._helpers:
            self._helpers[key] = self._find_helper(call, body)
        return self._helpers[key]

    def _find_helper(self, call: nodes.Call, body: Body) -> Body | None:
        """The project function or method a call in a traced body runs, if any."""
        func = call.func
        target: nodes.NodeNG | None = None
        if isinstance(func, nodes.Call):  # ``functools.partial(make, 3)()``
            found = self._callables(func, call)
            target = found[0] if found else None
        elif isinstance(func, (nodes.Name, nodes.Attribute)):
            if isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name):
                target = self._function_named(func, call)  # ``self.method()``, ``util.make()``
            if target is None:
                if is_tf_name(resolve(func)):
                    return None
                target = project_definition(func)
            if isinstance(target, nodes.ClassDef):
                # ``Counter()`` of a project class: its __init__ runs here.
                if self.class_roles(target) & {Role.LAYER, Role.OPTIMIZER, Role.METRIC}:
                    return None
                target = self._find_method(target, "__init__")
            elif target is None and isinstance(func, nodes.Name):
                target = self._assigned_callable(func, call)  # ``p = partial(make); p()``
        if not isinstance(target, (nodes.FunctionDef, nodes.Lambda)):
            return None
        if target is body or _is_inside(target, body) or self._traced_itself(target):
            return None  # nested code is walked in place; a traced helper reports itself
        return target

    def _assigned_callable(self, name: nodes.Name, site: nodes.NodeNG) -> Body | None:
        """The function a name bound once by ``name = <lambda | partial(f) | f>`` calls."""
        try:
            _scope, assignments = name.lookup(name.name)
        except Exception:  # pylint: disable=broad-exception-caught
            return None
        if len(assignments) != 1 or not isinstance(assignments[0].parent, nodes.Assign):
            return None
        value = assignments[0].parent.value
        if isinstance(value, nodes.Name) and value.name == name.name:
            return None
        found = self._callables(value, site)
        return found[0] if found else None

    def _traced_itself(self, func: Body) -> bool:
        """A helper that is a traced body of its own: its creations are reported there."""
        return isinstance(func, nodes.FunctionDef) and (
            self._decorator_context(func) is not None or self._method_context(func) is not None
        )

    def _passed_functions(
        self, call: nodes.Call, body: Body
    ) -> Iterator[tuple[nodes.NodeNG, Body]]:
        """Project functions given to ``tf.map_fn``/``tf.cond``/``strategy.run``/... here.

        Those calls run their functions in the traced body's own trace. Functions nested in
        the body are not returned: :func:`_calls_in` walks them in place.
        """
        func = call.func
        if resolve(func) not in kb.INHERITS_TRACING_CALLS and not (
            isinstance(func, nodes.Attribute)
            and func.attrname in kb.DISTRIBUTE_RUN_METHODS
            and _is_strategy(func.expr)
        ):
            return
        for arg in [*call.args, *(keyword.value for keyword in call.keywords or ())]:
            for passed in self._callables(arg, call):
                if (
                    passed is not body
                    and not _is_inside(passed, body)
                    and not self._traced_itself(passed)
                ):
                    yield arg, passed

    def _classify(self, call: nodes.Call, body: Body) -> tuple[Creates, str] | None:
        key = (call, body, self.settings.keras3)
        if key not in self._classified:
            self._classified[key] = self._classify_call(call, body)
        return self._classified[key]

    def _classify_call(self, call: nodes.Call, body: Body) -> tuple[Creates, str] | None:
        """What a call creates by itself (no helper following), with the creator's text."""
        func = call.func
        what = func.as_string()
        if isinstance(func, nodes.Attribute) and func.attrname in kb.SELF_VARIABLE_METHODS:
            receiver = func.expr
            if isinstance(receiver, nodes.Name) and receiver.name == _self_name(body):
                return Creates.VARIABLE, what
            if (
                isinstance(receiver, nodes.Call)
                and isinstance(receiver.func, nodes.Name)
                and receiver.func.name == "super"
            ):
                return Creates.VARIABLE, what
        if not isinstance(func, (nodes.Name, nodes.Attribute)):
            return None
        name = resolve(func)
        if name in kb.VARIABLE_FACTORIES or name in self.settings.extra_factories:
            return Creates.VARIABLE, what
        if self.settings.extra_factories and not is_tf_name(name):
            # A configured factory imported through a re-export or an alias module.
            target = project_definition(func)
            if (
                isinstance(target, nodes.FunctionDef)
                and target.qname() in self.settings.extra_factories
            ):
                return Creates.VARIABLE, what
        if is_tf_name(name):
            if self._stateful_keras_name(name):
                return Creates.LAYER, what
            if name in kb.SEQUENTIAL and self._sequential_has_state(call, body):
                return Creates.LAYER, what
            if name in kb.OPTIMIZERS:
                return Creates.OPTIMIZER, what
            if name in kb.METRICS:
                return Creates.METRIC, what
            return None
        target = project_definition(func)
        if isinstance(target, nodes.ClassDef):
            roles = self.class_roles(target)
            if Role.LAYER in roles and self._is_stateful_class(target):
                return Creates.LAYER, what
            if Role.OPTIMIZER in roles:
                return Creates.OPTIMIZER, what
            if Role.METRIC in roles:
                return Creates.METRIC, what
        return None

    def _sequential_has_state(self, call: nodes.Call, body: Body) -> bool:
        layers = call.args[:1] + _keyword_values(call, "layers")
        for arg in layers:
            elements = arg.elts if isinstance(arg, (nodes.List, nodes.Tuple)) else []
            for element in elements:
                if isinstance(element, nodes.Call):
                    found = self._classify(element, body)
                    if found is not None and found[0] is Creates.LAYER:
                        return True
        return False


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


def _written_attributes(module: nodes.Module) -> set[str]:
    """Attribute names whose value some call in the module writes in place, whatever the
    receiver: ``self.step.assign_add(1)``, ``model.alpha.assign(a)``, ``q.scatter_update()``."""
    names: set[str] = set()
    for call in module.nodes_of_class(nodes.Call):
        func = call.func
        if isinstance(func, nodes.Attribute) and func.attrname.startswith(
            kb.VARIABLE_WRITE_PREFIXES
        ):
            target = func.expr
            while isinstance(target, nodes.Subscript):
                target = target.value
            if isinstance(target, nodes.Attribute):
                names.add(target.attrname)
    return names


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


def _single_assigned_value(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the one plain assignment ``name = <value>`` that binds a name."""
    try:
        _scope, assignments = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-exception-caught
        return None
    if len(assignments) != 1 or not isinstance(assignments[0], nodes.AssignName):
        return None
    assign = assignments[0].parent
    return assign.value if isinstance(assign, nodes.Assign) and len(assign.targets) == 1 else None


def _returned_functions(factory: nodes.FunctionDef) -> list[Body]:
    """Functions a factory returns: ``def make(w): def loss(...): ...; return loss``."""
    found: list[Body] = []
    for ret in factory.nodes_of_class(nodes.Return):
        if ret.scope() is not factory:
            continue
        value = ret.value
        if isinstance(value, nodes.Lambda):
            found.append(value)
        elif isinstance(value, nodes.Name):
            found.extend(
                stmt
                for stmt in factory.locals.get(value.name, [])
                if isinstance(stmt, nodes.FunctionDef)
            )
    return found


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


def _is_inside(node: nodes.NodeNG, container: nodes.NodeNG) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is container:
            return True
        parent = parent.parent
    return False


def _runs_once(func: Body) -> bool:
    return _decorated_with(func, kb.RUN_ONCE_DECORATORS)


def _in_creator_scope(node: nodes.NodeNG, body: Body) -> bool:
    """Is ``node`` inside ``with tf.variable_creator_scope(...):`` within ``body``?"""
    parent = node.parent
    while parent is not None and parent is not body:
        if isinstance(parent, nodes.With) and any(
            isinstance(item, nodes.Call) and resolve(item.func) in kb.VARIABLE_CREATOR_SCOPES
            for item, _ in parent.items
        ):
            return True
        parent = parent.parent
    return False


def _decorated_with(func: Body, names: frozenset[str]) -> bool:
    if not isinstance(func, nodes.FunctionDef) or not func.decorators:
        return False
    return any(
        resolve(d.func if isinstance(d, nodes.Call) else d) in names
        for d in func.decorators.nodes
    )


def _keyword_values(call: nodes.Call, *names: str) -> list[nodes.NodeNG]:
    return [keyword.value for keyword in call.keywords or () if keyword.arg in names]


def _is_stdlib(qname: str) -> bool:
    from astroid.modutils import is_stdlib_module  # pylint: disable=import-outside-toplevel

    try:
        return is_stdlib_module(qname.split(".", 1)[0])
    except Exception:  # pylint: disable=broad-exception-caught
        return False


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


def _is_dataset(expr: nodes.NodeNG, hops: int = 3) -> bool:
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
            try:
                _scope, assignments = expr.lookup(expr.name)
            except Exception:  # pylint: disable=broad-exception-caught
                return False
            values = [
                stmt.parent.value
                for stmt in assignments
                if isinstance(stmt, nodes.AssignName) and isinstance(stmt.parent, nodes.Assign)
            ]
            if len(values) != 1:
                return False
            expr = values[0]
            hops -= 1
            continue
        return False
    return False


def _display_name(body: Body) -> str:
    if isinstance(body, nodes.Lambda):
        return "<lambda>"
    parent = body.parent
    if isinstance(parent, nodes.ClassDef):
        return f"{parent.name}.{body.name}"
    return body.name


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
