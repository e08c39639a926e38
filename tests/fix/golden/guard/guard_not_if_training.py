"""``if training:`` tests an argument, not state: creation there is per call (E7301)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class NoisyScale(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.noise = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(0.5))

    def call(self, inputs, training=None):
        if training:
            noise = self.noise  # [tf-variable-created-in-call]
            return inputs * noise
        return inputs


class Model(tf.keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_variable = self.add_weight(shape=(), initializer="ones")

    def call(self, inputs, training=False):
        if not training:
            return inputs
        return inputs + self.call_variable  # [tf-variable-created-in-call]


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
