"""Guarded creation in a Loss's ``call`` gets no message (a non-trainable counter, so the
trainable-variable-in-loss rule does not apply either). It runs and counts the steps."""
# runtime: keras3=ok keras2=ok
import numpy as np
import tensorflow as tf


class CountingMse(tf.keras.losses.Loss):
    def __init__(self):
        super().__init__()
        self.calls = None

    def call(self, y_true, y_pred):
        if self.calls is None:
            self.calls = tf.Variable(0, trainable=False)
        self.calls.assign_add(1)
        return tf.reduce_mean(tf.square(y_true - y_pred), axis=-1)


if __name__ == "__main__":
    loss = CountingMse()
    model = tf.keras.Sequential([tf.keras.layers.Dense(3)])
    model.compile(optimizer="sgd", loss=loss)
    data = np.ones((4, 3), "float32")
    model.fit(data, data, batch_size=2, epochs=1, verbose=0)
    assert int(loss.calls.numpy()) == 2, int(loss.calls.numpy())
