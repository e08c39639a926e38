# ruff: noqa: N802  (libcst calls visit_<NodeType>/leave_<NodeType> methods by these names)
"""The fixes: move per-call state to where it belongs, keeping comments and formatting.

``fix_source(source, findings)`` takes a module's text and the tfvarlint messages pylint
reported on it, and returns the rewritten text with, for every message, either what was
done or why nothing was. The edits are made on libcst's concrete syntax tree, so every line
the fix does not touch stays byte for byte.

- E7304/E7305, a layer/optimizer/metric built in a per-call body: created once under a
  fresh attribute in ``__init__`` (added when absent) and used in place; in ``build()``
  when its arguments read only the input's shape; at module level (before the function)
  for a module-level traced function. In a loop or comprehension over a static ``range``:
  one list built once, indexed by the loop variable.
- W7303, a guarded lazy creation in ``call``: moved into ``build(self, input_shape)``
  (``self.add_weight(...)`` for a recognised ``tf.Variable`` initial value), guard removed.
- E7301/E7302, a variable with a call-independent initial value: ``self.add_weight(...)``
  in ``__init__``/``build()`` of a Keras class; a ``tf.Variable`` at module level for a
  module-level traced function; in ``__init__`` of a plain class.

Anything else is left alone with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst  # pylint: disable=import-error
from libcst.metadata import (  # pylint: disable=import-error
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
)

from tfvarlint.fix import initial, scope
from tfvarlint.fix.lint import Finding

LAYER_OR_OBJECT = frozenset(
    {"keras-layer-created-in-call", "keras-stateful-object-created-in-call"}
)
VARIABLE = frozenset({"tf-variable-created-in-call", "tf-variable-created-in-tf-function"})
LAZY = "tf-variable-lazily-created-in-call"
UNTRACKED = "untracked-tf-variable"
LOSS_VARIABLE = "trainable-variable-in-loss"

LOSS_REASON = (
    "a Loss is not a Layer: a variable it holds is not a weight of the model, so fit() never "
    "trains it (W7307){per_call}; use a constant{constant}, or make it a weight of the model"
)

# Attributes Keras itself uses on layers, models, metrics and optimizers: never fresh names.
KERAS_ATTRIBUTES = frozenset(
    """optimizer loss losses metrics metrics_names compiled_loss compiled_metrics layers weights
    variables trainable_weights non_trainable_weights trainable_variables
    non_trainable_variables built name dtype dtype_policy compute_dtype variable_dtype
    trainable input output inputs outputs input_spec input_shape output_shape history
    stop_training submodules supports_masking distribute_strategy run_eagerly jit_compile
    steps_per_execution updates state_updates activity_regularizer seed_generator config
    call build compile fit evaluate predict summary save get_config from_config
    count_params add_weight add_variable add_loss train_step test_step predict_step
    update_state result reset_state reset_states iterations learning_rate""".split()
)

_NAME_SLOT = "<tfvarlint-fix-attribute>"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# The checker's "via helper() (file.py:12)" when the creation is reached through a call.
_GENERATOR = re.compile(r"with [\w.]*(?:Generator|SeedGenerator)[\w.]*\(\)")
_HELPER = re.compile(r" via [\w.]+\(\) \([^()]+\.py:\d+\)")


@dataclass
class Report:
    """What happened to one message."""

    finding: Finding
    fixed: bool
    text: str  # what was done, or why not


@dataclass
class Outcome:
    """The rewritten source and one report per message."""
    source: str
    reports: list[Report] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when some message was fixed."""
        return any(report.fixed for report in self.reports)


class NoFixError(Exception):
    """No safe fix for this message; the text says why."""


@dataclass
class _ClassEdit:
    init: list[cst.BaseStatement] = field(default_factory=list)
    build: list[cst.BaseStatement] = field(default_factory=list)
    build_param: str = "input_shape"
    build_before: str | None = None  # insert a new build() before this method
    build_super: bool = False


@dataclass
class _Plan:
    replace: dict[cst.CSTNode, cst.CSTNode] = field(default_factory=dict)
    remove: set[cst.CSTNode] = field(default_factory=set)
    classes: dict[cst.ClassDef, _ClassEdit] = field(default_factory=dict)
    module_before: dict[cst.CSTNode, list[cst.BaseStatement]] = field(default_factory=dict)
    moved: set[cst.CSTNode] = field(default_factory=set)  # nodes taken elsewhere whole


def _snake(name: str) -> str:
    return _CAMEL.sub("_", name).lower()


