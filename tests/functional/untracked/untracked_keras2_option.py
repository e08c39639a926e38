# modeled on tensorflow/tensorflow#46325
# (the raw tf.Variable in __init__ again, linted with tfvarlint-keras-version=2 (see
# untracked_keras2_option.rc): the project declares it runs under tf-keras, so no W7306)
# runtime: keras3=silent keras2=ok
# runtime-reason: configured for Keras 2; under Keras 3 the variable would be untracked
"""tfvarlint-keras-version=2: a raw tf.Variable on a layer is not reported."""
import numpy as np
import tensorflow as tf


class Rescale(tf.keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gain = tf.Variable(1.0, trainable=True, name="gain")

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
