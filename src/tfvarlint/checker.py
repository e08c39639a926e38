"""The pylint checker: message table, options, and the one hook that turns the analysis's
answers into messages.

Names are :mod:`tfvarlint.names`, facts :mod:`tfvarlint.knowledge`, traced bodies
:mod:`tfvarlint.traced`, creations :mod:`tfvarlint.creations`, stored variables
:mod:`tfvarlint.stored`, and which message a creation gets :mod:`tfvarlint.rules`.
"""

from __future__ import annotations

import os
import sys
import traceback
from typing import TYPE_CHECKING, Any

from astroid import nodes
from pylint.checkers import BaseChecker, utils
from pylint.interfaces import HIGH, INFERENCE, Confidence

from tfvarlint import augment, guards, keras_version, names, rules
from tfvarlint import knowledge as kb
from tfvarlint.classes import ClassModel
from tfvarlint.creations import Creation, Creations, Settings
from tfvarlint.docs_url import message_url
from tfvarlint.keras2_api import keras2_only_api
from tfvarlint.knowledge import Creates, Role
from tfvarlint.names import imported_top_packages
from tfvarlint.resolver import Resolver
from tfvarlint.stored import AssignIndex, ClassStateRules, index_assigns, stores_attribute
from tfvarlint.traced import EntryPoints, TracedBody

if TYPE_CHECKING:
    from pylint.lint import PyLinter
    from pylint.typing import MessageDefinitionTuple

SINGLETON_ERROR = (
    "ValueError: tf.function only supports singleton tf.Variables created on the first "
    "call. Make sure the tf.Variable is only created once or created outside tf.function."
)
STATE_ERROR = (
    "Keras 3: You cannot add new elements of state (variables or sub-layers) to a layer "
    "that is already built."
)


def _help(text: str, symbol: str) -> str:
    return f"{text} See {message_url(symbol)}"


MSGS: dict[str, MessageDefinitionTuple] = {
    "E7301": (
        "'%s' (%s) creates a variable with %s()%s on every call; create it once in "
        "__init__() or build() and reuse it",
        "tf-variable-created-in-call",
        _help(
            "A variable created unconditionally in call()/__call__ of a Keras Layer, Model "
            "or Loss is created again on every call. Under fit(), predict() or tf.function "
            f"the first traced call fails with '{SINGLETON_ERROR}'; run eagerly, every call "
            "gets a fresh variable, so nothing trains and counters always read their "
            "initial value.",
            "tf-variable-created-in-call",
        ),
    ),
    "E7302": (
        "'%s' (%s) creates a variable with %s()%s on every trace; create it once outside "
        "and pass it in, or behind an existence check (if self.v is None)",
        "tf-variable-created-in-tf-function",
        _help(
            "A variable created unconditionally in a traced body (any other than call() of "
            f"a Keras Layer, Model or Loss: {kb.traced_body_list()}) fails on the first "
            "call with "
            f"'{SINGLETON_ERROR}'. Guarded creation (if self.v is None: ...) is "
            "TensorFlow's documented pattern and is not reported.",
            "tf-variable-created-in-tf-function",
        ),
    ),
    "W7303": (
        "'%s' (%s) creates %s with %s()%s lazily behind a guard; create it in build() so "
        "Keras tracks it (%s)",
        "tf-variable-lazily-created-in-call",
        _help(
            "State created behind an existence guard in call() of a Keras Layer/Model "
            "belongs in build(input_shape). tf-keras accepts it, but Keras 3 does not "
            "track a raw tf.Variable made there (not trained, not saved) and raises "
            f"'{STATE_ERROR}' for add_weight() or a sub-layer; a guarded "
            "tf.Variable(<tensor computed in call>) fails in both: 'could not be lifted "
            "out of a tf.function'.",
            "tf-variable-lazily-created-in-call",
        ),
    ),
    "E7304": (
        "'%s' (%s) builds the stateful layer %s()%s on every call; create it once in "
        "__init__() or outside the traced function and reuse it",
        "keras-layer-created-in-call",
        _help(
            "A layer or model that owns weights, built unconditionally in a traced body, "
            "creates new variables on every call: under fit()/tf.function the first call "
            f"fails with '{SINGLETON_ERROR}' (Keras 3 may report it while inferring the "
            "output shape); run eagerly, its weights are re-initialised every call and "
            "never train. Stateless layers (Flatten, Reshape, Activation, ...) are not "
            "reported; random layers (Dropout, GaussianNoise) are under Keras 3 only.",
            "keras-layer-created-in-call",
        ),
    ),
    "E7305": (
        "'%s' (%s) creates the %s %s()%s on every call; create it once in __init__() or "
        "outside the traced function and reuse it",
        "keras-stateful-object-created-in-call",
        _help(
            "Optimizers and metric objects own variables (slots, iteration counters, "
            "totals). Built in a traced body they fail on the first call with "
            f"'{SINGLETON_ERROR}'; run eagerly, their state resets every step. "
            "Learning-rate schedules and metric functions are not reported.",
            "keras-stateful-object-created-in-call",
        ),
    ),
    "W7306": (
        "'%s.%s' holds a raw %s()%s that Keras 3 does not track (not trained by fit(), not "
        "saved); use self.add_weight() or keras.Variable() (%s)",
        "untracked-tf-variable",
        _help(
            "Keras 3 tracks keras.Variable and add_weight(), not tf.Variable: a raw "
            "tf.Variable stored on a Layer or Model, even in __init__ or build, is "
            "missing from trainable_weights, is never updated by fit() and is not in "
            ".weights.h5/.keras saves. tf-keras (Keras 2) tracks it; set "
            "tfvarlint-keras-version=2 if you use tf-keras.",
            "untracked-tf-variable",
        ),
    ),
    "W7307": (
        "Loss '%s' holds the trainable variable '%s' (%s()%s), which fit() never trains; "
        "make it a weight of the model, or a constant",
        "trainable-variable-in-loss",
        _help(
            "A Loss is not a Layer: its variables are not in model.trainable_variables, so "
            "the optimizer never updates them and the value stays at its initial value "
            "after fit(), in Keras 2 and Keras 3.",
            "trainable-variable-in-loss",
        ),
    ),
    "F7399": (
        "tfvarlint could not check this module: %s",
        rules.INTERNAL_ERROR,
        _help(
            "An internal error of tfvarlint: the module was not checked for created state. "
            "Please report it with the module (set TFVARLINT_DEBUG=1 for the traceback).",
            rules.INTERNAL_ERROR,
        ),
    ),
}

