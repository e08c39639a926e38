# modeled on tensorflow/tensorflow#34617
# (a Dense head constructed inside the traced function; here Model.predict_step)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Model.predict_step builds a weighted layer on every step; predict() traces it."""
import numpy as np
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.body = tf.keras.layers.Dense(4, activation="relu")
        self.dense = tf.keras.layers.Dense(2, activation="softmax")

    def call(self, inputs):
        return self.body(inputs)

    def predict_step(self, data):
        features = self(data, training=False)
        return self.dense(features)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    model = Classifier()
    model.predict(np.random.rand(8, 3), verbose=0)
