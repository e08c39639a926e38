# modeled on keras-team/keras#11736
# (fixed: the Dense sub-layer is built once in __init__ and trained with the layer)
# runtime: keras3=ok keras2=ok
"""The fixed layer: its sub-layer is created in __init__ and trained by fit()."""
import numpy as np
import tensorflow as tf


class Projection(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(units)

    def call(self, inputs):
        return self.dense(inputs)


if __name__ == "__main__":
    layer = Projection(2)
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), layer])
    model.compile(optimizer="sgd", loss="mse")
    before = layer.dense.kernel.numpy().copy()
    model.fit(np.random.rand(8, 4), np.random.rand(8, 2), epochs=1, verbose=0)
    assert len(layer.trainable_weights) == 2
    assert not np.allclose(before, layer.dense.kernel.numpy())