_CREATED_THING = {
    Creates.VARIABLE: "a variable",
    Creates.LAYER: "a sub-layer",
    Creates.OPTIMIZER: "an optimizer",
    Creates.METRIC: "a metric",
}
_ALL_SYMBOLS = tuple(msg[1] for msg in MSGS.values())


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


# What pylint's walk gathers for leave_module: functions, calls, classes, and assignments to
# an attribute (``x.a = ...``).
_Collected = tuple[
    list[nodes.FunctionDef],
    list[nodes.Call],
    list[nodes.ClassDef],
    list[nodes.Assign | nodes.AnnAssign],
]


class _Found:
    """A message to emit once the module is analysed (emitted in line order)."""

    __slots__ = ("args", "confidence", "node", "symbol")

    def __init__(
        self, symbol: str, node: nodes.NodeNG, args: tuple[Any, ...], confidence: Confidence
    ) -> None:
        self.symbol, self.node, self.args, self.confidence = symbol, node, args, confidence

    def order(self) -> tuple[int, int]:
        """Where the message goes: messages of a module are emitted in line order."""
        return (self.node.lineno or 0, self.node.col_offset or 0)


class TfVarLintChecker(BaseChecker):
    """Finds TensorFlow/Keras state created on every call or trace."""

    name = "tfvarlint"
    msgs = MSGS
    options = (
        (
            "tfvarlint-keras-version",
            {
                "default": "auto",
                "type": "choice",
                "choices": ["auto", "2", "3"],
                "metavar": "<auto|2|3>",
                "help": "Keras major version the code runs under. 'auto': from "
                "TF_USE_LEGACY_KERAS, an import of tf_keras, the project's declared "
                "dependencies (tf-keras, keras<3, a tensorflow pin below 2.16: 2), the "
                "installed keras, else 3 (see docs/keras-version.md).",
            },
        ),
        (
            "tfvarlint-follow-depth",
            {
                "default": 3,
                "type": "int",
                "metavar": "<int>",
                "help": "How many helper calls deep to follow from a traced body (0: none).",
            },
        ),
        (
            "tfvarlint-extra-variable-factories",
            {
                "default": (),
                "type": "csv",
                "metavar": "<qualified names>",
                "help": "Qualified names of your own functions that create variables, "
                "e.g. mypkg.layers.make_weight.",
            },
        ),
        (
            "tfvarlint-keras-modules",
            {
                "default": (),
                "type": "csv",
                "metavar": "<qualified names>",
                "help": "Project-local names that stand for Keras, e.g. a compat shim "
                "mypkg.compat.keras bound by keras = get_keras(): their members are read "
                "as Keras's.",
            },
        ),
        (
            "tfvarlint-extra-traced-methods",
            {
                "default": (),
                "type": "csv",
                "metavar": "<method names>",
                "help": "Extra method names of Keras/TF classes that run on every call "
                "(for frameworks that wrap Keras).",
            },
        ),
    )

    def __init__(self, linter: PyLinter) -> None:
        super().__init__(linter)
        self.classes = ClassModel()
        self.resolver = Resolver(self.classes)
        self._settings = Settings()
        self._entry_points = EntryPoints(self.classes, self.resolver)
        self._per_version: dict[bool, tuple[Creations, ClassStateRules]] = {}
        self._collected: _Collected = ([], [], [], [])

    def open(self) -> None:
        config = self.linter.config
        self._settings = Settings(
            follow_depth=max(0, int(config.tfvarlint_follow_depth)),
            extra_factories=frozenset(config.tfvarlint_extra_variable_factories),
            extra_traced_methods=frozenset(config.tfvarlint_extra_traced_methods),
        )
        self._entry_points = EntryPoints(
            self.classes, self.resolver, self._settings.extra_traced_methods
        )
        self._per_version = {}
        names.configure(frozenset(config.tfvarlint_keras_modules))

    def close(self) -> None:
        """Drop every cached node, so an editor's long-lived process keeps no trees."""
        self.classes.clear()
        self.resolver.clear()
        self._entry_points.clear()
        for creations, _stored in self._per_version.values():
            creations.clear()
        self._per_version = {}
        names.clear_caches()
        guards.clear_caches()
        keras_version.clear_cache()
        augment.clear_caches(self.linter)

    def _analysis(self, keras3: bool) -> tuple[Creations, ClassStateRules]:
        """The creation finder for one Keras version, built on first use."""
        if keras3 not in self._per_version:
            creations = Creations(self._settings, keras3, self._entry_points)
            self._per_version[keras3] = (creations, ClassStateRules(creations))
        return self._per_version[keras3]

    def _keras_version(
        self, module: nodes.Module, imported: set[str], calls: list[nodes.Call]
    ) -> keras_version.KerasVersion:
        option = str(self.linter.config.tfvarlint_keras_version)
        if option.strip() in ("2", "3"):
            return keras_version.decide(option, module.file, imported)
        legacy = keras2_only_api(module, calls)
        return keras_version.decide(option, module.file, imported, keras2_api=legacy)

    # The module's functions, calls and classes are gathered during pylint's own walk (the
    # plugin must not walk every node again), then checked at leave_module.
    @utils.only_required_for_messages(*_ALL_SYMBOLS)
    def visit_module(self, _node: nodes.Module) -> None:
        """Start gathering the module's functions, calls and classes."""
        self._collected = ([], [], [], [])

    @utils.only_required_for_messages(*_ALL_SYMBOLS)
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        """Gather a function (checked at leave_module)."""
        self._collected[0].append(node)

    visit_asyncfunctiondef = visit_functiondef

    @utils.only_required_for_messages(*_ALL_SYMBOLS)
    def visit_call(self, node: nodes.Call) -> None:
        """Gather a call (checked at leave_module)."""
        self._collected[1].append(node)

    @utils.only_required_for_messages(*_ALL_SYMBOLS)
    def visit_classdef(self, node: nodes.ClassDef) -> None:
        """Gather a class (checked at leave_module)."""
        self._collected[2].append(node)

    @utils.only_required_for_messages(*_ALL_SYMBOLS)
    def visit_assign(self, node: nodes.Assign) -> None:
        """Gather an assignment to an attribute (read by the stored-variable rules)."""
        if stores_attribute(node):
            self._collected[3].append(node)

    visit_annassign = visit_assign

    @utils.only_required_for_messages(*_ALL_SYMBOLS)
    def leave_module(self, node: nodes.Module) -> None:
        """Check one module. A plugin failure never stops pylint, and is never hidden: it
        becomes tfvarlint-internal-error on the module (TFVARLINT_DEBUG=1 re-raises it)."""
        collected, self._collected = self._collected, ([], [], [], [])
        try:
            found = self._check_module(node, collected)
        except RecursionError:
            self._internal_error(node, "recursion too deep")
            return
        except Exception as exc:  # pylint: disable=broad-exception-caught
            self._internal_error(node, f"{type(exc).__name__}: {exc}")
            if _truthy(os.environ.get("TFVARLINT_DEBUG")):
                raise
            return
        for message in sorted(found, key=_Found.order):
            self.add_message(
                message.symbol, node=message.node, args=message.args, confidence=message.confidence
            )

    def _internal_error(self, node: nodes.Module, what: str) -> None:
        self.add_message(rules.INTERNAL_ERROR, node=node, args=(what,), confidence=HIGH)
        print(
            f"tfvarlint: internal error on {node.file or node.name} ({what}); "
            "the file was not checked by tfvarlint. Please report it.",
            file=sys.stderr,
        )
        if _truthy(os.environ.get("TFVARLINT_DEBUG")):
            traceback.print_exc(file=sys.stderr)

    def _check_module(self, module: nodes.Module, collected: _Collected) -> list[_Found]:
        imported = imported_top_packages(module)
        if not imported & kb.TF_TOP_PACKAGES and not _defines_traced_method(
            module, self._entry_points.method_names
        ):
            return []
        traced_bodies = self._entry_points.traced_bodies(module, collected[0], collected[1])
        stateful = [
            (cls, roles)
            for cls in collected[2]
            if (roles := self.classes.roles(cls)) & _STORED_RULE_ROLES
        ]
        if not traced_bodies and not stateful:
            return []  # nothing a message could be about: no Keras version to decide
        version = self._keras_version(module, imported, collected[1])
        creations, stored_rules = self._analysis(version.keras3)
        found = [
            message
            for traced in traced_bodies
            for creation in creations.creations(traced)
            if (message := _creation_message(traced, creation, version)) is not None
        ]
        if stateful:
            assigns = index_assigns(collected[3])
            for cls, roles in stateful:
                found.extend(_stored_messages(stored_rules, cls, roles, version, assigns))
        return found


