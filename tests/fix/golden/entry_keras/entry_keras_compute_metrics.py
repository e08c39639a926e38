# modeled on Keras "Customizing what happens in fit()" (overriding compute_metrics)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""``Model.compute_metrics`` runs inside the traced ``train_step``: a variable created there
fails on the first trace."""
import numpy as np
import tensorflow as tf


class CountingModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)
        self.seen = self.add_weight(shape=(), initializer="zeros")

    def call(self, x):
        return self.dense(x)

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        seen = self.seen  # [tf-variable-created-in-tf-function]
        seen.assign_add(1.0)
        return {"seen": seen}


if __name__ == "__main__":
    model = CountingModel()
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, np.ones((4, 1), "float32"), epochs=1, verbose=0)
