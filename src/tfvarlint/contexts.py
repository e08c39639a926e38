"""Which function bodies run on every call or trace, and what state they create.

The one place that decides "this body is traced, and this is why" (:meth:`Analyzer.traced_bodies`)
and "this call creates a variable / layer / optimizer / metric, directly or through a
helper" (:meth:`Analyzer.creations`). Names come from :mod:`tfvarlint.names`, API facts
from :mod:`tfvarlint.knowledge`, guards from :mod:`tfvarlint.guards`. No message ids here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.guards import is_guarded
from tfvarlint.knowledge import Context, Creates, Role
from tfvarlint.names import instance_name as _self_name
from tfvarlint.names import is_tf_name, project_definition, resolve

Body = nodes.FunctionDef | nodes.Lambda

# Role order when a class has several: a Model's ``call`` is described as Model.call.
_ROLE_ORDER = (Role.MODEL, Role.LAYER, Role.LOSS, Role.METRIC)
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


@dataclass(frozen=True)
class StoredVariable:
    """``self.<attr> = <variable factory>(...)`` somewhere in a class."""

    node: nodes.Call
    attr: str
    what: str
    raw_tf: bool
    trainable: bool


@dataclass
class Settings:
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
        self._summaries: dict[tuple[Body, bool], Creation | None] = {}
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
        return False

    def _stateful_keras_name(self, name: str | None) -> bool:
        return name in kb.STATEFUL_LAYERS or (
            self.settings.keras3 and name in kb.KERAS3_STATEFUL_LAYERS
        )

    def stored_variables(self, cls: nodes.ClassDef) -> Iterator[StoredVariable]:
        """Variables a class stores on ``self`` in any of its own methods."""
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
                        if stored is not None:
                            yield stored

    def _stored(self, call: nodes.Call, attr: str, method: Body) -> StoredVariable | None:
        found = self._classify(call, method)
        if found is None or found[0] is not Creates.VARIABLE:
            return None
        trainable = not any(
            keyword.arg == "trainable"
            and isinstance(keyword.value, nodes.Const)
            and keyword.value.value is False
            for keyword in call.keywords or ()
        )
        raw_tf = resolve(call.func) in kb.RAW_TF_VARIABLES
        return StoredVariable(call, attr, found[1], raw_tf, trainable)

    # --- traced bodies ---------------------------------------------------------------------

    def traced_bodies(self, module: nodes.Module) -> list[TracedBody]:
        """Every body in the module that runs on each call or trace, first reason wins."""
        found: dict[Body, TracedBody] = {}
        calls: list[nodes.Call] = []
        for node in module.nodes_of_class((nodes.FunctionDef, nodes.Call)):
            if isinstance(node, nodes.Call):
                calls.append(node)
                continue
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
        if func.name in self.settings.extra_traced_methods and roles - {Role.MODULE}:
            return TracedBody(
                func, Context.TRACED, f"{cls.name}.{func.name}", "a configured traced method"
            )
        return None

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
        name = resolve(func)
        if name in kb.TF_FUNCTION:
            yield from self._traced_args(call, call.args[:1], "wrapped by tf.function(...)")
        elif name in kb.TRACING_CALLS:
            label = f"given to {kb.TRACING_CALLS[name]}"
            yield from self._traced_args(call, [*call.args[:1], *_keyword_values(call, "function", "fn")], label)
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
            return [body for _, value in expr.items for body in self._callables(value, site, depth - 1)]
        if isinstance(expr, nodes.Call):
            if resolve(expr.func) == "functools.partial" and expr.args and depth > 0:
                return self._callables(expr.args[0], site, depth - 1)
            return []
        target = self._function_named(expr, site)
        return [target] if target is not None else []

    def _function_named(self, expr: nodes.NodeNG, site: nodes.NodeNG) -> Body | None:
        """The function or method a name, ``self.method`` or ``module.func`` refers to."""
        if isinstance(expr, nodes.Attribute) and isinstance(expr.expr, nodes.Name):
            method = site.scope()
            while isinstance(method, nodes.Lambda) or (
                isinstance(method, nodes.FunctionDef) and not isinstance(method.parent, nodes.ClassDef)
            ):
                method = method.parent.scope() if method.parent else None
            if isinstance(method, nodes.FunctionDef) and expr.expr.name == _self_name(method):
                return self._self_attribute_callable(method.parent, expr.attrname)
        if not isinstance(expr, (nodes.Name, nodes.Attribute)):
            return None
        if is_tf_name(resolve(expr)):
            return None
        target = project_definition(expr)
        return target if isinstance(target, nodes.FunctionDef) else None

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
        yield from self._body_creations(traced.node, self.settings.follow_depth)

    def _body_creations(self, body: Body, depth: int) -> Iterator[Creation]:
        for call in _calls_in(body):
            found = self._classify(call, body)
            guarded = is_guarded(call, body)
            if found is not None:
                yield Creation(call, found[0], found[1], guarded)
                continue
            if depth <= 0:
                continue
            helper = self._helper(call, body)
            if helper is None:
                continue
            summary = self._summary(helper, depth - 1)
            if summary is not None:
                step = f"{call.func.as_string()}() ({_location(helper)})"
                yield Creation(
                    call, summary.creates, summary.what, guarded or summary.guarded,
                    (step, *summary.via),
                )

    def _summary(self, helper: Body, depth: int) -> Creation | None:
        """The first creation a helper makes (an unguarded one preferred), cached."""
        key = (helper, self.settings.keras3)
        if key in self._summaries:
            return self._summaries[key]
        if key in self._in_progress:
            return None  # recursion
        self._in_progress.add(key)
        try:
            found = list(self._body_creations(helper, depth))
        finally:
            self._in_progress.discard(key)
        once = _runs_once(helper)
        result = None
        for creation in found:
            if once:
                creation = Creation(creation.node, creation.creates, creation.what, True, creation.via)
            if result is None or (result.guarded and not creation.guarded):
                result = creation
        self._summaries[key] = result
        return result

    def _helper(self, call: nodes.Call, body: Body) -> Body | None:
        """The project function or method a call in a traced body runs, if any."""
        func = call.func
        if isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name):
            target = self._function_named(func, call)
        elif isinstance(func, (nodes.Name, nodes.Attribute)):
            if is_tf_name(resolve(func)):
                return None
            target = project_definition(func)
            if isinstance(target, nodes.ClassDef):
                # ``Counter()`` of a project class: its __init__ runs here.
                if self.class_roles(target) & {Role.LAYER, Role.OPTIMIZER, Role.METRIC}:
                    return None
                target = self._find_method(target, "__init__")
        else:
            return None
        if target is None or target is body or _is_inside(target, body):
            return None
        return target

    def _classify(self, call: nodes.Call, body: Body) -> tuple[Creates, str] | None:
        """What a call creates by itself (no helper following), with the creator's text."""
        func = call.func
        what = func.as_string()
        if isinstance(func, nodes.Attribute) and func.attrname in kb.SELF_VARIABLE_METHODS:
            receiver = func.expr
            if isinstance(receiver, nodes.Name) and receiver.name == _self_name(body):
                return Creates.VARIABLE, what
            if isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Name) and receiver.func.name == "super":
                return Creates.VARIABLE, what
        if not isinstance(func, (nodes.Name, nodes.Attribute)):
            return None
        name = resolve(func)
        if name in kb.VARIABLE_FACTORIES or name in self.settings.extra_factories:
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
            if not _is_stored(node):
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
    if not isinstance(func, nodes.FunctionDef) or not func.decorators:
        return False
    return any(
        resolve(d.func if isinstance(d, nodes.Call) else d) in kb.RUN_ONCE_DECORATORS
        for d in func.decorators.nodes
    )


def _keyword_values(call: nodes.Call, *names: str) -> list[nodes.NodeNG]:
    return [keyword.value for keyword in call.keywords or () if keyword.arg in names]


def _is_dataset(expr: nodes.NodeNG, hops: int = 3) -> bool:
    """Is this expression a ``tf.data`` dataset (built by a chain from ``tf.data.*``)?"""
    while hops >= 0:
        if isinstance(expr, nodes.Call):
            expr = expr.func
            continue
        if isinstance(expr, nodes.Attribute):
            name = resolve(expr)
            if name and name.startswith(kb.DATASET_NAMESPACE):
                return True
            expr = expr.expr
            continue
        if isinstance(expr, nodes.Name):
            name = resolve(expr)
            if name and name.startswith(kb.DATASET_NAMESPACE):
                return True
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


def _location(body: Body) -> str:
    root = body.root()
    path = root.file or root.name
    return f"{path.rsplit('/', 1)[-1]}:{body.lineno}"
