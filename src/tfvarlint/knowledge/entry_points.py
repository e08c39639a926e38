"""Traced entry points, as one table: what makes a function body run on every call or trace.

Each row of :data:`ENTRY_POINTS` says how the entry point is matched, which arguments hold
the traced callables, how a creation there is judged (:class:`Context`), its label for
messages, whether it only traces inside an already traced body, and its priority.
:mod:`tfvarlint.traced` is the one matcher that reads it; the lists of traced bodies in the
message help, the README and the docs are generated from it (:func:`traced_body_list`) or
tested against it (``tests/unit/test_entry_points.py``). Adding an entry point is one row
here plus its fixtures.

Facts that exempt a creation in a traced body (run-once decorators, TF1 variable stores,
variable creator scopes) are at the end; :mod:`tfvarlint.exemptions` applies them.
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from tfvarlint.knowledge.creators import Role


class Context(str, Enum):
    """How a creation in a traced body is judged (the rule table is :mod:`tfvarlint.rules`)."""

    KERAS_CALL = "keras-call"  # call/__call__ of a Keras Layer or Model
    LOSS_CALL = "loss-call"  # call/__call__ of a Keras Loss
    TRACED = "traced"  # any other traced body


class Receiver(str, Enum):
    """What the object a traced method is called on must be."""

    ANY = "any"  # ``model.compile(loss=f)``: any receiver
    DATASET = "dataset"  # a tf.data value (built by a chain from ``tf.data.*``)
    STRATEGY = "strategy"  # a tf.distribute strategy (named so, or from tf.distribute)


class MethodOfRole(NamedTuple):
    """A method a class with this role defines: ``Layer.call``, ``Model.train_step``."""

    role: Role
    method: str


class Decorator(NamedTuple):
    """A function decorated with one of these (``@tf.function``, ``@tf.function(...)``)."""

    names: frozenset[str]


class CallOf(NamedTuple):
    """A callable given to a call of one of these (``tf.function(f)``, ``Lambda(f)``)."""

    names: frozenset[str]
    # ``tf.function(jit_compile=True)(f)``: a call of the configured wrapper matches too.
    configurable: bool = False


class MethodOn(NamedTuple):
    """A callable given to ``<receiver>.<method>(...)`` (``ds.map(f)``, ``strategy.run(f)``)."""

    methods: frozenset[str]
    receiver: Receiver


Match = MethodOfRole | Decorator | CallOf | MethodOn

ALL_ARGUMENTS = "*"  # ``callables``: every positional and keyword argument


class EntryPoint(NamedTuple):
    """One way a function body comes to run on every call or trace."""

    match: Match
    context: Context
    # Why the body is traced, as the message says it. ``{method}`` is the matched method.
    label: str
    # Positions and keywords of the call that hold the traced callables (not for methods
    # and decorators). ``ALL_ARGUMENTS``: every argument.
    callables: tuple[int | str, ...] = ()
    # Only traced where the call itself runs in a traced body (``tf.map_fn``, ``tf.cond``,
    # ``strategy.run``): the callables are followed like helpers of that body.
    inherits: bool = False
    # When several method rows match one class, the highest priority describes it: a
    # Model's ``call`` is "Model.call", not "Layer.call".
    priority: int = 0
    # The matched receiver or role is a guess from names (a strategy named ``strategy``):
    # its messages carry INFERENCE confidence.
    heuristic: bool = False
    # How the README, the help and the docs list it ("a `@tf.function`").
    doc: str = ""


_TF_FUNCTION = frozenset({"tensorflow.function", "tensorflow.compat.v1.function"})
_MODEL, _LAYER, _LOSS, _METRIC, _OPTIMIZER = 40, 30, 20, 10, 5


def _methods(role: Role, priority: int, rows: dict[str, tuple[Context, str, str]]):
    return tuple(
        EntryPoint(MethodOfRole(role, method), context, label, priority=priority, doc=doc)
        for method, (context, label, doc) in rows.items()
    )


ENTRY_POINTS: tuple[EntryPoint, ...] = (
    *_methods(
        Role.LAYER,
        _LAYER,
        {
            "call": (Context.KERAS_CALL, "Keras Layer.call", "`call()` of a Keras Layer"),
            "__call__": (Context.KERAS_CALL, "Keras Layer.__call__", ""),
        },
    ),
    *_methods(
        Role.MODEL,
        _MODEL,
        {
            "call": (Context.KERAS_CALL, "Keras Model.call", "`call()` of a Keras Model"),
            "__call__": (Context.KERAS_CALL, "Keras Model.__call__", ""),
            "train_step": (
                Context.TRACED,
                "Keras Model.train_step, traced by fit()",
                "`Model.train_step`",
            ),
            "test_step": (
                Context.TRACED,
                "Keras Model.test_step, traced by evaluate()",
                "`Model.test_step`",
            ),
            "predict_step": (
                Context.TRACED,
                "Keras Model.predict_step, traced by predict()",
                "`Model.predict_step`",
            ),
            # Keras 3 and tf-keras call these from the default train_step: traced by fit()
            # (entry_keras/entry_keras_compute_loss.py, ..._compute_metrics.py: the singleton
            # error under fit() in Keras 3 and tf-keras).
            "compute_loss": (
                Context.TRACED,
                "Keras Model.compute_loss, traced by fit() via train_step",
                "`Model.compute_loss`",
            ),
            "compute_metrics": (
                Context.TRACED,
                "Keras Model.compute_metrics, traced by fit() via train_step",
                "`Model.compute_metrics`",
            ),
        },
    ),
    *_methods(
        Role.LOSS,
        _LOSS,
        {
            "call": (Context.LOSS_CALL, "Keras Loss.call", "`call()` of a Keras Loss"),
            "__call__": (Context.LOSS_CALL, "Keras Loss.__call__", ""),
        },
    ),
    *_methods(
        Role.METRIC,
        _METRIC,
        {
            "update_state": (
                Context.TRACED,
                "Keras Metric.update_state, traced by fit()",
                "`Metric.update_state`",
            ),
            "result": (
                Context.TRACED,
                "Keras Metric.result, traced by fit()",
                "`Metric.result`",
            ),
        },
    ),
    # apply_gradients runs these per weight and step, inside the train function fit() traces
    # (entry_keras/entry_keras_optimizer_update_step.py, ..._legacy_apply.py: the singleton
    # error in Keras 3 and tf-keras; the legacy OptimizerV2 hooks are tf-keras only).
    *_methods(
        Role.OPTIMIZER,
        _OPTIMIZER,
        {
            "update_step": (
                Context.TRACED,
                "Keras Optimizer.update_step, traced by fit() via apply_gradients",
                "`Optimizer.update_step`",
            ),
            "_resource_apply_dense": (
                Context.TRACED,
                "Keras OptimizerV2._resource_apply_dense, traced by fit() via apply_gradients",
                "",
            ),
            "_resource_apply_sparse": (
                Context.TRACED,
                "Keras OptimizerV2._resource_apply_sparse, traced by fit() via apply_gradients",
                "",
            ),
        },
    ),
    EntryPoint(
        Decorator(_TF_FUNCTION),
        Context.TRACED,
        "decorated with @tf.function",
        doc="a `@tf.function`",
    ),
    EntryPoint(
        CallOf(_TF_FUNCTION, configurable=True),
        Context.TRACED,
        "wrapped by tf.function(...)",
        callables=(0, "func"),
        doc="a function wrapped by `tf.function(f)`",
    ),
    EntryPoint(
        CallOf(frozenset({"tensorflow.vectorized_map"})),
        Context.TRACED,
        "given to tf.vectorized_map",
        callables=(0, "fn"),
        doc="a `tf.vectorized_map` function",
    ),
    EntryPoint(
        CallOf(frozenset({"keras.layers.Lambda"})),
        Context.TRACED,
        "given to a Lambda layer",
        callables=(0, "function"),
        doc="a `Lambda` layer's function",
    ),
    EntryPoint(
        MethodOn(frozenset({"map", "filter", "flat_map", "interleave"}), Receiver.DATASET),
        Context.TRACED,
        "given to tf.data.Dataset.{method}()",
        callables=(0, "map_func", "predicate", "func"),
        doc="a `Dataset.map`/`filter`/`flat_map`/`interleave` function",
    ),
    EntryPoint(
        MethodOn(frozenset({"compile"}), Receiver.ANY),
        Context.TRACED,
        "traced by Model.fit via compile(loss=...)",
        callables=("loss",),
        doc="a loss function given to `compile()`",
    ),
    EntryPoint(
        MethodOn(frozenset({"compile"}), Receiver.ANY),
        Context.TRACED,
        "traced by Model.fit via compile(metrics=...)",
        callables=("metrics",),
        doc="a metric function given to `compile()`",
    ),
    EntryPoint(
        CallOf(
            frozenset(
                {
                    "tensorflow.map_fn",
                    "tensorflow.scan",
                    "tensorflow.while_loop",
                    "tensorflow.cond",
                    "tensorflow.case",
                    "tensorflow.switch_case",
                }
            )
        ),
        Context.TRACED,
        "",
        callables=(ALL_ARGUMENTS,),
        inherits=True,
        doc="a function given to `tf.map_fn`/`tf.cond`/`tf.while_loop`/... in a traced body",
    ),
    EntryPoint(
        MethodOn(frozenset({"run", "experimental_run_v2"}), Receiver.STRATEGY),
        Context.TRACED,
        "",
        callables=(ALL_ARGUMENTS,),
        inherits=True,
        heuristic=True,
        doc="a function given to `strategy.run` in a traced body",
    ),
)

# Label of a method named by ``tfvarlint-extra-traced-methods``.
CONFIGURED_METHOD_LABEL = "a configured traced method"

# Where a dataset or a strategy comes from (the receivers above).
DATASET_NAMESPACE = "tensorflow.data."
DISTRIBUTE_NAMESPACE = "tensorflow.distribute."

# Methods never followed from a traced body: Keras itself calls ``build`` once.
NOT_FOLLOWED = frozenset({"build"})


def traced_body_list() -> str:
    """The traced bodies other than Keras ``call``, as the help and the docs list them."""
    docs = [row.doc for row in ENTRY_POINTS if row.doc and row.context is Context.TRACED]
    return ", ".join(docs)


def method_rows() -> tuple[EntryPoint, ...]:
    """Method-of-role rows, highest priority first."""
    rows = [row for row in ENTRY_POINTS if isinstance(row.match, MethodOfRole)]
    return tuple(sorted(rows, key=lambda row: -row.priority))


TRACED_METHOD_NAMES = frozenset(
    row.match.method for row in ENTRY_POINTS if isinstance(row.match, MethodOfRole)
)


# --- Exemptions: facts (applied by tfvarlint.exemptions) ----------------------------------

# Decorators that make a method run once (``snt.once``): creation inside is guarded.
RUN_ONCE_DECORATORS = frozenset({"sonnet.once", "sonnet.src.once.once"})
# tf-keras's TF1 migration shim: in a method it decorates, ``get_variable`` gets or creates
# through a variable store the layer tracks (created on the first call, reused after).
TF1_VARIABLE_STORE_DECORATORS = frozenset(
    {
        "keras.utils.track_tf1_style_variables",
        "keras.legacy_tf_layers.variable_scope_shim.track_tf1_style_variables",
    }
)
GET_OR_CREATE_VARIABLES = frozenset(
    {"tensorflow.compat.v1.get_variable", "tensorflow.get_variable"}
)
# ``with tf.variable_creator_scope(creator):`` hands every variable creation in the block
# to ``creator``, which may return anything (tf-keras's base_metric_test returns constants).
VARIABLE_CREATOR_SCOPES = frozenset(
    {"tensorflow.variable_creator_scope", "tensorflow.compat.v1.variable_creator_scope"}
)
