# modeled on tensorflow/tensorflow#46325
# (a hand-written normalization layer that keeps raw tf.Variables made in __init__)
# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 does not track a raw tf.Variable on a Layer; tf-keras does
"""A raw tf.Variable stored on a Keras 3 layer in __init__ is never trained."""
import numpy as np
import tensorflow as tf


class Rescale(tf.keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gain = tf.Variable(1.0, trainable=True, name="gain")  # [untracked-tf-variable]

    def call(self, inputs):
        return inputs * self.gain


if __name__ == "__main__":
    layer = Rescale()
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), layer])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 2).astype("float32")
    model.fit(x, 3.0 * x, epochs=2, verbose=0)
    tracked = any(w is layer.gain for w in layer.trainable_weights)
    unchanged = float(layer.gain.numpy()) == 1.0
    if not tracked and unchanged:
        print("SILENT: gain missing from trainable_weights and still 1.0 after fit")
    else:
        assert tracked and not unchanged
