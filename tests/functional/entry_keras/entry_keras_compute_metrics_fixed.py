# modeled on Keras "Customizing what happens in fit()" (overriding compute_metrics)
# runtime: keras3=ok keras2=ok
"""The counter of ``compute_metrics`` is a metric made once in ``__init__``: fit() runs and
counts every batch."""
import numpy as np
import tensorflow as tf


class CountingModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)
        self.seen = tf.keras.metrics.Sum(name="seen")

    def call(self, x):
        return self.dense(x)

    def compute_metrics(self, x, y, y_pred, sample_weight=None):
        self.seen.update_state(1.0)
        return {"seen": self.seen.result()}


if __name__ == "__main__":
    model = CountingModel()
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    history = model.fit(data, np.ones((4, 1), "float32"), epochs=1, batch_size=2, verbose=0)
    assert history.history["seen"][-1] >= 1.0, history.history
