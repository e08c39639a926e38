# modeled on keras-team/keras#11086
# (a function that makes a variable, mapped with tf.map_fn; called eagerly here)
# runtime: keras3=ok keras2=ok
"""tf.map_fn called eagerly runs its function eagerly: no trace, no message."""
import numpy as np
import tensorflow as tf


def shift_row(row):
    offset = tf.Variable(tf.ones_like(row))
    return row + offset


result = tf.map_fn(shift_row, tf.zeros((2, 3)))


if __name__ == "__main__":
    np.testing.assert_allclose(result.numpy(), np.ones((2, 3)))
