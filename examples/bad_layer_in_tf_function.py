"""A Dense layer and a variable built inside a tf.function: the first call fails with
"tf.function only supports singleton tf.Variables created on the first call"."""

import tensorflow as tf


@tf.function
def predict(x):
    scale = tf.Variable(2.0)
    dense = tf.keras.layers.Dense(4)
    return dense(x) * scale


if __name__ == "__main__":
    predict(tf.ones((2, 3)))
