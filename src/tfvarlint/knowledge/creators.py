"""What creates state: variable factories, stateful layers, optimizers, metrics, and the
roles a class gets from its Keras/TF bases.

Every name is canonical (:func:`tfvarlint.names.canonical`). Each fact cites the runtime
fixture that shows it (``docs/runtime-matrix.md``); change a fact only with a run.
"""

from __future__ import annotations

import re
from enum import Enum


class Role(str, Enum):
    """What a class is, for Keras/TF purposes (a class may have several roles)."""

    LAYER = "layer"
    MODEL = "model"
    LOSS = "loss"
    METRIC = "metric"
    OPTIMIZER = "optimizer"
    MODULE = "module"  # tf.Module / snt.Module: tracks variables, no Keras call contract


class Creates(str, Enum):
    """What a call creates, when it creates state."""

    VARIABLE = "variable"
    LAYER = "layer"
    OPTIMIZER = "optimizer"
    METRIC = "metric"


# --- Variables -------------------------------------------------------------------------

# Functions that create one variable per call.
VARIABLE_FACTORIES = frozenset(
    {
        "tensorflow.Variable",
        "tensorflow.compat.v1.Variable",
        "tensorflow.compat.v1.get_variable",
        "tensorflow.get_variable",  # TF1 spelling still seen in ported code
        "keras.Variable",  # Keras 3
        "keras.backend.Variable",
        "keras.backend.variable",  # Keras 2 and the tf.keras shim (Keras 3 has none)
        # Random generators hold their state in a variable (creation/creation_random_generator.py).
        *(
            f"tensorflow.{namespace}.{constructor}"
            for namespace in ("random", "random.experimental")
            for constructor in (
                "Generator",
                "Generator.from_seed",
                "Generator.from_non_deterministic_state",
                "Generator.from_key_counter",
            )
        ),
        "keras.random.SeedGenerator",  # Keras 3: a seed variable
    }
)
# Of those, the raw TensorFlow ones: Keras 3 does not track them on a Layer (W7306).
RAW_TF_VARIABLES = frozenset(
    {"tensorflow.Variable", "tensorflow.compat.v1.Variable", "tensorflow.compat.v1.get_variable"}
)
# Methods that write a variable in place (``assign``, ``assign_add``, ``scatter_update``,
# ``scatter_nd_add``, ...): a non-trainable variable never written is a constant.
VARIABLE_WRITE_PREFIXES = ("assign", "scatter_", "batch_scatter_update")
# Methods that create a variable when called on the layer itself (``self.add_weight``).
SELF_VARIABLE_METHODS = frozenset({"add_weight", "add_variable"})

# --- Layers ----------------------------------------------------------------------------

_WEIGHTED_LAYERS = """
Dense EinsumDense Embedding
Conv1D Conv2D Conv3D Conv1DTranspose Conv2DTranspose Conv3DTranspose
Convolution1D Convolution2D Convolution3D Convolution2DTranspose Convolution3DTranspose
SeparableConv1D SeparableConv2D SeparableConvolution1D SeparableConvolution2D
DepthwiseConv1D DepthwiseConv2D LocallyConnected1D LocallyConnected2D
ConvLSTM1D ConvLSTM2D ConvLSTM3D
LSTM GRU SimpleRNN LSTMCell GRUCell SimpleRNNCell RNN StackedRNNCells Bidirectional
TimeDistributed
BatchNormalization LayerNormalization GroupNormalization SyncBatchNormalization
SpectralNormalization Normalization
MultiHeadAttention AdditiveAttention GroupQueryAttention
PReLU
TextVectorization StringLookup IntegerLookup Discretization
""".split()

# Layers that hold a seed-generator variable under Keras 3 only; stateless under Keras 2
# (built in call, they raise E1 under Keras 3 and run under tf-keras: runtime fixture
# tests/functional/creation_layer/creation_layer_random_in_call.py).
_RANDOM_LAYERS = """
Dropout SpatialDropout1D SpatialDropout2D SpatialDropout3D
GaussianNoise GaussianDropout AlphaDropout
""".split()

# Random image-preprocessing layers hold a random-generator variable in both versions
# (tf-keras: a stateful tf.random.Generator): built in call, they raise E1 under Keras 3
# and tf-keras (tests/functional/creation_layer/creation_layer_random_preprocessing_in_call.py).
_RANDOM_PREPROCESSING_LAYERS = """
RandomFlip RandomRotation RandomZoom RandomTranslation RandomContrast RandomCrop
RandomBrightness RandomHeight RandomWidth
""".split()

