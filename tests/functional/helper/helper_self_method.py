# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A Keras call reaches tf.Variable through a method of its own class (issue 6)."""

import numpy as np
import tensorflow as tf


class KernelLayer(tf.keras.layers.Layer):
    def _make_kernel(self, units):
        return tf.Variable(np.ones((units,), dtype="float32"), name="kernel")

    def call(self, inputs):
        kernel = self._make_kernel(4)  # [tf-variable-created-in-call]
        return inputs * kernel


if __name__ == "__main__":
    model = tf.keras.Sequential([KernelLayer()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