def _via(steps: tuple[Any, ...]) -> str:
    return f" via {' -> '.join(str(step) for step in steps)}" if steps else ""


def _creation_message(
    traced: TracedBody, creation: Creation, version: keras_version.KerasVersion
) -> _Found | None:
    rule = rules.rule_for(traced.context, creation.creates, creation.guarded)
    if rule is None or (
        rule.keras3_only_if_tracked and not version.keras3 and creation.tracked_by_keras2
    ):
        return None
    confidence = INFERENCE if creation.via or traced.heuristic else HIGH
    via = _via(creation.via)
    head = (traced.where, traced.reason)
    if rule.symbol == rules.LAZY_IN_CALL:
        thing = _CREATED_THING[creation.creates]
        args: tuple[Any, ...] = (*head, thing, creation.what, via, version.describe())
    elif rule.symbol == rules.STATEFUL_IN_CALL:
        kind = "optimizer" if creation.creates is Creates.OPTIMIZER else "metric"
        args = (*head, kind, creation.what, via)
    else:
        args = (*head, creation.what, via)
    return _Found(rule.symbol, creation.node, args, confidence)


# The roles a stored-variable rule is about (W7306 a Layer's, W7307 a Loss's).
_STORED_RULE_ROLES = frozenset((Role.LAYER, Role.LOSS))


