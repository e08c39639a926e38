# runtime: keras3=ok keras2=ok
# runtime-reason: a helper module; its functions create state only when called from the helper_* fixtures
"""Module-level helpers that create variables, in another module of the linted project."""

import numpy as np
import tensorflow as tf

_SHARED = {}


def make_weight(shape, name="w"):
    return tf.Variable(np.zeros(shape, dtype="float32"), name=name)


def make_weight_deeper(shape):
    return make_weight(shape, name="deep")


def get_shared_weight(shape):
    """Guards its own creation: one variable per shape, ever."""
    if shape not in _SHARED:
        _SHARED[shape] = tf.Variable(np.zeros(shape, dtype="float32"), name="shared")
    return _SHARED[shape]


def make_dense(units):
    return tf.keras.layers.Dense(units)


if __name__ == "__main__":
    first, second = make_weight((2,)), make_weight((2,))
    assert first is not second and first.shape == (2,)
    assert get_shared_weight((3,)) is get_shared_weight((3,))
    assert make_dense(2).units == 2
