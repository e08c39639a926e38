"""A configuration attribute set once in ``__init__`` is no guard: ``if not self.causal:`` is
the same on every call, so the BatchNormalization under it is built on every call (E7304,
not W7303)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self, causal=False, **kwargs):
        super().__init__(**kwargs)
        self.causal = causal
        self.norm = tf.keras.layers.BatchNormalization()

    def call(self, inputs):
        if not self.causal:
            norm = self.norm  # [keras-layer-created-in-call]
            inputs = norm(inputs)
        return inputs


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), Block()])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 4), np.random.rand(8, 4), epochs=1, verbose=0)
