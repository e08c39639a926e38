"""Code written for Keras 2: a module that uses an API Keras 3 does not have.

``from keras.engine.topology import Layer``, ``tf.keras.layers.experimental.preprocessing``,
``model.fit_generator(...)``, ``from tensorflow.python.keras ...``: such a module cannot run
under Keras 3 (each of these fails to import or is missing there, checked with Keras 3.15),
so whatever the environment or the project's declarations say, it runs under Keras 2 and the
Keras 3 messages (W7306, W7303 for ``add_weight``) would be false. :func:`keras2_only_api`
names the first such use, for :func:`tfvarlint.keras_version.decide`.

Read from the import statements of the module's scopes and from the calls pylint's walk
gathered: no extra walk of the tree, nothing inferred.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from astroid import nodes

from tfvarlint.names import import_statements

# Submodules of ``keras`` / ``tensorflow.keras`` that Keras 2 had and Keras 3 does not.
_KERAS2_SUBMODULES = (
    "engine", "src.engine", "layers.core", "layers.convolutional", "layers.recurrent",
    "layers.normalization", "layers.advanced_activations", "layers.merge", "layers.pooling",
    "layers.embeddings", "layers.wrappers", "layers.noise", "layers.local",
    "layers.experimental", "wrappers", "mixed_precision.experimental", "utils.np_utils",
    "utils.generic_utils", "utils.multi_gpu_utils", "utils.conv_utils",
    "backend.tensorflow_backend", "initializers.initializers_v2",
)  # fmt: skip
_KERAS_ROOTS = ("keras.", "tensorflow.keras.")
_LEGACY_COPY = "tensorflow.python.keras"  # TF's internal Keras 2 copy (still in TF 2.21)
# Model methods Keras 3 removed (tf.keras 2.x deprecated them in favour of fit/evaluate/predict).
_KERAS2_METHODS = frozenset(("fit_generator", "evaluate_generator", "predict_generator"))


def keras2_only_api(module: nodes.Module, calls: Iterable[nodes.Call]) -> str | None:
    """The first Keras-2-only API the module uses (``keras.engine``), or None."""
    for name in _imported_modules(module):
        found = _keras2_module(name)
        if found is not None:
            return found
    for call in calls:
        func = call.func
        if isinstance(func, nodes.Attribute):
            if func.attrname in _KERAS2_METHODS:
                return f"{func.attrname}()"
            if _names_layers_experimental(func):
                return "keras.layers.experimental"
    return None


def _keras2_module(name: str) -> str | None:
    if name == _LEGACY_COPY or name.startswith(_LEGACY_COPY + "."):
        return _LEGACY_COPY
    for root in _KERAS_ROOTS:
        if name.startswith(root):
            rest = name[len(root) :]
            for sub in _KERAS2_SUBMODULES:
                if rest == sub or rest.startswith(sub + "."):
                    return f"keras.{sub}"
    return None


def _imported_modules(module: nodes.Module) -> Iterator[str]:
    """Dotted names imported in the module's scopes (``from a.b import c``: ``a.b``, ``a.b.c``)."""
    for stmt in import_statements(module):
        if isinstance(stmt, nodes.Import):
            yield from (modname for modname, _ in stmt.names)
        elif not stmt.level and stmt.modname:
            yield stmt.modname
            yield from (f"{stmt.modname}.{name}" for name, _ in stmt.names)


def _names_layers_experimental(func: nodes.Attribute) -> bool:
    """``tf.keras.layers.experimental.preprocessing.Rescaling``: ``layers.experimental`` in
    the chain, below a ``keras`` (or ``layers`` alone: ``from tensorflow.keras import layers``)."""
    found = False
    node: nodes.NodeNG = func
    while isinstance(node, nodes.Attribute):  # no list per call: every call of a module asks
        inner = node.expr
        if node.attrname == "experimental" and (
            (isinstance(inner, nodes.Attribute) and inner.attrname == "layers")
            or (isinstance(inner, nodes.Name) and inner.name == "layers")
        ):
            found = True
        node = inner
    return found and isinstance(node, nodes.Name)
