# modeled on ngaiyin1760/LSTM-model-stock-price-movement-prediction-#4
# (fixed: the penalty is a plain Python float bound by functools.partial)
# runtime: keras3=ok keras2=ok
"""The fixed loss: functools.partial binds a constant, nothing is created per trace."""
import functools

import numpy as np
import tensorflow as tf


def direction_loss(y_true, y_pred, penalty):
    wrong_way = tf.cast(tf.sign(y_true) != tf.sign(y_pred), tf.float32)
    return tf.reduce_mean(tf.square(y_true - y_pred) * (1.0 + penalty * wrong_way))


def build_model():
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=functools.partial(direction_loss, penalty=4.0))
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 3).astype("float32")
    y = np.random.randn(16, 1).astype("float32")
    history = build_model().fit(x, y, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
