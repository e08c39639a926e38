# modeled on tensorflow/tensorflow#105654
# (fixed: the embedding table is created once, outside the compiled function)
# runtime: keras3=ok keras2=ok
"""The fixed XLA function: it reads a table created outside."""
import numpy as np
import tensorflow as tf

table = tf.Variable(tf.random.normal([3, 8]))


@tf.function(jit_compile=True)
def embed(ids):
    return tf.gather(table, ids)


if __name__ == "__main__":
    out = embed(np.array([0, 2, 1]))
    np.testing.assert_allclose(out.numpy()[1], table.numpy()[2])
