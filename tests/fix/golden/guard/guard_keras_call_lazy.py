"""Guarded raw tf.Variable in Layer.call / Model.call: W7303 (belongs in build()), and Keras 3
does not track the variable (W7306). tf-keras runs and trains it; Keras 3 leaves it out of
trainable_weights, so fit() never updates it."""
# runtime: keras3=silent keras2=ok
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scale = None

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(), initializer="ones", name="scale")

    def call(self, inputs):
        return inputs * self.scale


class Shift(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.shift = self.add_weight(shape=(), initializer="zeros", name="shift")

    def call(self, inputs):
        return inputs + self.shift


class Head(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.scale = Scale()
        self.shift = Shift()
        self.extra = {}

    def build(self, input_shape):
        self.extra["bias"] = self.add_weight(shape=(), initializer="zeros", name="bias")

    def call(self, inputs):
        return self.shift(self.scale(inputs)) + self.extra["bias"]


if __name__ == "__main__":
    import runtime_support

    model = Head()
    model.compile(optimizer="sgd", loss="mse")
    x = np.ones((8, 3), "float32")
    model.fit(x, 3 * x, epochs=2, verbose=0)
    trained = {v.name.split("/")[-1].split(":")[0] for v in model.trainable_weights}
    missing = {"scale", "shift", "bias"} - trained
    if missing:
        runtime_support.silent(f"lazily created variables {sorted(missing)} are not trained")
    else:
        assert float(model.scale.scale.numpy()) != 1.0, "scale should have trained"
