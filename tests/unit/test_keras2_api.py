"""keras2_api: a module using an API only Keras 2 has is decided as Keras 2."""

from __future__ import annotations

from pathlib import Path

import astroid
import pytest
from astroid import nodes

from tfvarlint.keras2_api import keras2_only_api
from tfvarlint.keras_version import KerasVersion, clear_cache, decide


def _api(code: str) -> str | None:
    module = astroid.parse(code)
    return keras2_only_api(module, list(module.nodes_of_class(nodes.Call)))


@pytest.mark.parametrize(
    ("code", "found"),
    [
        ("from keras.engine.topology import Layer", "keras.engine"),
        ("from keras.engine import Layer", "keras.engine"),
        ("import keras.engine.base_layer", "keras.engine"),
        ("from keras.layers.core import Dense", "keras.layers.core"),
        ("from keras.layers import merge", "keras.layers.merge"),
        ("from tensorflow.keras.layers.experimental import preprocessing", "keras.layers.experimental"),
        ("from tensorflow.keras.mixed_precision import experimental", "keras.mixed_precision.experimental"),
        ("from keras.wrappers.scikit_learn import KerasClassifier", "keras.wrappers"),
        ("from keras.utils.np_utils import to_categorical", "keras.utils.np_utils"),
        ("from keras.src.engine import base_layer", "keras.src.engine"),
        ("from tensorflow.python.keras.engine.base_layer import Layer", "tensorflow.python.keras"),
        ("def f():\n    from keras.engine import Layer\n", "keras.engine"),
        ("import tensorflow as tf\nx = tf.keras.layers.experimental.preprocessing.Rescaling(1.0)", "keras.layers.experimental"),
        ("from tensorflow.keras import layers\nx = layers.experimental.preprocessing.Rescaling(1.0)", "keras.layers.experimental"),
        ("model = make()\nmodel.fit_generator(data)", "fit_generator()"),
        ("model = make()\nmodel.predict_generator(data)", "predict_generator()"),
    ],
)
def test_keras2_only_api_is_found(code: str, found: str) -> None:
    assert _api(code) == found


@pytest.mark.parametrize(
    "code",
    [
        "import keras\nfrom keras import layers\nx = layers.Dense(3)",
        "from keras.layers import Dense, Conv2D",
        "import tensorflow as tf\nx = tf.keras.layers.Rescaling(1.0)",
        "from keras.optimizers import legacy",  # Keras 3 keeps the name
        "from keras import legacy",
        "from tf_keras.layers import Dense",  # decided as tf_keras, not here
        "from .engine import Layer",  # a project's own relative module
        "from engine import Layer",
        "model = make()\nmodel.fit(data)",
        "x = config.layers.experimental_flag()",
    ],
)
def test_keras_apis_of_both_versions_are_not(code: str) -> None:
    assert _api(code) is None


def test_keras2_api_outweighs_the_projects_keras3_declaration(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("keras>=3\n")
    module = tmp_path / "model.py"
    module.write_text("")
    clear_cache()
    assert decide("auto", str(module), {"keras"}, {}).major == 3
    found = decide("auto", str(module), {"keras"}, {}, keras2_api="keras.engine")
    assert found == KerasVersion(2, "the module's use of keras.engine, which Keras 3 does not have")
    assert found.describe() == "Keras 2, from the module's use of keras.engine, which Keras 3 does not have"
    # An explicit "not legacy" in the environment cannot make such code run under Keras 3.
    assert decide("auto", str(module), set(), {"TF_USE_LEGACY_KERAS": "0"}, "keras.engine").major == 2
    # The option still wins.
    assert decide("3", str(module), set(), {}, "keras.engine").major == 3
