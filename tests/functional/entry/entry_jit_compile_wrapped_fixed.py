# modeled on tensorflow/tensorflow#105654
# (fixed: the table is created once in __init__, the wrapped method only reads it)
# runtime: keras3=ok keras2=ok
"""The fixed embedder: tf.function(jit_compile=True)(self.step) reads a table made once."""
import numpy as np
import tensorflow as tf


class Embedder:
    def __init__(self, rows, width):
        self.table = tf.Variable(tf.random.normal([rows, width]))
        self.lookup = tf.function(jit_compile=True)(self.step)

    def step(self, ids):
        return tf.gather(self.table, ids)


if __name__ == "__main__":
    embedder = Embedder(3, 8)
    out = embedder.lookup(np.array([0, 2, 1]))
    np.testing.assert_allclose(out.numpy()[1], embedder.table.numpy()[2])
