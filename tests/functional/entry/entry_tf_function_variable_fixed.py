# modeled on tensorflow/tensorflow#26812
# (fixed: the variable is created once outside and captured by the tf.function)
# runtime: keras3=ok keras2=ok
"""The fixed function: it reads a variable created outside."""
import numpy as np
import tensorflow as tf

bias = tf.Variable(5.0)


@tf.function
def affine():
    weights = tf.constant([[2.0, 0.0], [0.0, 3.0]])
    inputs = tf.constant([[1.0, 0.0], [0.0, 1.0]])
    return tf.matmul(weights, inputs) + bias


if __name__ == "__main__":
    np.testing.assert_allclose(affine().numpy(), [[7.0, 5.0], [5.0, 8.0]])
    bias.assign(0.0)
    np.testing.assert_allclose(affine().numpy(), [[2.0, 0.0], [0.0, 3.0]])
