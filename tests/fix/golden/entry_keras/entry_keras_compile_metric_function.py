# modeled on keras-team/keras#4920
# (custom metric functions given to compile(metrics=[...]); here one of them keeps a
# running-count variable that it creates itself)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A metric function given to compile(metrics=[...]) creates a variable per trace."""
import numpy as np
import tensorflow as tf


error_strict_seen = tf.Variable(0.0, trainable=False)


def error_strict(y_true, y_pred):
    seen = error_strict_seen  # [tf-variable-created-in-tf-function]
    seen.assign_add(tf.cast(tf.shape(y_true)[0], tf.float32))
    return tf.reduce_sum(tf.cast(tf.abs(y_true - y_pred) >= 1.0, tf.float32)) / seen


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse", metrics=["mae", error_strict])
    model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=1, verbose=0)
