# modeled on tensorflow/tensorflow#105654
# (variable creation inside a function compiled with @tf.function(jit_compile=True))
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""An XLA-compiled tf.function creates a variable on every trace."""
import numpy as np
import tensorflow as tf


embed_table = tf.Variable(tf.random.normal([3, 8]))


@tf.function(jit_compile=True)
def embed(ids):
    table = embed_table  # [tf-variable-created-in-tf-function]
    return tf.gather(table, ids)


if __name__ == "__main__":
    print(embed(np.array([0, 2, 1])).shape)
