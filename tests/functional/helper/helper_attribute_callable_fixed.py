# runtime: keras3=ok keras2=ok
"""Fixed helper_attribute_callable: the stored factory runs once, in build()."""

import numpy as np
import tensorflow as tf


class LambdaLayer(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.make = lambda shape: self.add_weight(shape=shape, initializer="ones")
        self.scale = lambda x: x * 2.0  # stateless: fine to call in call()

    def build(self, input_shape):
        self.kernel = self.make((input_shape[-1],))

    def call(self, inputs):
        return self.scale(inputs) * self.kernel


if __name__ == "__main__":
    model = tf.keras.Sequential([LambdaLayer()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
    assert len(model.layers[0].trainable_weights) == 1
