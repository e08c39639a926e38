"""``from tensorflow import keras, Variable, function``."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
from tensorflow import Variable, function, keras, ones


class Scale(keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=keras.initializers.Constant(2.0))

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_variable = self.add_weight(shape=(), initializer="ones")

    def call(self, inputs):
        return inputs + self.call_variable  # [tf-variable-created-in-call]


double_variable = Variable(2.0)


@function
def double(x):
    return x * double_variable  # [tf-variable-created-in-tf-function]


triple_variable = Variable(3.0)


@function(reduce_retracing=True)
def triple(x):
    return x * triple_variable  # [tf-variable-created-in-tf-function]


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
