# modeled on TF 2.3-2.15 era tutorials and projects (tf.keras.layers.experimental.preprocessing,
# fit_generator) that declare no dependency: the code itself shows it was written for Keras 2
# runtime: keras3=fails keras2=ok
# runtime-reason: tf.keras.layers.experimental does not exist in Keras 3; under tf-keras the raw variable is tracked
# runtime-raises-keras3: has no attribute 'experimental'
"""A module that uses an API only Keras 2 has (``tf.keras.layers.experimental``) runs under
Keras 2 whatever the project declares (here ``keras>=3``): its raw tf.Variable on a layer is
tracked there, so no W7306."""
import numpy as np
import tensorflow as tf


class Rescale(tf.keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gain = tf.Variable(1.0, trainable=True, name="gain")

    def call(self, inputs):
        return inputs * self.gain


def build_model():
    return tf.keras.Sequential(
        [
            tf.keras.Input(shape=(2,)),
            tf.keras.layers.experimental.preprocessing.Rescaling(1.0),
            Rescale(),
        ]
    )


if __name__ == "__main__":
    model = build_model()
    layer = model.layers[-1]
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 2).astype("float32")
    model.fit(x, 3.0 * x, epochs=2, verbose=0)
    assert any(w is layer.gain for w in layer.trainable_weights)
    assert float(layer.gain.numpy()) != 1.0
