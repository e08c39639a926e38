# modeled on keras-team/keras#16797
# (variables a subclassed layer creates itself are not tracked, so not trained; here the
# variable is made lazily in call() behind a guard)
# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 leaves the lazily made raw tf.Variable untracked; tf-keras tracks it
"""A guarded raw tf.Variable in call(): lazy creation (W7303) and untracked (W7306)."""
import numpy as np
import tensorflow as tf


class LazyGain(tf.keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gain = None

    def build(self, input_shape):
        self.gain = self.add_weight(shape=(2,), initializer="ones", name="gain")

    def call(self, inputs):
        return inputs * self.gain


if __name__ == "__main__":
    layer = LazyGain()
    model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), layer])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 2).astype("float32")
    model.fit(x, 3.0 * x, epochs=2, verbose=0)
    tracked = any(w is layer.gain for w in layer.trainable_weights)
    unchanged = np.allclose(layer.gain.numpy(), 1.0)
    if not tracked and unchanged:
        print("SILENT: lazily made gain missing from trainable_weights and still 1.0 after fit")
    else:
        assert tracked and not unchanged
