# modeled on tensorflow/tensorflow#39451
# (fixed: the delegate metric is created once in __init__ and only updated per call)
# runtime: keras3=ok keras2=ok
"""The fixed metric: its delegate is created in __init__ and accumulates."""
import numpy as np
import tensorflow as tf


class ClassRecall(tf.keras.metrics.Metric):
    def __init__(self, class_id, name="class_recall", **kwargs):
        super().__init__(name=name, **kwargs)
        self.inner = tf.keras.metrics.Recall(class_id=class_id)

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.inner.update_state(y_true, y_pred)

    def result(self):
        return self.inner.result()

    def reset_state(self):
        self.inner.reset_state()


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3, activation="softmax")]
    )
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=[ClassRecall(1)])
    y = np.eye(3, dtype="float32")[np.random.randint(0, 3, 8)]
    history = model.fit(np.random.rand(8, 4), y, epochs=1, verbose=0)
    assert 0.0 <= history.history["class_recall"][-1] <= 1.0
