# modeled on keras-team/keras#12503
# (fixed: the lambda closes over a constant; a weight that must train belongs in the model)
# runtime: keras3=ok keras2=ok
"""The fixed lambda loss: it only reads a constant."""
import numpy as np
import tensorflow as tf

LOSS_SCALE = 2.0


def build_model():
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(
        optimizer="sgd",
        loss=lambda y_true, y_pred: tf.reduce_mean(tf.square(y_true - y_pred) * LOSS_SCALE),
    )
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 3).astype("float32")
    y = np.random.rand(16, 1).astype("float32")
    history = build_model().fit(x, y, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
