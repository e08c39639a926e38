# modeled on keras-team/keras#11086
# (a variable created in a function mapped over the elements of a tensor; here the
# mapping is tf.vectorized_map, which always traces its function)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A function given to tf.vectorized_map creates a variable."""
import numpy as np
import tensorflow as tf


normalize_offset = tf.Variable(tf.zeros([4]))


def normalize(row):
    offset = normalize_offset  # [tf-variable-created-in-tf-function]
    return row - tf.reduce_mean(row) + offset


if __name__ == "__main__":
    print(tf.vectorized_map(normalize, np.random.rand(3, 4).astype("float32")))
