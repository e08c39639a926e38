# modeled on tensorflow/tensorflow#29329
# (tf.Module code: a tf.Module tracks raw tf.Variables itself, it is not a Keras layer)
# runtime: keras3=ok keras2=ok
"""A raw tf.Variable on a tf.Module is tracked by the Module: no W7306."""
import numpy as np
import tensorflow as tf


class Affine(tf.Module):
    def __init__(self, width):
        super().__init__()
        self.w = tf.Variable(tf.ones([width, 1]), name="w")
        self.b = tf.Variable(0.0, name="b")

    @tf.function
    def __call__(self, x):
        return tf.matmul(x, self.w) + self.b


if __name__ == "__main__":
    module = Affine(3)
    optimizer = tf.keras.optimizers.SGD(0.1)
    x = np.random.rand(8, 3).astype("float32")
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(module(x) - 1.0))
    grads = tape.gradient(loss, module.trainable_variables)
    optimizer.apply_gradients(zip(grads, module.trainable_variables))
    assert len(module.trainable_variables) == 2
    assert not np.allclose(module.w.numpy(), 1.0)
