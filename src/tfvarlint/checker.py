"""The pylint checker: message table, options, and one hook that reports what the rooms find.

Name resolution is :mod:`tfvarlint.names`, API facts :mod:`tfvarlint.knowledge`, traced
bodies and creations :mod:`tfvarlint.contexts`; this module only turns their answers into
messages (see the message map in the README).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from functools import cache
from importlib import metadata

from astroid import nodes
from pylint.checkers import BaseChecker, utils

from tfvarlint import knowledge as kb
from tfvarlint.contexts import Analyzer, Creation, Settings, TracedBody
from tfvarlint.knowledge import Context, Creates, Role
from tfvarlint.names import imported_top_packages

DOCS = "docs/messages/{}.md"  # relative to the tfvarlint repository root
SINGLETON_ERROR = (
    "ValueError: tf.function only supports singleton tf.Variables created on the first "
    "call. Make sure the tf.Variable is only created once or created outside tf.function."
)
STATE_ERROR = (
    "Keras 3: You cannot add new elements of state (variables or sub-layers) to a layer "
    "that is already built."
)


def _help(text: str, symbol: str) -> str:
    return f"{text} See {DOCS.format(symbol)} in the tfvarlint repository."


MSGS = {
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
            "A variable created unconditionally in a traced body (a tf.function, "
            "train_step, update_state, a loss/metric function given to compile(), a Lambda "
            "layer or Dataset.map function) fails on the first call with "
            f"'{SINGLETON_ERROR}'. Guarded creation (if self.v is None: ...) is "
            "TensorFlow's documented pattern and is not reported.",
            "tf-variable-created-in-tf-function",
        ),
    ),
    "W7303": (
        "'%s' (%s) creates %s with %s()%s lazily behind a guard; create it in build() so "
        "Keras tracks it",
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
        "saved); use self.add_weight() or keras.Variable()",
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
}

_CREATED_THING = {
    Creates.VARIABLE: "a variable",
    Creates.LAYER: "a sub-layer",
    Creates.OPTIMIZER: "an optimizer",
    Creates.METRIC: "a metric",
}


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@cache
def _installed_keras_major() -> int | None:
    try:
        return int(metadata.version("keras").split(".", 1)[0])
    except (metadata.PackageNotFoundError, ValueError):
        return None


def uses_keras3(choice: str, imported: set[str] | frozenset[str]) -> bool:
    """The ``tfvarlint-keras-version`` decision (also used by :mod:`tfvarlint.augment`)."""
    if choice != "auto":
        return choice == "3"
    if "tf_keras" in imported or _truthy(os.environ.get("TF_USE_LEGACY_KERAS")):
        return False
    major = _installed_keras_major()
    return major is None or major >= 3


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
                "help": "Keras major version the code runs under. 'auto': 2 when the module "
                "imports tf_keras or TF_USE_LEGACY_KERAS is set, else the installed keras "
                "distribution's major version, else 3.",
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

    def __init__(self, linter=None) -> None:
        super().__init__(linter)
        self._analyzer: Analyzer | None = None
        self._collected: (
            tuple[list[nodes.FunctionDef], list[nodes.Call], list[nodes.ClassDef]] | None
        ) = None

    def open(self) -> None:
        config = self.linter.config
        self._analyzer = Analyzer(
            Settings(
                follow_depth=max(0, int(config.tfvarlint_follow_depth)),
                extra_factories=frozenset(config.tfvarlint_extra_variable_factories),
                extra_traced_methods=frozenset(config.tfvarlint_extra_traced_methods),
            )
        )

    def _keras3(self, imported: set[str]) -> bool:
        return uses_keras3(str(self.linter.config.tfvarlint_keras_version), imported)

    # The module's functions, calls and classes are gathered during pylint's own walk (a
    # walk of our own over every node was a quarter of the plugin's time), then checked at
    # leave_module.
    @utils.only_required_for_messages(*(msg[1] for msg in MSGS.values()))
    def visit_module(self, _node: nodes.Module) -> None:
        """Start gathering the module's functions, calls and classes."""
        self._collected = ([], [], [])

    @utils.only_required_for_messages(*(msg[1] for msg in MSGS.values()))
    def visit_functiondef(self, node: nodes.FunctionDef) -> None:
        """Gather a function (checked at leave_module)."""
        if self._collected is not None:
            self._collected[0].append(node)

    visit_asyncfunctiondef = visit_functiondef

    @utils.only_required_for_messages(*(msg[1] for msg in MSGS.values()))
    def visit_call(self, node: nodes.Call) -> None:
        """Gather a call (checked at leave_module)."""
        if self._collected is not None:
            self._collected[1].append(node)

    @utils.only_required_for_messages(*(msg[1] for msg in MSGS.values()))
    def visit_classdef(self, node: nodes.ClassDef) -> None:
        """Gather a class (checked at leave_module)."""
        if self._collected is not None:
            self._collected[2].append(node)

    @utils.only_required_for_messages(*(msg[1] for msg in MSGS.values()))
    def leave_module(self, node: nodes.Module) -> None:
        """Check one module; a plugin failure never stops pylint (see TFVARLINT_DEBUG)."""
        collected, self._collected = self._collected, None
        try:
            self._check_module(node, collected)
        except RecursionError:
            self._internal_error(node, "recursion too deep")
        except Exception as exc:  # pylint: disable=broad-exception-caught
            if _truthy(os.environ.get("TFVARLINT_DEBUG")):
                raise
            self._internal_error(node, f"{type(exc).__name__}: {exc}")

    @staticmethod
    def _internal_error(node: nodes.Module, what: str) -> None:
        print(
            f"tfvarlint: internal error on {node.file or node.name} ({what}); "
            "the file was not checked by tfvarlint. Please report it.",
            file=sys.stderr,
        )

    def _check_module(
        self,
        module: nodes.Module,
        collected: tuple[list[nodes.FunctionDef], list[nodes.Call], list[nodes.ClassDef]]
        | None = None,
    ) -> None:
        imported = imported_top_packages(module)
        analyzer = self._analyzer or Analyzer()
        traced_names = kb.TRACED_METHOD_NAMES | analyzer.settings.extra_traced_methods
        if not imported & kb.RELEVANT_PACKAGES and not _defines_traced_method(module, traced_names):
            return
        analyzer.settings.keras3 = self._keras3(imported)
        functions_calls = None if collected is None else (collected[0], collected[1])
        for traced in analyzer.traced_bodies(module, functions_calls):
            for creation in analyzer.creations(traced):
                self._report_creation(traced, creation)
        for cls in _classes_in(module) if collected is None else collected[2]:
            roles = analyzer.class_roles(cls)
            if not roles:
                continue
            self._check_stored_variables(analyzer, cls, roles)

    def _report_creation(self, traced: TracedBody, creation: Creation) -> None:
        via = f" via {' -> '.join(creation.via)}" if creation.via else ""
        where, reason = traced.where, traced.reason
        if creation.guarded:
            keras3 = self._analyzer is None or self._analyzer.settings.keras3
            if traced.context is Context.KERAS_CALL and (
                keras3 or not _tracked_by_keras2(creation)
            ):
                thing = _CREATED_THING[creation.creates]
                self.add_message(
                    "tf-variable-lazily-created-in-call",
                    node=creation.node,
                    args=(where, reason, thing, creation.what, via),
                )
            return
        if creation.creates is Creates.VARIABLE:
            symbol = (
                "tf-variable-created-in-tf-function"
                if traced.context is Context.TRACED
                else "tf-variable-created-in-call"
            )
            self.add_message(symbol, node=creation.node, args=(where, reason, creation.what, via))
        elif creation.creates is Creates.LAYER:
            self.add_message(
                "keras-layer-created-in-call",
                node=creation.node,
                args=(where, reason, creation.what, via),
            )
        else:
            kind = "optimizer" if creation.creates is Creates.OPTIMIZER else "metric"
            self.add_message(
                "keras-stateful-object-created-in-call",
                node=creation.node,
                args=(where, reason, kind, creation.what, via),
            )

    def _check_stored_variables(
        self, analyzer: Analyzer, cls: nodes.ClassDef, roles: frozenset[Role]
    ) -> None:
        is_layer = Role.LAYER in roles
        is_loss = Role.LOSS in roles and not is_layer
        if not (is_loss or (is_layer and analyzer.settings.keras3)):
            return
        for stored in analyzer.stored_variables(cls):
            # A non-trainable variable nothing writes is a constant rebuilt by __init__/build:
            # Keras 3 not tracking it changes nothing (untracked_constant_never_written.py).
            if is_layer and stored.raw_tf and (stored.trainable or stored.written):
                self.add_message(
                    "untracked-tf-variable",
                    node=stored.node,
                    args=(cls.name, stored.attr, stored.what, stored.via),
                )
            if is_loss and stored.trainable:
                self.add_message(
                    "trainable-variable-in-loss",
                    node=stored.node,
                    args=(cls.name, stored.attr, stored.what, stored.via),
                )


