# modeled on keras-team/keras#11736
# (a Dense layer constructed inside call() of a custom layer)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A custom layer builds its Dense sub-layer on every call."""
import numpy as np
import tensorflow as tf


class Projection(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.dense = tf.keras.layers.Dense(self.units)

    def call(self, inputs):
        return self.dense(inputs)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), Projection(2)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 4), np.random.rand(8, 2), epochs=1, verbose=0)
