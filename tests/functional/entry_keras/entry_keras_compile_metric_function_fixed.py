# modeled on keras-team/keras#4920
# (fixed: the metric function is stateless; Keras averages it over the batches itself)
# runtime: keras3=ok keras2=ok
"""The fixed metric function: a per-batch value, no state of its own."""
import numpy as np
import tensorflow as tf


def error_strict(y_true, y_pred):
    return tf.reduce_mean(tf.cast(tf.abs(y_true - y_pred) >= 1.0, tf.float32))


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse", metrics=["mae", error_strict])
    history = model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=1, verbose=0)
    assert 0.0 <= history.history["error_strict"][-1] <= 1.0