class _Fixer:  # pylint: disable=too-many-instance-attributes
    def __init__(self, source: str) -> None:
        self.module = cst.parse_module(source)
        self.wrapper = MetadataWrapper(self.module)
        self.tree = self.wrapper.module
        self.positions = self.wrapper.resolve(PositionProvider)
        self.parents = self.wrapper.resolve(ParentNodeProvider)
        self.plan = _Plan()
        self.calls: dict[tuple[int, int], list[cst.Call]] = {}
        for node, pos in self.positions.items():
            if isinstance(node, cst.Call):
                self.calls.setdefault((pos.start.line, pos.start.column), []).append(node)
        self.module_taken = scope.all_names(self.tree)
        self.class_taken: dict[cst.ClassDef, set[str]] = {}
        self.function_taken: dict[cst.FunctionDef, set[str]] = {}
        self.lazy_done: set[int] = set()  # lines whose W7303 was fixed
        self.owner_of_build: cst.ClassDef | None = None

    # --- finding the code -----------------------------------------------------------------

    def code(self, node: cst.CSTNode) -> str:
        """The source text of a node of this module."""
        return self.tree.code_for_node(node)

    def node_for(self, finding: Finding) -> cst.Call:
        """The call the message reports (matched by its start and end)."""
        candidates = self.calls.get((finding.line, finding.column), [])
        if not candidates:
            raise NoFixError("the reported code is not a call the fixer can find")
        for node in candidates:
            end = self.positions[node].end
            if (end.line, end.column) == (finding.end_line, finding.end_column):
                return node
        return min(candidates, key=lambda n: len(self.code(n)))

    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """The node's parent in the tree."""
        return self.parents.get(node)

    def ancestors(self, node: cst.CSTNode):
        """The node's ancestors, innermost first."""
        current = self.parent(node)
        while current is not None:
            yield current
            current = self.parent(current)

    def enclosing_function(self, node: cst.CSTNode) -> tuple[cst.FunctionDef, list[cst.CSTNode]]:
        """The innermost function around node, and the nodes between."""
        chain: list[cst.CSTNode] = []
        for ancestor in self.ancestors(node):
            if isinstance(ancestor, cst.FunctionDef):
                return ancestor, chain
            if isinstance(ancestor, cst.Lambda):
                raise NoFixError("it is inside a lambda; move it by hand")
            chain.append(ancestor)
        raise NoFixError("it is not inside a function")

    def owner_class(self, function: cst.FunctionDef) -> cst.ClassDef | None:
        """The class whose body defines the function, if any."""
        block = self.parent(function)
        owner = self.parent(block) if block is not None else None
        return owner if isinstance(owner, cst.ClassDef) else None

    def at_module_level(self, function: cst.FunctionDef) -> bool:
        """True for a function defined at the top of the module."""
        return isinstance(self.parent(function), cst.Module)

    # --- names --------------------------------------------------------------------------------

    def taken_in_class(self, cls: cst.ClassDef) -> set[str]:
        """Attribute names a fresh attribute of the class must avoid."""
        if cls not in self.class_taken:
            self.class_taken[cls] = scope.class_attribute_names(cls) | set(KERAS_ATTRIBUTES)
        return self.class_taken[cls]

    def fresh(self, candidates: Sequence[str], taken: set[str]) -> str:
        """The first free name of candidates (numbered if none is free)."""
        for name in candidates:
            if name and name.isidentifier() and name not in taken:
                taken.add(name)
                return name
        base = candidates[0] or "state"
        number = 2
        while f"{base}_{number}" in taken:
            number += 1
        taken.add(f"{base}_{number}")
        return f"{base}_{number}"

    def base_names(self, call: cst.Call, function: cst.FunctionDef, in_loop: bool) -> list[str]:
        """Candidate names for what the call builds, best first."""
        target = None
        statement = self.parent(call)
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            assigned = statement.targets[0].target
            if isinstance(assigned, cst.Name):
                target = assigned.value
            elif isinstance(assigned, cst.Attribute):
                target = assigned.attr.value
        ctor = (initial.dotted(call.func) or "state").split(".")[-1]
        base = target or _snake(ctor)
        method = function.name.value.strip("_")
        if target is None and ctor.lower() == "variable":
            base = f"{method}_variable"  # a bare "variable" says nothing
        if in_loop:
            return [f"{base}s", f"{base}_list", f"{method}_{base}s"]
        return [base, f"{method}_{base}", f"{method}_{_snake(ctor)}"]

    # --- static checks ---------------------------------------------------------------------

    def module_names_before(self, statement: cst.CSTNode) -> set[str]:
        """Names bound at module level before the statement."""
        before = []
        for top in self.tree.body:
            if top is statement:
                break
            before.append(top)
        return scope.names_bound_in(before, into_functions=False)

    def unknown_attributes(self, cls: cst.ClassDef) -> set[str]:
        """Attributes of self that other methods than ``__init__`` set, and it does not."""
        attrs: set[str] = set()
        in_init: set[str] = set(scope.names_bound_in(list(cls.body.body), into_functions=False))
        for statement in cls.body.body:
            if isinstance(statement, cst.FunctionDef):
                name = _first_param(statement) or "self"
                assigned = scope.self_attributes_assigned(statement.body, name)
                if statement.name.value == "__init__":
                    in_init |= assigned
                else:
                    attrs |= assigned
        return attrs - in_init

    def check_static(  # pylint: disable=too-many-arguments
        self,
        expr: cst.CSTNode,
        *,
        local: set[str],
        allowed: set[str],
        self_name: str | None = None,
        self_unknown: set[str] | None = None,
        self_changed: set[str] | None = None,
        inputs_name: str | None = None,
        module_ok: set[str] | None = None,
    ) -> bool:
        """Raise NoFixError unless ``expr`` is known before the call.

        Returns True when it reads the input's shape (then it belongs in ``build()``).
        """
        uses = scope.uses_of(expr, self_name, inputs_name)
        if uses.other_inputs:
            raise NoFixError(f"its arguments depend on the call's input {inputs_name!r}")
        if uses.other_self:
            raise NoFixError("its arguments use self itself, not an attribute set in __init__()")
        for attr in uses.self_attrs:
            if self_unknown is None:
                raise NoFixError("its arguments read self, which does not exist at module level")
            if attr in self_unknown:
                raise NoFixError(f"its arguments read self.{attr}, which __init__() does not set")
            if self_changed and attr in self_changed:
                raise NoFixError(f"its arguments read self.{attr}, which the call changes")
        for name in uses.names:
            if name in allowed or name in uses.bound:
                continue
            if name in local:
                raise NoFixError(
                    f"its configuration comes from {name!r}, a value of the call; "
                    "it cannot be built before the call"
                )
            if module_ok is not None and name not in module_ok and name not in scope.BUILTINS:
                raise NoFixError(
                    f"its arguments use {name!r}, which is not defined before the function"
                )
        return uses.shape

    # --- loops ---------------------------------------------------------------------------------

    def loop_of(self, node: cst.CSTNode, chain: list[cst.CSTNode]):
        """The one static ``range`` loop (For or comprehension) around node, if any."""
        loops = []
        child = node
        for ancestor in chain:
            if isinstance(ancestor, (cst.While, cst.FunctionDef, cst.ClassDef)):
                raise NoFixError("it is built in a while loop; move it by hand")
            if isinstance(ancestor, cst.For) and child is ancestor.body:
                loops.append(ancestor)
            if isinstance(ancestor, (cst.ListComp, cst.GeneratorExp, cst.SetComp)) and (
                child is ancestor.elt
            ):
                loops.append(ancestor.for_in)
            if isinstance(ancestor, cst.DictComp):
                raise NoFixError("it is built in a dict comprehension; move it by hand")
            child = ancestor
        if not loops:
            return None
        if len(loops) > 1:
            raise NoFixError("it is built in nested loops; move it by hand")
        loop = loops[0]
        if isinstance(loop, cst.CompFor) and (loop.ifs or loop.inner_for_in):
            raise NoFixError("it is built in a filtered or nested comprehension")
        if isinstance(loop, cst.For) and loop.orelse is not None:
            raise NoFixError("it is built in a for-else loop; move it by hand")
        iterable = loop.iter
        if not (
            isinstance(iterable, cst.Call)
            and isinstance(iterable.func, cst.Name)
            and iterable.func.value == "range"
        ):
            raise NoFixError("it is built in a loop that is not over range(...)")
        if not isinstance(loop.target, cst.Name):
            raise NoFixError("its loop variable is not a plain name")
        return loop

    # --- E7304 / E7305 / E7301 / E7302 ----------------------------------------------------------

    def hoist(self, finding: Finding, call: cst.Call, variable: bool) -> str:
        """E7304/E7305/E7301/E7302: build it once, use it in place."""
        function, chain = self.enclosing_function(call)
        cls = self.owner_class(function)
        loop = self.loop_of(call, chain)
        local = scope.function_locals(function)
        loop_name = loop.target.value if loop is not None else None
        allowed = {loop_name} if loop_name else set()
        if cls is not None:
            return self._hoist_to_class(
                finding, call, variable=variable, function=function, cls=cls,
                where=(loop, local, allowed),
            )  # fmt: skip
        if self.at_module_level(function):
            return self._hoist_to_module(call, function, loop, local, allowed)
        raise NoFixError("the traced function is nested in another function; move it by hand")

    def _index_name(self, loop, function: cst.FunctionDef) -> str:
        """The loop variable to index the list with (``_`` is renamed to a fresh name)."""
        name = loop.target.value
        if name != "_":
            return name
        body = loop.body if isinstance(loop, cst.For) else self.parent(loop)
        if "_" in scope.all_names(body):
            raise NoFixError("its loop variable '_' is used in the loop; move it by hand")
        taken = self.function_taken.setdefault(function, scope.all_names(function))
        index = self.fresh(["index", "member_index", "position"], taken)
        self.plan.replace[loop.target] = cst.Name(index)
        return index

    def _creation_code(
        self, call: cst.Call, as_weight: bool, keras: str | None, metric: bool = False
    ) -> str:
        """What is built once: the constructor as written, or the variable as add_weight."""
        if not as_weight:
            return self.code(call)
        weight = initial.convert(call, keras)
        if isinstance(weight, str):
            raise NoFixError(f"the variable has no add_weight() form: {weight}")
        if metric:
            # Metric.add_weight (Keras 3 and tf-keras) takes no trainable=: a metric's
            # state is never trained.
            if weight.trainable not in (None, "False"):
                raise NoFixError("a Metric's add_weight() makes only non-trainable state")
            weight.trainable = None
            if weight.name is None:  # tf-keras's Metric.add_weight requires a name
                weight.name = f'"{_NAME_SLOT}"'  # the attribute's name, once it is chosen
        return weight.call("self")

    def _hoist_to_class(  # pylint: disable=too-many-arguments,too-many-locals,too-many-statements
        self,
        finding: Finding,
        call: cst.Call,
        *,
        variable: bool,
        function: cst.FunctionDef,
        cls: cst.ClassDef,
        where: tuple,
    ) -> str:
        loop, local, allowed = where
        if _is_static_or_class_method(function):
            raise NoFixError("it is built in a static or class method; move it by hand")
        self_name = _first_param(function)
        if self_name is None:
            raise NoFixError("the method has no self parameter")
        keras_class = "(Keras " in finding.msg
        if variable and "(Keras Loss." in finding.msg:
            raise NoFixError(self._loss_reason(call))
        inputs_name = _second_param(function) if function.name.value == "call" else None
        edit = self.plan.classes.setdefault(cls, _ClassEdit())
        existing_build = _method(cls, "build")
        build_param = edit.build_param
        if existing_build is not None:
            build_param = _second_param(existing_build) or build_param
        unknown = self.unknown_attributes(cls)
        changed = scope.self_attributes_assigned(function.body, self_name)
        keras = _keras_prefix(self.tree, cls)
        uses_shape = self.check_static(
            call, local=local, allowed=allowed, self_name=self_name, self_unknown=unknown,
            self_changed=changed, inputs_name=inputs_name,
        )  # fmt: skip
        metric = "(Keras Metric." in finding.msg
        creation = self._creation_code(call, variable and keras_class, keras, metric)
        if loop is not None:
            uses_shape |= self.check_static(
                loop.iter, local=local, allowed=set(), self_name=self_name, self_unknown=unknown,
                self_changed=changed, inputs_name=inputs_name,
            )  # fmt: skip
        if uses_shape and existing_build is not None and _second_param(existing_build) is None:
            raise NoFixError("its arguments read the input's shape and build() takes no shape")
        in_build = uses_shape
        taken = self.taken_in_class(cls)
        attr = self.fresh(self.base_names(call, function, loop is not None), taken)
        creation = creation.replace(_NAME_SLOT, attr)
        if in_build:
            creation = _replace_shape(creation, inputs_name or "", build_param)
        if self_name != "self":
            creation = re.sub(rf"\b{re.escape(self_name)}\.", "self.", creation)
        if loop is not None:
            index = self._index_name(loop, function)
            iterable = self.code(loop.iter).strip()
            if in_build:
                iterable = _replace_shape(iterable, inputs_name or "", build_param)
            iterable = re.sub(rf"\b{re.escape(self_name)}\.", "self.", iterable)
            target = loop.target.value
            creation = f"[{creation} for {target} in {iterable}]"
            self.plan.replace[call] = cst.parse_expression(f"{self_name}.{attr}[{index}]")
        else:
            self.plan.replace[call] = cst.parse_expression(f"{self_name}.{attr}")
        base = len(self._body_indent(cls))
        line = _wrap(f"self.{attr} = {creation}", "", self.tree.default_indent, base)
        statement = cst.parse_statement(f"{line}\n", config=self.tree.config_for_parsing)
        self.plan.moved.add(call)
        what = "built once" if not variable else "created once"
        place = f"{cls.name.value}.build()" if in_build else f"{cls.name.value}.__init__()"
        if in_build:
            edit.build.append(statement)
            edit.build_param = build_param
            edit.build_before = edit.build_before or function.name.value
        else:
            edit.init.append(statement)
        del finding
        return f"{what} in {place} as self.{attr}" + (" (one list for the loop)" if loop else "")

    def _hoist_to_module(  # pylint: disable=too-many-arguments
        self,
        call: cst.Call,
        function: cst.FunctionDef,
        loop,
        local: set[str],
        allowed: set[str],
    ) -> str:
        module_ok = self.module_names_before(function)
        self.check_static(call, local=local, allowed=allowed, module_ok=module_ok)
        if loop is not None:
            self.check_static(loop.iter, local=local, allowed=set(), module_ok=module_ok)
        names = self.base_names(call, function, loop is not None)
        name = self.fresh(names, self.module_taken)
        creation = self.code(call)
        if loop is not None:
            index = self._index_name(loop, function)
            creation = f"[{creation} for {loop.target.value} in {self.code(loop.iter).strip()}]"
            self.plan.replace[call] = cst.parse_expression(f"{name}[{index}]")
        else:
            self.plan.replace[call] = cst.Name(name)
        config = self.tree.config_for_parsing
        statement = cst.parse_statement(f"{name} = {creation}\n", config=config)
        self.plan.module_before.setdefault(function, []).append(statement)
        self.plan.moved.add(call)
        return f"created once at module level as {name}, before {function.name.value}()"

    # --- W7303 ----------------------------------------------------------------------------------

    def lazy_to_build(self, call: cst.Call) -> str:  # pylint: disable=too-many-locals
        """W7303: move the guarded creation into build(), drop the guard."""
        function, chain = self.enclosing_function(call)
        cls = self.owner_class(function)
        if cls is None:
            raise NoFixError("the call is not a method of a class")
        self_name = _first_param(function)
        inputs_name = _second_param(function)
        if self_name is None:
            raise NoFixError("the method has no self parameter")
        guard, loops = self._guard_of(call, chain, function)
        edit = self.plan.classes.setdefault(cls, _ClassEdit())
        existing_build = _method(cls, "build")
        build_param = edit.build_param
        if existing_build is not None:
            build_param = _second_param(existing_build)
            if build_param is None:
                raise NoFixError("build() takes no input shape")
        keras = _keras_prefix(self.tree, cls)
        local = scope.function_locals(function)
        guarded = scope.self_attributes_assigned(guard.body, self_name)
        unknown = self.unknown_attributes(cls) - guarded
        changed = scope.self_attributes_assigned(function.body, self_name) - guarded
        # Loop variables and the loop body's simple assignments before the guard come along.
        allowed: set[str] = set()
        copied: list[list[cst.BaseStatement]] = []
        for loop in loops:
            self.check_static(
                loop.iter, local=local, allowed=allowed, self_name=self_name,
                self_unknown=unknown, self_changed=changed, inputs_name=inputs_name,
            )  # fmt: skip
            allowed |= set(scope.bound_names(loop.target))
            copied.append([])
        new_body = [self._lazy_statement(s, keras, self_name) for s in guard.body.body]
        needed = scope.uses_of(guard.body, self_name, inputs_name).names
        for depth, loop in enumerate(loops):
            inner = loops[depth + 1] if depth + 1 < len(loops) else guard
            for statement in loop.body.body:
                if _contains(statement, inner, self):
                    break
                bound = _simple_assigned_names(statement)
                if bound and set(bound) & set(needed):
                    self.check_static(
                        statement, local=local - set(bound), allowed=allowed,
                        self_name=self_name, self_unknown=unknown, self_changed=changed,
                        inputs_name=inputs_name,
                    )  # fmt: skip
                    copied[depth].append(statement)
                    allowed |= set(bound)
        for statement in guard.body.body:
            self.check_static(
                statement, local=local, allowed=allowed, self_name=self_name,
                self_unknown=unknown, self_changed=changed, inputs_name=inputs_name,
            )  # fmt: skip
        self.owner_of_build = cls
        code = self._build_code(
            loops, copied, new_body,
            self_name=self_name, inputs_name=inputs_name, build_param=build_param,
        )  # fmt: skip
        config = self.tree.config_for_parsing
        edit.build.extend(cst.parse_module(code, config=config).body)
        edit.build_param = build_param
        edit.build_before = edit.build_before or function.name.value
        self.plan.remove.add(guard)
        self.plan.moved.add(guard)
        return f"moved into {cls.name.value}.build(), guard removed"

    def _guard_of(self, call: cst.Call, chain: list[cst.CSTNode], function: cst.FunctionDef):
        """The ``if`` guard directly holding the creation, and the for-loops around it."""
        statement = next((n for n in chain if isinstance(n, cst.SimpleStatementLine)), None)
        if statement is None:
            raise NoFixError("the creation is not a simple statement")
        index = chain.index(statement)
        block = chain[index + 1] if index + 1 < len(chain) else None
        guard = chain[index + 2] if index + 2 < len(chain) else None
        if not isinstance(block, cst.IndentedBlock) or not isinstance(guard, cst.If):
            raise NoFixError("the creation is not directly under its guard (if ...:)")
        if block is not guard.body:
            raise NoFixError("the creation is in the else branch of its guard")
        if guard.orelse is not None:
            raise NoFixError("its guard has an else branch; move it by hand")
        loops = []
        for ancestor in chain[index + 3 :]:
            if ancestor is function.body:
                break
            if isinstance(ancestor, cst.IndentedBlock):
                continue
            if isinstance(ancestor, cst.For) and ancestor.orelse is None:
                loops.insert(0, ancestor)
                continue
            raise NoFixError("its guard is inside other control flow than a for loop")
        del call
        return guard, loops

    def _lazy_statement(
        self, statement: cst.BaseStatement, keras: str | None, self_name: str
    ) -> str:
        """One statement of the guard's body, as it goes into build()."""
        if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
            raise NoFixError("its guard does more than assign the new state")
        assign = statement.body[0]
        if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
            raise NoFixError("its guard does more than assign the new state")
        target = assign.targets[0].target
        base = target.value if isinstance(target, cst.Subscript) else target
        if not (
            isinstance(base, cst.Attribute)
            and isinstance(base.value, cst.Name)
            and base.value.value == self_name
        ):
            raise NoFixError("its guard assigns something other than an attribute of self")
        value = assign.value
        name = initial.dotted(value.func) if isinstance(value, cst.Call) else None
        target_code = self.code(target).strip()
        if name and name.split(".")[-1] == "Variable" and isinstance(value, cst.Call):
            weight = initial.convert(value, keras)
            if isinstance(weight, str):
                raise NoFixError(f"the variable has no add_weight() form: {weight}")
            return f"{target_code} = {weight.call(self_name)}"
        if isinstance(value, cst.Call):
            comment = ""
            if statement.trailing_whitespace.comment is not None:
                comment = "  " + statement.trailing_whitespace.comment.value
            return f"{target_code} = {self.code(value).strip()}{comment}"
        raise NoFixError("its guard assigns a value that is not created there")

    def _build_code(  # pylint: disable=too-many-arguments
        self,
        loops: list[cst.For],
        copied: list[list[cst.BaseStatement]],
        body: list[str],
        *,
        self_name: str,
        inputs_name: str | None,
        build_param: str,
    ) -> str:
        indent = self.tree.default_indent
        lines: list[str] = []
        depth = 0
        for loop, statements in zip(loops, copied, strict=True):
            lines.append(
                f"{indent * depth}for {self.code(loop.target).strip()} in "
                f"{self.code(loop.iter).strip()}:"
            )
            depth += 1
            lines.extend(indent * depth + self.code(s).strip() for s in statements)
        base = len(self._body_indent(self.owner_of_build))
        lines.extend(_wrap(indent * depth + line, indent * depth, indent, base) for line in body)
        text = "\n".join(lines) + "\n"
        if inputs_name:
            text = _replace_shape(text, inputs_name, build_param)
        if self_name != "self":
            text = re.sub(rf"\b{re.escape(self_name)}\.", "self.", text)
        return text

    def _body_indent(self, cls: cst.ClassDef | None) -> str:
        """The indentation of a method body of ``cls``."""
        depth = 2 + sum(
            isinstance(a, (cst.ClassDef, cst.FunctionDef)) for a in self.ancestors(cls)
        )
        return self.tree.default_indent * depth

    def _calls_at(self, finding: Finding) -> cst.Call | None:
        """The reported call, or None when there is none."""
        try:
            return self.node_for(finding)
        except NoFixError:
            return None

    def _loss_reason(self, call: cst.Call | None, per_call: bool = True) -> str:
        """Why a Loss's variable has no safe fix, with the constant it could be instead."""
        constant = ""
        if call is not None and call.args and call.args[0].keyword is None:
            value = initial.code(call.args[0].value).strip()
        else:
            value = next(
                (initial.code(a.value).strip() for a in call.args
                 if a.keyword is not None and a.keyword.value == "initial_value"),
                None,
            ) if call is not None else None  # fmt: skip
        statement = self.parent(call) if call is not None else None
        if value is not None and re.fullmatch(r"-?\d+(\.\d*)?", value):
            target = "weight"
            if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
                target = self.code(statement.targets[0].target).strip()
            constant = f" ({target} = {value})"
        extra = ", and made in call() it is a new variable on every batch" if per_call else ""
        return LOSS_REASON.format(constant=constant, per_call=extra)

    # --- one message ----------------------------------------------------------------------------

    def fix(self, finding: Finding) -> str:
        """Plan the fix of one message; returns what it does."""
        if _GENERATOR.search(finding.msg):
            raise NoFixError(
                "a random generator's state is drawn per call: create it once by hand where "
                "its seed is known (keras.random.SeedGenerator in __init__, tf.random.Generator "
                "outside the traced function)"
            )
        if _HELPER.search(finding.msg):
            raise NoFixError(
                "the creation is reached through a helper"
                + (" in another module" if _other_module(finding) else "")
                + "; move it where it is created, by hand"
            )
        if finding.symbol == LOSS_VARIABLE:
            raise NoFixError(self._loss_reason(self._calls_at(finding), per_call=False))
        if finding.symbol == UNTRACKED:
            raise NoFixError("store it with self.add_weight() or keras.Variable() by hand")
        call = self.node_for(finding)
        if any(ancestor in self.plan.moved for ancestor in self.ancestors(call)):
            return "moved with the enclosing construction"
        if finding.symbol in LAYER_OR_OBJECT:
            return self.hoist(finding, call, variable=False)
        if finding.symbol in VARIABLE:
            if "(Keras Loss." in finding.msg:
                raise NoFixError(self._loss_reason(call))
            return self.hoist(finding, call, variable=True)
        if finding.symbol == LAZY:
            return self.lazy_to_build(call)
        raise NoFixError(f"no fix for {finding.symbol}")

    # --- applying -------------------------------------------------------------------------------

    def apply(self) -> str:
        """The module with every planned edit made."""
        updated = self.tree.visit(_Apply(self.plan, self.tree))
        return updated.code


