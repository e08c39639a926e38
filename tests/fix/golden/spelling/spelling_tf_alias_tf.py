"""``import tensorflow as tf``: tf.keras.layers.Layer, tf.keras.Model, tf.Variable resolve."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(tf.keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.shift = self.add_weight(shape=(), initializer="ones")

    def call(self, inputs):
        shift = self.shift  # [tf-variable-created-in-call]
        return inputs + shift


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(tf.keras.Sequential([Scale()]))


def case_model():
    _fit(Shift())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
