# modeled on tensorflow/tensorflow#40229
# (fixed: the accumulators are weights made once in __init__; update_state only assigns)
# runtime: keras3=ok keras2=ok
"""The fixed metric: its state is created in __init__ and accumulates across batches."""
import numpy as np
import tensorflow as tf


class BatchRecall(tf.keras.metrics.Metric):
    def __init__(self, name="batch_recall", **kwargs):
        super().__init__(name=name, **kwargs)
        self.hits = self.add_weight(name="hits", shape=(), initializer="zeros")
        self.positives = self.add_weight(name="positives", shape=(), initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = tf.cast(y_true, "float32")
        self.hits.assign_add(tf.reduce_sum(y_true * tf.round(y_pred)))
        self.positives.assign_add(tf.reduce_sum(y_true))

    def result(self):
        return self.hits / (self.positives + 1e-7)


if __name__ == "__main__":
    metric = BatchRecall()
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer="sgd", loss="binary_crossentropy", metrics=[metric])
    y = np.ones((8, 1), dtype="float32")
    model.fit(np.random.rand(8, 4), y, batch_size=4, epochs=1, verbose=0)
    assert float(metric.positives.numpy()) == 8.0