# --- helpers over libcst nodes ------------------------------------------------------------


def _method(cls: cst.ClassDef, name: str) -> cst.FunctionDef | None:
    for statement in cls.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return statement
    return None


def _positional_params(function: cst.FunctionDef) -> list[str]:
    return [p.name.value for p in (*function.params.posonly_params, *function.params.params)]


def _first_param(function: cst.FunctionDef) -> str | None:
    params = _positional_params(function)
    return params[0] if params else None


def _second_param(function: cst.FunctionDef) -> str | None:
    params = _positional_params(function)
    return params[1] if len(params) > 1 else None


def _is_static_or_class_method(function: cst.FunctionDef) -> bool:
    names = {initial.dotted(d.decorator) for d in function.decorators}
    return bool(names & {"staticmethod", "classmethod"})


def _split_arguments(text: str) -> list[str]:
    """Top-level comma-separated parts of an argument list (brackets and quotes respected)."""
    parts, depth, quote, current = [], 0, "", ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def _wrap(line: str, prefix: str, unit: str, base: int, limit: int = 100) -> str:
    """A generated ``... add_weight(a, b)`` line longer than ``limit``: one argument a line.

    ``prefix`` is the line's indentation in the generated snippet, ``base`` the width of the
    block it goes into (libcst indents continuation lines by the block's indentation).
    """
    if base + len(line) <= limit or "#" in line or not line.endswith(")"):
        return line
    opening = line.find("add_weight(")
    if opening < 0:
        return line
    opening += len("add_weight")
    arguments = _split_arguments(line[opening + 1 : -1])
    inner = "".join(f"{prefix}{unit}{argument},\n" for argument in arguments)
    return f"{line[: opening + 1]}\n{inner}{prefix})"


