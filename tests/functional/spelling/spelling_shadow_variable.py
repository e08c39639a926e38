"""Shadowing: ``Variable`` or ``function`` imported from elsewhere is not TensorFlow's, and a
parameter named ``tf`` is not the module."""
# runtime: keras3=ok keras2=ok
import types
from ctypes import c_double as Variable
from functools import lru_cache as function

import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def call(self, inputs):
        scale = Variable(2.0)  # a ctypes double, not a tf.Variable
        return inputs * scale.value


@function
def doubled(value):
    return Variable(value).value * 2


def with_backend(tf, value):
    """``tf`` is a parameter here (a duck-typed backend), not the tensorflow module."""
    return tf.Variable(value)


if __name__ == "__main__":
    import numpy as np

    model = tf.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)
    assert model.predict(data, verbose=0)[0, 0] == 2.0
    assert doubled(1.5) == 3.0
    assert with_backend(types.SimpleNamespace(Variable=list), "ab") == ["a", "b"]
