# modeled on tensorflow/tensorflow#51453
# (a weight-making function compiled with tf.function and called many times; here it is
# a bound method of a module-level object, wrapped with tf.function(obj.method))
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tf.function(factory.project) where the method creates a variable on every trace."""
import numpy as np
import tensorflow as tf


class Projector:
    def __init__(self, units):
        self.units = units
        self.kernel = tf.Variable(tf.random.truncated_normal([3, self.units]))

    def project(self, x):
        kernel = self.kernel  # [tf-variable-created-in-tf-function]
        return tf.matmul(x, kernel)


projector = Projector(2)
fast_project = tf.function(projector.project)


if __name__ == "__main__":
    print(fast_project(np.random.rand(4, 3).astype("float32")).shape)