def _replace_shape(text: str, inputs_name: str, build_param: str) -> str:
    if not inputs_name:
        return text
    return re.sub(rf"\b{re.escape(inputs_name)}\.shape\b", build_param, text)


def _simple_assigned_names(statement: cst.BaseStatement) -> list[str]:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        assign = statement.body[0]
        if isinstance(assign, cst.Assign):
            names: list[str] = []
            for target in assign.targets:
                names += scope.bound_names(target.target)
            return names
    return []


def _contains(outer: cst.CSTNode, inner: cst.CSTNode, fixer: _Fixer) -> bool:
    return outer is inner or any(a is outer for a in fixer.ancestors(inner))


def _other_module(finding: Finding) -> bool:
    match = re.search(r" via .*?\(([^():]+\.py):\d+\)", finding.msg)
    if match is None:
        return False
    return not finding.path.endswith("/" + match.group(1)) and finding.path != match.group(1)


def _imports(module: cst.Module) -> dict[str, str]:
    """Local name → imported module (``tf`` → ``tensorflow``) for top-level imports."""
    found: dict[str, str] = {}
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    full = initial.code(alias.name).strip()
                    top = full.split(".", maxsplit=1)[0]
                    local = alias.asname.name.value if alias.asname else top
                    found[local] = full if alias.asname else top
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                origin = initial.code(small.module).strip() if small.module else ""
                for alias in small.names:
                    name = initial.code(alias.name).strip()
                    local = alias.asname.name.value if alias.asname else name
                    found[local] = f"{origin}.{name}"
    return found


