"""A Keras ``call`` also decorated with ``@tf.function`` is judged as a Keras call: E7301,
not E7302."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    @tf.function
    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(tf.keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_variable = self.add_weight(shape=(), initializer="ones")

    @tf.function(reduce_retracing=True)
    def call(self, inputs):
        return inputs + self.call_variable  # [tf-variable-created-in-call]


def case_layer():
    Scale()(np.ones((2, 3), "float32"))


def case_model():
    Shift()(np.ones((2, 3), "float32"))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
