# modeled on tensorflow/tensorflow#105654
# (the XLA-compiled step, written as tf.function(jit_compile=True)(step) instead of a
# decorator; the wrapped method creates its embedding variable on every trace)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tf.function(jit_compile=True)(self.step): the wrapped method is traced."""
import numpy as np
import tensorflow as tf


class Embedder:
    def __init__(self, rows, width):
        self.rows, self.width = rows, width
        self.lookup = tf.function(jit_compile=True)(self.step)
        self.table = tf.Variable(tf.random.normal([self.rows, self.width]))

    def step(self, ids):
        table = self.table  # [tf-variable-created-in-tf-function]
        return tf.gather(table, ids)


if __name__ == "__main__":
    print(Embedder(3, 8).lookup(np.array([0, 2, 1])).shape)
