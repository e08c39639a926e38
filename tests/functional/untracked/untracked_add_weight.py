# modeled on tensorflow/tensorflow#46325
# (fixed: the statistics are made with add_weight in build, so both Keras versions track
# them; non-trainable ones included)
# runtime: keras3=ok keras2=ok
"""add_weight() creates tracked weights in both Keras versions: no message."""
import numpy as np
import tensorflow as tf


class Rescale(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.gain = self.add_weight(name="gain", shape=(), initializer="ones")
        self.calls = self.add_weight(name="calls", shape=(), initializer="zeros", trainable=False)

    def call(self, inputs):
        return inputs * self.gain


if __name__ == "__main__":
    layer = Rescale()
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), layer])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 2).astype("float32")
    model.fit(x, 3.0 * x, epochs=2, verbose=0)
    assert len(layer.trainable_weights) == 1 and len(layer.non_trainable_weights) == 1
    assert float(layer.gain.numpy()) != 1.0
