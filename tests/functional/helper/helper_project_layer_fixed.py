# runtime: keras3=ok keras2=ok
"""Fixed helper_project_layer: project layers built once in __init__, used in call()."""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_layers import MyDense, ProjectLayer


class KernelBlock(ProjectLayer):
    def build(self, input_shape):
        self.kernel = self._make_kernel(input_shape[-1])

    def call(self, inputs):
        return inputs * self.kernel


class Stack(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = MyDense(4)
        self.block = KernelBlock()

    def call(self, inputs):
        return self.block(self.dense(inputs))


if __name__ == "__main__":
    model = tf.keras.Sequential([Stack()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
    assert len(model.trainable_weights) == 3
