"""``if training:`` tests an argument, not state: creation there is per call (E7301)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class NoisyScale(tf.keras.layers.Layer):
    def call(self, inputs, training=None):
        if training:
            noise = tf.Variable(0.5)  # [tf-variable-created-in-call]
            return inputs * noise
        return inputs


class Model(tf.keras.Model):
    def call(self, inputs, training=False):
        if not training:
            return inputs
        return inputs + tf.Variable(1.0)  # [tf-variable-created-in-call]


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(tf.keras.Sequential([NoisyScale()]))


def case_model():
    _fit(Model())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
