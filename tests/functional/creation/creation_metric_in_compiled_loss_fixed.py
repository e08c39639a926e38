# modeled on OlafenwaMoses/ImageAI#668
# (fixed: the loss computes a soft precision from tensors; the Precision metric object is
# built once and given to compile(metrics=...))
# runtime: keras3=ok keras2=ok
"""The fixed loss: a metric object is made once, the loss itself is stateless."""
import numpy as np
import tensorflow as tf


def precision_loss(y_true, y_pred):
    true_pos = tf.reduce_sum(y_true * y_pred)
    soft_precision = true_pos / (tf.reduce_sum(y_pred) + 1e-7)
    bce = tf.reduce_mean(tf.keras.losses.binary_crossentropy(y_true, y_pred))
    return bce + 1.0 - soft_precision


def build_model():
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(
        optimizer="adam",
        loss=precision_loss,
        metrics=[tf.keras.metrics.Precision(thresholds=0.5)],
    )
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 6).astype("float32")
    y = np.random.randint(0, 2, (16, 1)).astype("float32")
    history = build_model().fit(x, y, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
