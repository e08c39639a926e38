"""``from tensorflow import keras, Variable, function``."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
from tensorflow import Variable, function, keras, ones


class Scale(keras.layers.Layer):
    def call(self, inputs):
        scale = Variable(2.0)  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(keras.Model):
    def call(self, inputs):
        return inputs + Variable(1.0)  # [tf-variable-created-in-call]


@function
def double(x):
    return x * Variable(2.0)  # [tf-variable-created-in-tf-function]


@function(reduce_retracing=True)
def triple(x):
    return x * Variable(3.0)  # [tf-variable-created-in-tf-function]


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(keras.Sequential([Scale()]))


def case_model():
    _fit(Shift())


def case_function():
    double(ones(3))


def case_function_call():
    triple(ones(3))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model, case_function, case_function_call)
