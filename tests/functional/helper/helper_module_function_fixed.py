# runtime: keras3=ok keras2=ok
"""Fixed helper_module_function: helpers run once outside, or guard their own creation."""

import numpy as np
import tensorflow as tf

_CACHE = {}


def make_weight(shape):
    return tf.Variable(np.ones(shape, "float32"), name="w")


def cached_weight(shape):
    if shape not in _CACHE:
        _CACHE[shape] = tf.Variable(np.ones(shape, "float32"), name="cached")
    return _CACHE[shape]


WEIGHT = make_weight((3,))


@tf.function
def scaled(x):
    return x * WEIGHT


@tf.function
def scaled_cached(x):
    return x * cached_weight((3,))


if __name__ == "__main__":
    x = tf.ones((2, 3))
    assert float(tf.reduce_sum(scaled(x))) == 6.0
    assert float(tf.reduce_sum(scaled_cached(x))) == 6.0
    scaled_cached(x)
    assert len(_CACHE) == 1
