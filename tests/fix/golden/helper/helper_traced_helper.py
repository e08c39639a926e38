# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A helper that is itself traced is reported once, inside it, not again at each call site."""

import tensorflow as tf


make_scaled_variable = tf.Variable(2.0)


@tf.function
def make_scaled(x):
    return x * make_scaled_variable  # [tf-variable-created-in-tf-function]


@tf.function
def outer(x):
    return make_scaled(x) + 1.0


if __name__ == "__main__":
    outer(tf.ones((2,)))