def _stored_messages(
    stored_rules: ClassStateRules,
    cls: nodes.ClassDef,
    roles: frozenset[Role],
    version: keras_version.KerasVersion,
    assigns: AssignIndex,
) -> list[_Found]:
    is_layer = Role.LAYER in roles
    is_loss = Role.LOSS in roles and not is_layer
    if not (is_loss or (is_layer and version.keras3)):
        return []
    found: list[_Found] = []
    for stored in stored_rules.stored_variables(cls, assigns):
        args = (cls.name, stored.attr, stored.what, _via(stored.via))
        # A non-trainable variable nothing writes is a constant rebuilt by __init__/build:
        # Keras 3 not tracking it changes nothing (untracked_constant_never_written.py).
        if is_layer and stored.raw_tf and (stored.trainable or stored.written):
            guessed = bool(stored.via) or not stored.trainable  # "written" is a name match
            untracked = (*args, version.describe())
            confidence = INFERENCE if guessed else HIGH
            found.append(_Found(rules.UNTRACKED, stored.node, untracked, confidence))
        if is_loss and stored.trainable:
            confidence = INFERENCE if stored.via else HIGH
            found.append(_Found(rules.TRAINABLE_IN_LOSS, stored.node, args, confidence))
    return found


def _defines_traced_method(module: nodes.Module, traced_names: frozenset[str]) -> bool:
    """A class here defines a method Keras traces (its base may come from the project)."""
    return any(
        isinstance(stmt, nodes.ClassDef)
        and stmt.bases
        and any(name in stmt.locals for name in traced_names)
        for bound in module.locals.values()
        for stmt in bound
    )
