# modeled on keras-team/keras#12503
# (a trainable variable defined inside the loss given to compile())
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A lambda given to compile(loss=...) creates a variable on every trace."""
import numpy as np
import tensorflow as tf


def build_model():
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(
        optimizer="sgd",
        loss=lambda y_true, y_pred: tf.reduce_mean(
            tf.square(y_true - y_pred) * tf.Variable(2.0, trainable=True)  # [tf-variable-created-in-tf-function]
        ),
    )
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 3).astype("float32")
    y = np.random.rand(16, 1).astype("float32")
    build_model().fit(x, y, epochs=1, verbose=0)