def _tracked_by_keras2(creation: Creation) -> bool:
    """tf-keras tracks ``add_weight()``, sub-layers and metrics created lazily in call (as its
    own MultiHeadAttention does; tests/functional/creation/creation_tf_keras_lazy_build.py):
    only Keras 3 refuses them, so code pinned to Keras 2 gets no W7303 for them."""
    if creation.creates is Creates.VARIABLE:
        return creation.what.rsplit(".", 1)[-1] in kb.SELF_VARIABLE_METHODS
    return creation.creates in (Creates.LAYER, Creates.METRIC)


def _classes_in(module: nodes.Module) -> Iterator[nodes.ClassDef]:
    """Every class of the module, nested ones too, in source order.

    Walks statements only (a class is a statement), not every expression node: a full
    ``nodes_of_class`` walk was a fifth of the plugin's time.
    """
    stack: list[nodes.NodeNG] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.ClassDef):
            yield node
        stack.extend(
            reversed(
                [
                    child
                    for child in node.get_children()
                    if child.is_statement or isinstance(child, nodes.MatchCase)
                ]
            )
        )


def _defines_traced_method(module: nodes.Module, traced_names: frozenset[str]) -> bool:
    """A class here defines a method Keras traces (its base may come from the project)."""
    return any(
        isinstance(stmt, nodes.ClassDef)
        and stmt.bases
        and any(name in stmt.locals for name in traced_names)
        for bound in module.locals.values()
        for stmt in bound
    )
