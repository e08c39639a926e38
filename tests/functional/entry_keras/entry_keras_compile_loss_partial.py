# modeled on ngaiyin1760/LSTM-model-stock-price-movement-prediction-#4
# (a direction-penalty variable created inside a custom loss given to compile())
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A loss bound with functools.partial and given to compile() makes a variable per trace."""
import functools

import numpy as np
import tensorflow as tf


def direction_loss(y_true, y_pred, penalty):
    scale = tf.Variable(penalty, trainable=False)  # [tf-variable-created-in-tf-function]
    wrong_way = tf.cast(tf.sign(y_true) != tf.sign(y_pred), tf.float32)
    return tf.reduce_mean(tf.square(y_true - y_pred) * (1.0 + scale * wrong_way))


def build_model():
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=functools.partial(direction_loss, penalty=4.0))
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 3).astype("float32")
    y = np.random.randn(16, 1).astype("float32")
    build_model().fit(x, y, epochs=1, verbose=0)
