# modeled on tensorflow/tensorflow#40229
# (a custom recall metric creating its tf.Variable accumulators inside update_state)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Metric.update_state creates its accumulator on every call; fit() traces it."""
import numpy as np
import tensorflow as tf


class BatchRecall(tf.keras.metrics.Metric):
    def __init__(self, name="batch_recall", **kwargs):
        super().__init__(name=name, **kwargs)
        self.recall = None
        self.update_state_recall = self.add_weight(
            shape=(),
            initializer="zeros",
            name="update_state_recall",
        )

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.recall = self.update_state_recall  # [tf-variable-created-in-tf-function]
        y_true = tf.cast(y_true, "float32")
        hits = tf.reduce_sum(y_true * tf.round(y_pred))
        self.recall.assign(hits / (tf.reduce_sum(y_true) + 1e-7))

    def result(self):
        return self.recall


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=[BatchRecall()])
    model.fit(np.random.rand(8, 4), np.random.randint(0, 2, (8, 1)), epochs=1, verbose=0)
