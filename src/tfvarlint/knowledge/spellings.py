"""Where TensorFlow and Keras live: the one home of every spelling of a Keras namespace.

Read by :func:`tfvarlint.names.canonical` (to fold spellings into one name) and by
:mod:`tfvarlint.augment` (to teach astroid where TensorFlow's ``tf.keras`` really is). A
spelling added here is understood by both; ``tests/unit/test_spellings.py`` checks that every
route the augment knows folds to ``keras``.
"""

from __future__ import annotations

# Top-level packages of TensorFlow and its ecosystem: never parsed, never inferred into.
TF_TOP_PACKAGES = frozenset({"tensorflow", "keras", "tf_keras", "sonnet"})

# Packages whose own code defines Keras's base methods (a core message about them is about
# Keras, not about the linted project).
KERAS_PACKAGES = frozenset({"keras", "tf_keras", "tensorflow"})

# Keras's own packages (Keras 3, tf-keras) and the internal package behind each one's public
# API (``keras.layers.Dense`` is defined in ``keras.src``): read by the augment's skeletons.
KERAS_INTERNAL_PACKAGES = {"keras": "keras.src", "tf_keras": "tf_keras.src"}

# Names under which a project module may re-export a TF package it imported
# (transformers: ``from ...modeling_tf_utils import keras``); followed into that module.
REEXPORTED_MODULE_NAMES = frozenset({"tf", "tensorflow", "keras", "tf_keras", "K", "snt", "sonnet"})

# TF2's top-level Keras aliases (``tf.losses`` is ``tf.keras.losses``; TensorFlow's
# "Add Keras module aliases" in tensorflow/__init__.py).
KERAS_ALIASES = ("losses", "metrics", "optimizers", "initializers")

# ``tensorflow.keras`` and its other spellings. Each entry: the spelling as imported, and
# the modules TensorFlow's lazy loaders would load for it, first found wins: (Keras 3
# targets, Keras 2 targets) (tensorflow/__init__.py, tensorflow/python/util/lazy_loader.py).
_V2_TARGETS = (
    ("keras._tf_keras.keras", "keras"),
    ("tf_keras.api._v2.keras", "tf_keras", "keras.api._v2.keras"),
)
_V1_TARGETS = (
    ("keras._tf_keras.keras", "keras"),
    ("tf_keras.api._v1.keras", "keras.api._v1.keras"),
)
# (spelling, targets, suffix appended to the target: ``tf.losses`` -> ``<keras>.losses``)
KERAS_ROUTES: tuple[tuple[str, tuple[tuple[str, ...], tuple[str, ...]], str], ...] = (
    ("tensorflow.keras", _V2_TARGETS, ""),
    ("tensorflow.compat.v2.keras", _V2_TARGETS, ""),
    ("tensorflow._api.v2.compat.v2.keras", _V2_TARGETS, ""),
    ("tensorflow.compat.v1.keras", _V1_TARGETS, ""),
    ("tensorflow._api.v2.compat.v1.keras", _V1_TARGETS, ""),
    *((f"tensorflow.{name}", _V2_TARGETS, f".{name}") for name in KERAS_ALIASES),
)
# TensorFlow appends tensorflow/_api/v2 to its __path__: ``tensorflow.compat.v1`` lives there.
TF_API_DIR = "tensorflow._api.v2."

# Leading parts that spell one Keras (or TensorFlow) namespace, folded by ``canonical()``.
# Besides the routes above: the packages' own import paths.
_FOLDED = (
    ("tensorflow.python.keras", "keras"),
    *((internal, "keras") for internal in KERAS_INTERNAL_PACKAGES.values()),
    ("tf_keras.api._v2.keras", "keras"),
    ("tf_keras.api._v1.keras", "keras"),
    ("tf_keras", "keras"),
    ("keras.api._v2.keras", "keras"),
    ("keras.api._v1.keras", "keras"),
    ("keras._tf_keras.keras", "keras"),
    ("tensorflow.compat.v2", "tensorflow"),
    ("tensorflow._api.v2.compat.v2", "tensorflow"),
)
# Longest spelling first, so ``tensorflow.compat.v2.keras`` wins over ``tensorflow.compat.v2``.
KERAS_SPELLINGS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            *_FOLDED,
            *((spelling, "keras" + suffix) for spelling, _targets, suffix in KERAS_ROUTES),
        },
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
)

# ``keras.Model(inputs, outputs)`` is a Functional model (``Model.__new__`` picks it): the
# module that defines Model -> the module that defines Functional.
FUNCTIONAL_MODEL_MODULES = {
    "keras.src.models.model": "keras.src.models.functional",
    "tf_keras.src.engine.training": "tf_keras.src.engine.functional",
}

# Namespaces whose classes have lived in submodules across eras (Keras 2.0-2.2
# ``keras.layers.core.Dense``, tf-keras ``keras.layers.core.dense.Dense``, TF 2.3-2.5
# ``keras.layers.experimental.preprocessing.RandomFlip``, Keras 3
# ``keras.src.optimizers.adam.Adam``): ``<namespace>.<submodules>.<Class>`` is folded to
# ``<namespace>.<Class>``, except under the namespaces that hold other kinds of classes.
ERA_NAMESPACES = ("keras.layers", "keras.optimizers", "keras.metrics", "keras.losses")
ERA_NOT_FOLDED = ("keras.optimizers.schedules",)
