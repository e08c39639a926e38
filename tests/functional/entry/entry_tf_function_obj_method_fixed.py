# modeled on tensorflow/tensorflow#51453
# (fixed: the kernel is made once in __init__; the traced method only reads it)
# runtime: keras3=ok keras2=ok
"""The fixed projector: tf.function(projector.project) reads a kernel made once."""
import numpy as np
import tensorflow as tf


class Projector:
    def __init__(self, units):
        self.kernel = tf.Variable(tf.random.truncated_normal([3, units]))

    def project(self, x):
        return tf.matmul(x, self.kernel)


projector = Projector(2)
fast_project = tf.function(projector.project)


if __name__ == "__main__":
    x = np.random.rand(4, 3).astype("float32")
    np.testing.assert_allclose(fast_project(x).numpy(), x @ projector.kernel.numpy(), rtol=1e-5)
