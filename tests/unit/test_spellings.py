"""One home for where Keras lives: names.canonical() and the augment read the same table."""

from __future__ import annotations

import pytest

from tfvarlint.knowledge import spellings
from tfvarlint.names import canonical


@pytest.mark.parametrize("route", [route for route, _targets, _suffix in spellings.KERAS_ROUTES])
def test_every_augment_route_folds_to_keras(route: str) -> None:
    folded = canonical(f"{route}.layers.Dense")
    assert folded is not None and folded.split(".", 1)[0] == "keras", folded


ROUTE_TARGETS = sorted(
    {
        target + suffix
        for _route, (keras3, keras2), suffix in spellings.KERAS_ROUTES
        for target in (*keras3, *keras2)
    }
    | set(spellings.KERAS_INTERNAL_PACKAGES.values())
)


@pytest.mark.parametrize("target", ROUTE_TARGETS)
def test_every_module_the_augment_loads_folds_to_keras(target: str) -> None:
    """What astroid infers through a route is named from the module it loaded (or from the
    internal package behind it): that name folds to ``keras`` as well."""
    folded = canonical(f"{target}.Dense")
    assert folded is not None and folded.split(".", 1)[0] == "keras", folded


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("tensorflow.compat.v1.keras.layers.Layer", "keras.layers.Layer"),
        ("tensorflow.compat.v2.keras.layers.Layer", "keras.layers.Layer"),
        ("tensorflow.compat.v2.function", "tensorflow.function"),
        ("tensorflow.losses.Loss", "keras.losses.Loss"),
        ("tensorflow.metrics.Mean", "keras.metrics.Mean"),
        ("tensorflow.optimizers.Adam", "keras.optimizers.Adam"),
        ("tensorflow.compat.v1.losses.mean_squared_error", "tensorflow.compat.v1.losses.mean_squared_error"),
        ("tf_keras.api._v1.keras.layers.Dense", "keras.layers.Dense"),
        ("tensorflow.keras", "keras"),
    ],
)
def test_spellings_fold(spelling: str, expected: str) -> None:
    assert canonical(spelling) == expected


def test_longest_spelling_first() -> None:
    prefixes = [prefix for prefix, _ in spellings.KERAS_SPELLINGS]
    for i, prefix in enumerate(prefixes):
        for later in prefixes[i + 1 :]:
            assert not later.startswith(prefix + "."), (prefix, later)


def test_augment_reads_the_same_tables() -> None:
    from tfvarlint import augment

    assert augment._KERAS_ROUTES is spellings.KERAS_ROUTES
    assert augment._KERAS_PACKAGES is spellings.KERAS_PACKAGES
    assert augment._KERAS_INTERNAL_PACKAGES is spellings.KERAS_INTERNAL_PACKAGES


def test_skeletons_read_the_same_table() -> None:
    from tfvarlint import keras_skeleton

    assert keras_skeleton.INTERNAL_PACKAGES is spellings.KERAS_INTERNAL_PACKAGES


KERAS_2_0 = '''
import tensorflow as tf
from keras.engine import Layer as EngineLayer
from keras.engine.topology import Layer
from keras.layers.core import Dense


class Scale(Layer):
    def call(self, inputs):
        return inputs * tf.Variable(2.0)


class Project(EngineLayer):
    def call(self, inputs):
        return Dense(2)(inputs)
'''


def test_keras_2_0_era_paths(tmp_path) -> None:
    """Keras 2.0-2.2 bases and layer paths (no TF 2.21 Keras has them: a lint-only check)."""
    from pylint.lint import Run
    from pylint.reporters import CollectingReporter

    path = tmp_path / "era.py"
    path.write_text(KERAS_2_0, encoding="utf-8")
    reporter = CollectingReporter()
    Run(["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint", "--persistent=n",
         "--tfvarlint-keras-version=2", str(path)], reporter=reporter, exit=False)  # fmt: skip
    assert [(m.symbol, m.line) for m in reporter.messages] == [
        ("tf-variable-created-in-call", 10),
        ("keras-layer-created-in-call", 15),
    ]


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("keras.layers.core.Dense", "keras.layers.Dense"),
        ("keras.src.layers.core.dense.Dense", "keras.layers.Dense"),
        ("tf_keras.src.layers.core.dense.Dense", "keras.layers.Dense"),
        ("tensorflow.keras.layers.experimental.preprocessing.RandomFlip", "keras.layers.RandomFlip"),
        ("keras.src.optimizers.adam.Adam", "keras.optimizers.Adam"),
        ("keras.optimizers.schedules.ExponentialDecay", "keras.optimizers.schedules.ExponentialDecay"),
        ("keras.layers.Dense", "keras.layers.Dense"),
    ],
)
def test_era_submodules_fold(spelling: str, expected: str) -> None:
    assert canonical(spelling) == expected