# TF1 functional layers build a layer (and its variables) on every call
# (creation_layer/creation_layer_tf1_functional.py); their classes too.
_TF1_LAYER_FUNCTIONS = """
dense conv1d conv2d conv3d conv2d_transpose conv3d_transpose separable_conv1d
separable_conv2d batch_normalization
""".split()
_TF1_LAYER_CLASSES = """
Dense Conv1D Conv2D Conv3D Conv2DTranspose Conv3DTranspose SeparableConv1D SeparableConv2D
BatchNormalization
""".split()

# Keras 3 makes the seed generator only for a positive rate (``if rate > 0:`` in
# keras/src/layers/regularization/*.py): ``Dropout(0.0)`` holds no state. The argument
# (position 0 or keyword) that decides it, per layer.
RANDOM_LAYER_RATES = {
    **{f"keras.layers.{name}": "rate" for name in _RANDOM_LAYERS},
    "keras.layers.GaussianNoise": "stddev",
}
# Layers that own no weights of their own but those of the layers they wrap: built per call
# around a layer made elsewhere, they create nothing (creation_layer_stateless_wrappers.py).
# The argument (position 0 or keyword) holding the wrapped layer or cell(s). Bidirectional
# is not here: it clones its layer for the backward direction, new weights every time.
WRAPPER_LAYERS = {"keras.layers.RNN": "cell", "keras.layers.TimeDistributed": "layer"}

STATEFUL_LAYERS = frozenset(
    [f"keras.layers.{name}" for name in _WEIGHTED_LAYERS + _RANDOM_PREPROCESSING_LAYERS]
    + [
        f"{namespace}.{name}"
        for namespace in ("tensorflow.compat.v1.layers", "tensorflow.layers")
        for name in _TF1_LAYER_FUNCTIONS + _TF1_LAYER_CLASSES
    ]
)
# Namespaces whose classes are all stateful models (``keras.applications.MobileNetV2``,
# ``keras.applications.resnet50.ResNet50``): built per call, they create all their weights.
STATEFUL_NAMESPACES = ("keras.applications.",)
KERAS3_STATEFUL_LAYERS = frozenset(f"keras.layers.{name}" for name in _RANDOM_LAYERS)

# Model constructors that own the layers they are given.
SEQUENTIAL = frozenset({"keras.Sequential", "keras.models.Sequential"})

# --- Optimizers and metrics --------------------------------------------------------------

_OPTIMIZERS = """
Optimizer SGD Adam AdamW Adamax Adagrad Adadelta Adafactor RMSprop Nadam Ftrl Lion Lamb
LossScaleOptimizer Muon
""".split()
_TF1_OPTIMIZERS = """
Optimizer GradientDescentOptimizer MomentumOptimizer AdamOptimizer AdagradOptimizer
AdadeltaOptimizer RMSPropOptimizer FtrlOptimizer ProximalAdagradOptimizer
ProximalGradientDescentOptimizer AdagradDAOptimizer
""".split()
OPTIMIZERS = frozenset(
    [f"keras.optimizers.{name}" for name in _OPTIMIZERS]
    + [f"keras.optimizers.legacy.{name}" for name in _OPTIMIZERS]
    + [f"keras.optimizers.experimental.{name}" for name in _OPTIMIZERS]
    + [f"keras.mixed_precision.{name}" for name in ("LossScaleOptimizer",)]
    + [f"tensorflow.compat.v1.train.{name}" for name in _TF1_OPTIMIZERS]
    + [f"tensorflow.train.{name}" for name in _TF1_OPTIMIZERS]
)

_METRICS = """
Metric Mean Sum MeanTensor MeanMetricWrapper Accuracy BinaryAccuracy CategoricalAccuracy
SparseCategoricalAccuracy TopKCategoricalAccuracy SparseTopKCategoricalAccuracy AUC
Precision Recall PrecisionAtRecall RecallAtPrecision SensitivityAtSpecificity
SpecificityAtSensitivity TruePositives TrueNegatives FalsePositives FalseNegatives
MeanSquaredError MeanAbsoluteError MeanAbsolutePercentageError MeanSquaredLogarithmicError
RootMeanSquaredError LogCoshError CosineSimilarity Hinge SquaredHinge CategoricalHinge
KLDivergence Poisson BinaryCrossentropy CategoricalCrossentropy
SparseCategoricalCrossentropy BinaryIoU IoU MeanIoU OneHotIoU OneHotMeanIoU F1Score
FBetaScore R2Score ConcordanceCorrelation PearsonCorrelation
""".split()
METRICS = frozenset(f"keras.metrics.{name}" for name in _METRICS)

