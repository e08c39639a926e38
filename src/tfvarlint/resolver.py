"""Callable resolution: which project function or method an expression or a call runs.

``f``, ``lambda``, ``partial(f)``, ``[f, g]``, ``self.method``, ``obj.method`` of a project
instance, ``module.func``, a factory's returned function, a name bound once to any of these.
Never a TF/Keras function, never by inference (:func:`tfvarlint.names.project_definition`).
"""

from __future__ import annotations

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.classes import ClassModel
from tfvarlint.knowledge import Role
from tfvarlint.names import instance_name, is_tf_name, project_definition, resolve, single_binding

Body = nodes.FunctionDef | nodes.Lambda

# How many containers / partials / bindings deep a callable expression is unwrapped.
MAX_CALLABLE_DEPTH = 2


class Resolver:
    """Expression -> function bodies; caches the helper a call runs."""

    def __init__(self, classes: ClassModel) -> None:
        self.classes = classes
        self._helpers: dict[nodes.Call, Body | None] = {}

    def clear(self) -> None:
        """Drop every cached node."""
        self._helpers.clear()

    def callables(
        self, expr: nodes.NodeNG, site: nodes.NodeNG, depth: int = MAX_CALLABLE_DEPTH
    ) -> list[Body]:
        """Functions a callable expression names (``f``, ``lambda``, ``partial(f)``, lists)."""
        if isinstance(expr, nodes.Lambda):
            return [expr]
        if isinstance(expr, (nodes.List, nodes.Tuple, nodes.Set)) and depth > 0:
            return [body for elt in expr.elts for body in self.callables(elt, site, depth - 1)]
        if isinstance(expr, nodes.Dict) and depth > 0:
            return [
                body for _, value in expr.items for body in self.callables(value, site, depth - 1)
            ]
        if isinstance(expr, nodes.Call):
            if resolve(expr.func) == "functools.partial" and expr.args and depth > 0:
                return self.callables(expr.args[0], site, depth - 1)
            if isinstance(expr.func, (nodes.Name, nodes.Attribute)):
                # ``compile(loss=make_loss(weights))``: the inner function it returns.
                factory = self.function_named(expr.func, site)
                if isinstance(factory, nodes.FunctionDef):
                    return _returned_functions(factory)
            return []
        target = self.function_named(expr, site)
        if target is None and isinstance(expr, nodes.Name) and depth > 0:
            # ``loss = make_loss(w); compile(loss=loss)``: what the name was bound to once.
            value = single_binding(expr)
            return self.callables(value, site, depth - 1) if value is not None else []
        return [target] if target is not None else []

    def function_named(self, expr: nodes.NodeNG, site: nodes.NodeNG) -> Body | None:
        """The function or method a name, ``self.method`` or ``module.func`` refers to."""
        if isinstance(expr, nodes.Attribute) and isinstance(expr.expr, nodes.Name):
            method = _enclosing_method(site)
            if method is not None and expr.expr.name == instance_name(method):
                return self.self_attribute_callable(method.parent, expr.attrname)
        if (
            isinstance(expr, nodes.Attribute)
            and isinstance(expr.expr, nodes.Attribute)
            and isinstance(expr.expr.expr, nodes.Name)
            and expr.attrname not in kb.NOT_FOLLOWED
        ):
            # ``self.builder.make()``: ``self.builder`` holds one project class's instance.
            method = _enclosing_method(site)
            if method is not None and expr.expr.expr.name == instance_name(method):
                cls = self._attribute_class(method.parent, expr.expr.attrname)
                return self.classes.find_method(cls, expr.attrname) if cls else None
        if not isinstance(expr, (nodes.Name, nodes.Attribute)):
            return None
        if is_tf_name(resolve(expr)):
            return None
        target = project_definition(expr)
        if target is None and isinstance(expr, nodes.Attribute):
            return self.instance_method(expr)  # ``tf.function(obj.method)``
        return target if isinstance(target, nodes.FunctionDef) else None

    def instance_class(self, expr: nodes.NodeNG) -> nodes.ClassDef | None:
        """The project class of ``obj`` bound once to ``obj = Cls(...)``, or of ``Cls(...)``."""
        value = single_binding(expr) if isinstance(expr, nodes.Name) else expr
        if not isinstance(value, nodes.Call) or not isinstance(
            value.func, (nodes.Name, nodes.Attribute)
        ):
            return None
        cls = project_definition(value.func)
        return cls if isinstance(cls, nodes.ClassDef) else None

    def instance_method(self, expr: nodes.Attribute) -> Body | None:
        """``obj.method`` where ``obj`` is bound once to an instance of a project class."""
        if not isinstance(expr.expr, nodes.Name) or expr.attrname in kb.NOT_FOLLOWED:
            return None
        cls = self.instance_class(expr.expr)
        return self.classes.find_method(cls, expr.attrname) if cls is not None else None

    def _attribute_class(self, cls: nodes.ClassDef, attr: str) -> nodes.ClassDef | None:
        """The project class whose instance every ``self.<attr> = Cls(...)`` of a class stores."""
        found: set[nodes.ClassDef] = set()
        for target in cls.instance_attrs.get(attr, []):
            assign = target.parent
            value = assign.value if isinstance(assign, nodes.Assign) else None
            owner = self.instance_class(value) if isinstance(value, nodes.Call) else None
            if owner is None:
                return None
            found.add(owner)
        return found.pop() if len(found) == 1 else None

    def self_attribute_callable(self, cls: nodes.ClassDef, attr: str) -> Body | None:
        """``self.attr`` in a class: a method, or a lambda/function stored on the instance."""
        if attr in kb.NOT_FOLLOWED:
            return None
        method = self.classes.find_method(cls, attr)
        if method is not None:
            return method
        for target in cls.instance_attrs.get(attr, []):
            assign = target.parent
            if isinstance(assign, nodes.Assign):
                found = self.callables(assign.value, assign)
                if found:
                    return found[0]
        return None

    def helper(self, call: nodes.Call) -> Body | None:
        """The project function or method a call runs, if any (cached).

        A call of a project class runs its ``__init__``, unless the class is a Layer,
        optimizer or metric (constructing one is a creation, decided elsewhere).
        """
        key = call
        if key not in self._helpers:
            self._helpers[key] = self._find_helper(call)
        return self._helpers[key]

    def _find_helper(self, call: nodes.Call) -> Body | None:
        func = call.func
        target: nodes.NodeNG | None = None
        if isinstance(func, nodes.Call):  # ``functools.partial(make, 3)()``
            found = self.callables(func, call)
            target = found[0] if found else None
        elif isinstance(func, (nodes.Name, nodes.Attribute)):
            if isinstance(func, nodes.Attribute) and isinstance(
                func.expr, (nodes.Name, nodes.Attribute)
            ):  # ``self.method()``, ``util.make()``, ``self.builder.make()``
                target = self.function_named(func, call)
            if target is None:
                if is_tf_name(resolve(func)):
                    return None
                target = project_definition(func)
            if isinstance(target, nodes.ClassDef):
                # ``Counter()`` of a project class: its __init__ runs here.
                if self.classes.roles(target) & {Role.LAYER, Role.OPTIMIZER, Role.METRIC}:
                    return None
                target = self.classes.find_method(target, "__init__")
            elif target is None and isinstance(func, nodes.Name):
                value = single_binding(func)  # ``p = partial(make); p()``
                found = self.callables(value, call) if value is not None else []
                target = found[0] if found else None
        return target if isinstance(target, (nodes.FunctionDef, nodes.Lambda)) else None


def _enclosing_method(site: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The method (a function defined in a class) whose code holds ``site``."""
    scope = site.scope()
    while isinstance(scope, nodes.Lambda) or (
        isinstance(scope, nodes.FunctionDef) and not isinstance(scope.parent, nodes.ClassDef)
    ):
        scope = scope.parent.scope() if scope.parent else None
    return scope if isinstance(scope, nodes.FunctionDef) else None


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
