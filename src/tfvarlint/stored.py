"""Stored-variable rules: variables a Keras class keeps on ``self`` (W7306, W7307)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.creations import Creations, Step
from tfvarlint.knowledge import Creates
from tfvarlint.names import instance_name, resolve, single_binding
from tfvarlint.resolver import Body


@dataclass(frozen=True)
class StoredVariable:
    """``self.<attr> = <variable factory>(...)`` somewhere in a class."""

    node: nodes.Call
    attr: str
    what: str
    raw_tf: bool
    trainable: bool
    written: bool = True  # some ``.<attr>.assign*()``/``scatter_*()`` in the module writes it
    via: tuple[Step, ...] = field(default=())  # when a helper creates it


class ClassStateRules:
    """Finds the variables a class stores on its instance, for one Keras version."""

    def __init__(self, creations: Creations) -> None:
        self.creations = creations

    def stored_variables(
        self, cls: nodes.ClassDef, assigns: AssignIndex
    ) -> Iterator[StoredVariable]:
        """Variables a class stores on ``self`` in any of its own methods.

        ``assigns``: the module's attribute assignments by function (:func:`index_assigns`),
        so that no method is walked again.
        """
        written: set[str] | None = None
        for method in cls.mymethods():
            self_name = instance_name(method)
            if self_name is None:
                continue
            for assign in assigns.get(method, ()):
                calls = _stored_calls(assign.value, method)
                if not calls:
                    continue
                targets = assign.targets if isinstance(assign, nodes.Assign) else [assign.target]
                for target in targets:
                    if not (
                        isinstance(target, nodes.AssignAttr)
                        and isinstance(target.expr, nodes.Name)
                        and target.expr.name == self_name
                    ):
                        continue
                    for value in calls:
                        stored = self._stored(value, target.attrname, method)
                        if stored is not None and not stored.trainable:
                            if written is None:
                                written = written_attributes(cls.root())
                            stored = replace(stored, written=stored.attr in written)
                        if stored is not None:
                            yield stored
                            break  # one message per stored attribute

    def _stored(self, call: nodes.Call, attr: str, method: Body) -> StoredVariable | None:
        creations = self.creations
        found = creations.classify(call, method)
        origin, via = call, ()
        what = found[1] if found is not None else ""
        if found is None and creations.settings.follow_depth > 0:
            # ``self.kernel = make_weight(...)``: the helper's variable is what is stored.
            depth = creations.settings.follow_depth
            created = next(iter(creations.helper_creations(call, method, depth)), None)
            if created is not None and created.origin is not None:
                found = (created.creates, created.what, created.factory)
                what, origin, via = created.what, created.origin, created.via
        if found is None or found[0] is not Creates.VARIABLE:
            return None
        trainable = not any(
            keyword.arg == "trainable"
            and isinstance(keyword.value, nodes.Const)
            and keyword.value.value is False
            for keyword in origin.keywords or ()
        )
        raw_tf = resolve(origin.func) in kb.RAW_TF_VARIABLES
        return StoredVariable(call, attr, what, raw_tf, trainable, via=via)


AssignIndex = dict[nodes.FunctionDef, list[nodes.Assign | nodes.AnnAssign]]


def stores_attribute(assign: nodes.Assign | nodes.AnnAssign) -> bool:
    """``<name>.<attr> = ...`` among the targets: what :meth:`stored_variables` reads."""
    targets = assign.targets if isinstance(assign, nodes.Assign) else [assign.target]
    return any(
        isinstance(target, nodes.AssignAttr) and isinstance(target.expr, nodes.Name)
        for target in targets
    )


def index_assigns(assigns: list[nodes.Assign | nodes.AnnAssign]) -> AssignIndex:
    """Each function (nested ones included) -> the assignments inside it, in tree order.

    ``assigns`` come in the order of pylint's walk (the order ``nodes_of_class`` gives),
    so every function's list is the one walking that function would give, less the
    assignments that store no attribute.
    """
    index: AssignIndex = {}
    for assign in assigns:
        parent = assign.parent
        while parent is not None:
            if isinstance(parent, nodes.FunctionDef):
                index.setdefault(parent, []).append(assign)
            parent = parent.parent
    return index


def _stored_calls(value: nodes.NodeNG | None, method: Body) -> list[nodes.Call]:
    """The calls whose results an assigned value stores: the call itself, the elements of a
    list/tuple or comprehension, or what a local list bound once holds (``ws = []`` then
    ``ws.append(tf.Variable(...))``; untracked/untracked_variable_list.py)."""
    if isinstance(value, nodes.Call):
        return [value]
    if isinstance(value, (nodes.List, nodes.Tuple)):
        return [element for element in value.elts if isinstance(element, nodes.Call)]
    if isinstance(value, (nodes.ListComp, nodes.GeneratorExp)):
        return [value.elt] if isinstance(value.elt, nodes.Call) else []
    if isinstance(value, nodes.Name):
        bound = single_binding(value)
        if isinstance(bound, (nodes.List, nodes.Tuple, nodes.ListComp)):
            found = _stored_calls(bound, method)
            for call in method.nodes_of_class(nodes.Call):
                func = call.func
                if (
                    isinstance(func, nodes.Attribute)
                    and func.attrname in ("append", "extend", "insert")
                    and isinstance(func.expr, nodes.Name)
                    and func.expr.name == value.name
                ):
                    found.extend(arg for arg in call.args if isinstance(arg, nodes.Call))
            return found
    return []


def written_attributes(module: nodes.Module) -> set[str]:
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
