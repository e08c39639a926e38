"""``__call__`` overridden on a Keras Layer or Model is judged like ``call``: E7301."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Scaled(tf.keras.layers.Dense):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    def __call__(self, *args, **kwargs):
        scale = self.scale  # [tf-variable-created-in-call]
        return super().__call__(*args, **kwargs) * scale


class Wrapped(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)
        self.shift = self.add_weight(shape=(), initializer="ones")

    def call(self, inputs):
        return self.dense(inputs)

    def __call__(self, *args, **kwargs):
        shift = self.shift  # [tf-variable-created-in-call]
        return super().__call__(*args, **kwargs) + shift


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(tf.keras.Sequential([Scaled(3)]))


def case_model():
    outer = tf.keras.Sequential([Wrapped()])
    _fit(outer)


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
