# modeled on keras-team/keras#11086
# (fixed: the function given to tf.vectorized_map only uses tensors)
# runtime: keras3=ok keras2=ok
"""The fixed vectorized function: it is stateless."""
import numpy as np
import tensorflow as tf


def normalize(row):
    return row - tf.reduce_mean(row) + tf.zeros([4])


if __name__ == "__main__":
    out = tf.vectorized_map(normalize, np.random.rand(3, 4).astype("float32"))
    np.testing.assert_allclose(tf.reduce_mean(out, axis=1).numpy(), 0.0, atol=1e-6)
