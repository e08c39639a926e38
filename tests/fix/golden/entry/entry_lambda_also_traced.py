# modeled on the review's double.py (a function given to a Lambda and called from a
# tf.function: one mistake, one message)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A function that is a traced body of its own (given to a ``Lambda``) is reported once, at
the creation, not again at every traced caller."""
import tensorflow as tf


scale_variable = tf.Variable(2.0)


def scale(x):
    return x * scale_variable  # [tf-variable-created-in-tf-function]


scaler = tf.keras.layers.Lambda(scale)


@tf.function
def step(x):
    return scale(x)


if __name__ == "__main__":
    step(tf.ones((2, 3)))
    step(tf.ones((2, 3)))
