"""One home for where Keras lives: names.canonical() and the augment read the same table."""

from __future__ import annotations

import pytest

from tfvarlint.knowledge import spellings
from tfvarlint.names import canonical


@pytest.mark.parametrize("route", [route for route, _targets, _suffix in spellings.KERAS_ROUTES])
def test_every_augment_route_folds_to_keras(route: str) -> None:
    folded = canonical(f"{route}.layers.Dense")
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
