# modeled on tensorflow/tensorflow#108077
# (a tf.Variable created inside model.call(), then run under tf.function)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A subclassed model creates a variable on every call."""
import numpy as np
import tensorflow as tf


class ScaledModel(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(2)
        self.scale = self.add_weight(shape=(2,), initializer="ones", trainable=True)

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return self.dense(inputs) * scale


if __name__ == "__main__":
    model = ScaledModel()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 3), np.random.rand(8, 2), epochs=1, verbose=0)
