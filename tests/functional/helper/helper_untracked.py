# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 does not track a raw tf.Variable stored on a layer, even when a helper makes it
"""W7306 through a helper: build() stores the raw tf.Variable a helper from another module returns."""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_util import make_weight


class Shifted(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.shift = make_weight((input_shape[-1],))  # [untracked-tf-variable]

    def call(self, inputs):
        return inputs + self.shift


class Tracked(tf.keras.layers.Layer):
    """The fix: a weight Keras tracks."""

    def build(self, input_shape):
        self.shift = self.add_weight(shape=(input_shape[-1],), initializer="zeros")

    def call(self, inputs):
        return inputs + self.shift


if __name__ == "__main__":
    for cls in (Shifted, Tracked):
        layer = cls()
        model = tf.keras.Sequential([layer])
        model.compile(tf.keras.optimizers.SGD(0.1), "mse")
        model.fit(np.ones((8, 4), "float32"), np.ones((8, 4), "float32") * 3, epochs=2, verbose=0)
        tracked = any(w is layer.shift for w in layer.trainable_weights)
        if not tracked or np.allclose(np.asarray(layer.shift), 0.0):
            assert cls is Shifted, f"{cls.__name__} should train"
            print("SILENT: Shifted.shift is not a trainable weight; fit() left it at 0")
