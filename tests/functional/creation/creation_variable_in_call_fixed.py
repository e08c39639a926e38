# modeled on tensorflow/tensorflow#108077
# (fixed: the scale is a weight created once in build())
# runtime: keras3=ok keras2=ok
"""The fixed model: its extra weight is created in build() and trained."""
import numpy as np
import tensorflow as tf


class ScaledModel(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(2)

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(2,), initializer="ones")
        self.dense.build(input_shape)

    def call(self, inputs):
        return self.dense(inputs) * self.scale


if __name__ == "__main__":
    model = ScaledModel()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 3), np.random.rand(8, 2), epochs=1, verbose=0)
    assert not np.allclose(model.scale.numpy(), 1.0)
