# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""An inherited project-local helper (two levels up, same module) called in call().

helper_inherited_module.py: the same with a base class from another module.
"""

import numpy as np
import tensorflow as tf


class LocalBase(tf.keras.layers.Layer):
    def make_scale(self):
        return tf.Variable(np.ones((), "float32"), name="scale")


class Middle(LocalBase):
    pass


class ScaledLayer(Middle):
    def call(self, inputs):
        return inputs * self.make_scale()  # [tf-variable-created-in-call]


if __name__ == "__main__":
    model = tf.keras.Sequential([ScaledLayer()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
