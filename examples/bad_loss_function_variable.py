"""A loss *function* given to compile() is traced by fit(): a variable created there fails
on the first batch with "tf.function only supports singleton tf.Variables"."""

import tensorflow as tf


def weighted_mse(y_true, y_pred):
    weight = tf.Variable(1.0)
    return tf.reduce_mean(tf.square(y_true - y_pred)) * weight


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=weighted_mse)
    model.fit(tf.random.normal((32, 1)), tf.random.normal((32, 1)), epochs=1, verbose=0)
