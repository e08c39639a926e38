# modeled on tensorflow/tensorflow#34617
# (fixed: the head is created once in __init__, so predict() reuses its weights)
# runtime: keras3=ok keras2=ok
"""The fixed predict_step: it calls a head layer created in __init__."""
import numpy as np
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.body = tf.keras.layers.Dense(4, activation="relu")
        self.head = tf.keras.layers.Dense(2, activation="softmax")

    def call(self, inputs):
        return self.body(inputs)

    def predict_step(self, data):
        return self.head(self(data, training=False))


if __name__ == "__main__":
    model = Classifier()
    x = np.random.rand(8, 3)
    first = model.predict(x, verbose=0)
    np.testing.assert_allclose(first, model.predict(x, verbose=0), rtol=1e-6)
