"""``from tf_keras.layers import Layer`` and ``tf_keras.backend.variable`` (Keras 2)."""
# runtime: keras3=skip keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
# runtime-reason: tf_keras only
import numpy as np
import tensorflow as tf
import tf_keras
from tf_keras.layers import Layer
from tf_keras.models import Model


class Scale(Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=tf_keras.initializers.Constant(2.0))

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_variable = self.add_weight(shape=(), initializer="ones")

    def call(self, inputs):
        return inputs + self.call_variable  # [tf-variable-created-in-call]


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(tf_keras.Sequential([Scale()]))


def case_model():
    _fit(Shift())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
