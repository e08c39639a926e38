# modeled on TF1 code ported to TF2 with tf.compat.v1 (tf.compat.v1.layers.dense in a traced
# function, e.g. tensorflow/tensorflow#27120-style ports)
# runtime: keras3=fails keras2=raises
# runtime-raises-keras3: is not available with Keras 3
# runtime-raises-keras2: tf.function only supports singleton tf.Variables
# runtime-reason: tf.compat.v1.layers needs tf-keras; under Keras 3 it does not exist at all
"""TF1 functional layers (``tf.compat.v1.layers.dense``, ``conv2d``, ``batch_normalization``)
build a layer with its variables on every call: in a tf.function, every trace."""
import tensorflow as tf


@tf.function
def head(x):
    return tf.compat.v1.layers.dense(x, 2)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    head(tf.ones((2, 3)))
    head(tf.ones((2, 3)))
