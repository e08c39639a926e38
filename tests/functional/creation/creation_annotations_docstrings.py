"""``tf.Variable`` only in annotations, docstrings, comments, strings or isinstance checks is
no creation: no message."""
# runtime: keras3=ok keras2=ok
from typing import Optional

import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    """Scales its input.  Do not write ``self.w = tf.Variable(1.0)`` in call()."""

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(), initializer="ones")

    def call(self, inputs: tf.Tensor) -> tf.Tensor:
        """Multiply; the weight is a tf.Variable(...) made in build()."""
        # tf.Variable(2.0) would be created per call here
        kind: Optional[tf.Variable] = None
        message = "tf.Variable(1.0)"
        if isinstance(self.scale, tf.Variable):
            kind = self.scale
        del kind, message
        return inputs * self.scale


@tf.function
def apply(x: tf.Tensor, w: tf.Variable) -> tf.Tensor:
    """``w`` is a tf.Variable created outside: ``w = tf.Variable(2.0)``."""
    factory: type = tf.Variable
    assert factory is tf.Variable
    return x * w


if __name__ == "__main__":
    model = tf.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)
    w = tf.Variable(2.0)
    for _ in range(2):
        assert float(apply(tf.constant(1.0), w)) == 2.0
