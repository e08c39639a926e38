"""A Keras ``call`` also decorated with ``@tf.function`` is judged as a Keras call: E7301,
not E7302."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    @tf.function
    def call(self, inputs):
        scale = tf.Variable(2.0)  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(tf.keras.Model):
    @tf.function(reduce_retracing=True)
    def call(self, inputs):
        return inputs + tf.Variable(1.0)  # [tf-variable-created-in-call]


def case_layer():
    Scale()(np.ones((2, 3), "float32"))


def case_model():
    Shift()(np.ones((2, 3), "float32"))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