def _keras_prefix(module: cst.Module, cls: cst.ClassDef) -> str | None:
    """How this module spells the Keras namespace (``tf.keras``, ``keras``), if it does."""
    for base in cls.bases:
        name = initial.dotted(base.value) or ""
        parts = name.split(".")
        if "keras" in parts:
            return ".".join(parts[: parts.index("keras") + 1])
    imports = _imports(module)
    for local, origin in imports.items():
        if origin in ("keras", "tensorflow.keras", "tf_keras"):
            return local
    for local, origin in imports.items():
        if origin == "tensorflow":
            return f"{local}.keras"
    return None


def _blank() -> cst.EmptyLine:
    return cst.EmptyLine(indent=False)


class _Apply(cst.CSTTransformer):
    """Apply a plan to the (metadata-wrapped) tree it was made on."""

    def __init__(self, plan: _Plan, module: cst.Module) -> None:
        super().__init__()
        self.plan = plan
        self.config = module.config_for_parsing

    def on_leave(self, original_node, updated_node):
        if original_node in self.plan.remove:
            return cst.RemoveFromParent()
        if original_node in self.plan.replace:
            return self.plan.replace[original_node]
        result = super().on_leave(original_node, updated_node)
        if isinstance(original_node, cst.ClassDef) and original_node in self.plan.classes:
            result = self._edit_class(original_node, result)
        return result

    def leave_IndentedBlock(self, original_node, updated_node):
        if not updated_node.body:
            return updated_node.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        return updated_node

    def leave_Module(self, original_node, updated_node):
        if not self.plan.module_before:
            return updated_node
        body: list[cst.BaseStatement] = []
        for orig, new in zip(original_node.body, updated_node.body, strict=True):
            added = self.plan.module_before.get(orig)
            if added:
                spacing = [_blank(), _blank()] if body else []
                body.append(added[0].with_changes(leading_lines=spacing))
                body.extend(added[1:])
            body.append(new)
        return updated_node.with_changes(body=body)

    def _edit_class(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        edit = self.plan.classes[original]
        body = list(updated.body.body)
        if edit.init:
            body = self._add_to_method(body, "__init__", edit.init, self._new_init(original), None)
        if edit.build:
            body = self._add_to_method(
                body, "build", edit.build, self._new_build(edit, original), edit.build_before
            )
        return updated.with_changes(body=updated.body.with_changes(body=body))

    def _add_to_method(  # pylint: disable=too-many-arguments
        self,
        body: list[cst.BaseStatement],
        name: str,
        statements: list[cst.BaseStatement],
        new: cst.FunctionDef,
        before: str | None,
    ) -> list[cst.BaseStatement]:
        for index, statement in enumerate(body):
            if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
                block = statement.body
                block = block.with_changes(body=[*block.body, *statements])
                body[index] = statement.with_changes(body=block)
                return body
        new = new.with_changes(body=new.body.with_changes(body=[*new.body.body, *statements]))
        position = _docstring_end(body)
        if name == "build":
            position = _after_method(body, "__init__", position)
            for index, statement in enumerate(body):
                if isinstance(statement, cst.FunctionDef) and statement.name.value == before:
                    position = min(max(position, 0), index) if before != "__init__" else index + 1
                    break
        if position < len(body) and not body[position].leading_lines:
            body[position] = body[position].with_changes(leading_lines=[_blank()])
        if position > 0:
            new = new.with_changes(leading_lines=[_blank()])
        body.insert(position, new)
        return body

    def _new_init(self, cls: cst.ClassDef) -> cst.FunctionDef:
        if cls.bases:
            code = (
                "def __init__(self, *args, **kwargs):\n"
                "    super().__init__(*args, **kwargs)\n"
            )
        else:
            code = "def __init__(self):\n    super().__init__()\n"
        return _function(code)

    def _new_build(self, edit: _ClassEdit, cls: cst.ClassDef) -> cst.FunctionDef:
        del cls
        lines = f"def build(self, {edit.build_param}):\n"
        if edit.build_super:
            lines += f"    super().build({edit.build_param})\n"
            return _function(lines)
        return _function(lines + "    pass\n", drop_body=True)


def _function(code: str, drop_body: bool = False) -> cst.FunctionDef:
    function = cst.parse_statement(code)
    assert isinstance(function, cst.FunctionDef)
    block = function.body
    assert isinstance(block, cst.IndentedBlock)
    block = block.with_changes(indent=None, body=[] if drop_body else list(block.body))
    return function.with_changes(body=block)


def _docstring_end(body: list[cst.BaseStatement]) -> int:
    if body and isinstance(body[0], cst.SimpleStatementLine):
        first = body[0].body[0] if body[0].body else None
        strings = (cst.SimpleString, cst.ConcatenatedString)
        if isinstance(first, cst.Expr) and isinstance(first.value, strings):
            return 1
    return 0


def _after_method(body: list[cst.BaseStatement], name: str, default: int) -> int:
    for index, statement in enumerate(body):
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return index + 1
    return default


def fix_source(source: str, findings: Sequence[Finding]) -> Outcome:
    """Rewrite ``source`` for ``findings`` (messages pylint reported on this very text)."""
    fixer = _Fixer(source)
    reports: list[Report] = []
    order = sorted(
        findings, key=lambda f: (f.line, f.column, -(f.end_line or 0), -(f.end_column or 0))
    )
    lazy_lines = {f.line for f in order if f.symbol == LAZY}
    for finding in order:
        if finding.symbol == UNTRACKED and finding.line in lazy_lines:
            continue  # the W7303 on the same line decides (add_weight in build() fixes both)
        try:
            text = fixer.fix(finding)
        except NoFixError as why:
            reports.append(Report(finding, False, str(why)))
        else:
            reports.append(Report(finding, True, text))
            if finding.symbol == LAZY:
                fixer.lazy_done.add(finding.line)
    if not any(report.fixed for report in reports):
        return Outcome(source, reports)
    return Outcome(fixer.apply(), reports)
