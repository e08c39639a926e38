# modeled on tensorflow/tensorflow#38211
# (a layer whose helper method stores raw tf.Variables; they are missing from
# model.trainable_variables). Here the helper runs from build().
# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 does not track a raw tf.Variable on a Layer; tf-keras does
"""Raw tf.Variables made in build() (through a helper) are not Keras 3 weights."""
import numpy as np
import tensorflow as tf


class Chain(tf.keras.layers.Layer):
    def build(self, input_shape):
        self._make_factors(int(input_shape[-1]))

    def _make_factors(self, width):
        self.first = tf.Variable(tf.ones([width]), name="first")  # [untracked-tf-variable]
        self.second = tf.Variable(tf.ones([width]), name="second")  # [untracked-tf-variable]

    def call(self, inputs):
        return inputs * self.first * self.second


if __name__ == "__main__":
    layer = Chain()
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), layer])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 3).astype("float32")
    model.fit(x, 2.0 * x, epochs=2, verbose=0)
    tracked = len(model.trainable_weights) == 2
    unchanged = np.allclose(layer.first.numpy(), 1.0)
    if not tracked and unchanged:
        print(f"SILENT: {len(model.trainable_weights)} trainable weights; factors still 1.0 after fit")
    else:
        assert tracked and not unchanged