# --- Base classes and their traced methods -------------------------------------------------

# Exact base names -> roles. Subclassing any built-in layer also makes a layer (below).
BASE_ROLES: dict[str, frozenset[Role]] = {
    "keras.Layer": frozenset({Role.LAYER}),
    "keras.layers.Layer": frozenset({Role.LAYER}),
    "keras.engine.base_layer.Layer": frozenset({Role.LAYER}),
    # Keras 2.0-2.2 bases (``from keras.engine.topology import Layer``).
    "keras.engine.topology.Layer": frozenset({Role.LAYER}),
    "keras.engine.Layer": frozenset({Role.LAYER}),
    "keras.engine.topology.Container": frozenset({Role.LAYER, Role.MODEL}),
    "keras.engine.network.Network": frozenset({Role.LAYER, Role.MODEL}),
    "keras.engine.Network": frozenset({Role.LAYER, Role.MODEL}),
    "keras.engine.Model": frozenset({Role.LAYER, Role.MODEL}),
    "keras.Model": frozenset({Role.LAYER, Role.MODEL}),
    "keras.models.Model": frozenset({Role.LAYER, Role.MODEL}),
    "keras.engine.training.Model": frozenset({Role.LAYER, Role.MODEL}),
    "keras.Sequential": frozenset({Role.LAYER, Role.MODEL}),
    "keras.models.Sequential": frozenset({Role.LAYER, Role.MODEL}),
    "keras.Loss": frozenset({Role.LOSS}),
    "keras.losses.Loss": frozenset({Role.LOSS}),
    "keras.losses.LossFunctionWrapper": frozenset({Role.LOSS}),
    "keras.Metric": frozenset({Role.METRIC}),
    "keras.metrics.Metric": frozenset({Role.METRIC}),
    "keras.Optimizer": frozenset({Role.OPTIMIZER}),
    "tensorflow.Module": frozenset({Role.MODULE}),
    "tensorflow.compat.v1.Module": frozenset({Role.MODULE}),
    "sonnet.Module": frozenset({Role.MODULE}),
    # Where the bases live inside Keras 3 (``keras.src.*``), tf-keras and Sonnet: the
    # libraries' own code, and projects that import from there, subclass these.
    "keras.models.model.Model": frozenset({Role.LAYER, Role.MODEL}),
    "keras.models.functional.Functional": frozenset({Role.LAYER, Role.MODEL}),
    "keras.models.sequential.Sequential": frozenset({Role.LAYER, Role.MODEL}),
    "keras.engine.functional.Functional": frozenset({Role.LAYER, Role.MODEL}),
    "keras.engine.sequential.Sequential": frozenset({Role.LAYER, Role.MODEL}),
    "keras.optimizers.base_optimizer.BaseOptimizer": frozenset({Role.OPTIMIZER}),
    "sonnet.src.base.Module": frozenset({Role.MODULE}),
}
# Namespaces whose CamelCase members are classes of one role (``keras.layers.Dense``).
_NAMESPACE_ROLES = (
    ("keras.layers.", frozenset({Role.LAYER})),
    ("keras.losses.", frozenset({Role.LOSS})),
    ("keras.metrics.", frozenset({Role.METRIC})),
    ("keras.optimizers.schedules.", frozenset()),
    ("keras.optimizers.", frozenset({Role.OPTIMIZER})),
)
# ``Dense``, or a class in a submodule: ``layer.Layer``, ``preprocessing.PreprocessingLayer``
# (Keras 3's ``keras.src.layers.layer.Layer``, tf-keras's ``layers.rnn.base_rnn.RNN``).
_CLASS_NAME = re.compile(r"(?:[a-z_][a-z0-9_]*\.)*[A-Z][A-Za-z0-9]*$")


def base_roles(name: str | None) -> frozenset[Role]:
    """Roles a class gets from a base with this canonical name."""
    if not name:
        return frozenset()
    if name in BASE_ROLES:
        return BASE_ROLES[name]
    for prefix, roles in _NAMESPACE_ROLES:
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return roles if _CLASS_NAME.match(rest) else frozenset()
    return frozenset()


# --- What tf-keras tracks when it is created lazily in call --------------------------------

# tf-keras tracks ``add_weight()``, sub-layers and metrics created lazily in ``call`` (as its
# own MultiHeadAttention does; creation/creation_tf_keras_lazy_build.py); Keras 3 refuses them.
KERAS2_TRACKS_LAZY = frozenset({Creates.LAYER, Creates.METRIC})
KERAS2_TRACKED_FACTORIES = frozenset(f"self.{name}" for name in SELF_VARIABLE_METHODS)
