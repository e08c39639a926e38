"""Any alias: ``import tensorflow as T``, ``from tensorflow import keras as K``."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as T
from tensorflow import keras as K


class Scale(K.layers.Layer):
    def call(self, inputs):
        scale = T.Variable(2.0)  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(K.Model):
    def call(self, inputs):
        return inputs + T.Variable(1.0)  # [tf-variable-created-in-call]


@T.function
def double(x):
    return x * T.Variable(2.0)  # [tf-variable-created-in-tf-function]


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(K.Sequential([Scale()]))


def case_model():
    _fit(Shift())


def case_function():
    double(T.ones(3))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model, case_function)
