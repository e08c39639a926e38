# modeled on tensorflow/tensorflow#39451
# (a custom metric whose update_state fails once it runs inside a traced training step;
# here update_state builds the built-in metric it delegates to on every call)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Metric.update_state builds a metric object on every call."""
import numpy as np
import tensorflow as tf


class ClassRecall(tf.keras.metrics.Metric):
    def __init__(self, class_id, name="class_recall", **kwargs):
        super().__init__(name=name, **kwargs)
        self.class_id = class_id
        self.value = self.add_weight(name="value", shape=(), initializer="zeros")
        self.inner = tf.keras.metrics.Recall(class_id=self.class_id)

    def update_state(self, y_true, y_pred, sample_weight=None):
        inner = self.inner  # [keras-stateful-object-created-in-call]
        inner.update_state(y_true, y_pred)
        self.value.assign(inner.result())

    def result(self):
        return self.value


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3, activation="softmax")]
    )
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=[ClassRecall(1)])
    y = np.eye(3, dtype="float32")[np.random.randint(0, 3, 8)]
    model.fit(np.random.rand(8, 4), y, epochs=1, verbose=0)
