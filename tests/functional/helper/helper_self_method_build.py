# runtime: keras3=ok keras2=ok
"""Fixed helper_self_method: the same helper, called once from build() (issue 6)."""

import numpy as np
import tensorflow as tf


class KernelLayer(tf.keras.layers.Layer):
    def _make_kernel(self, units):
        return self.add_weight(shape=(units,), initializer="ones", name="kernel")

    def build(self, input_shape):
        self.kernel = self._make_kernel(input_shape[-1])

    def call(self, inputs):
        return inputs * self.kernel


if __name__ == "__main__":
    model = tf.keras.Sequential([KernelLayer()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
    model.predict(np.ones((2, 4), "float32"), verbose=0)
    assert len(model.layers[0].trainable_weights) == 1
