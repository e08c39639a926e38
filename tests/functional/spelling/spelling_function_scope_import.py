"""Imports inside a function body resolve too; a function-scope import shadows a module one."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
from tensorflow import Variable


def make_step():
    import tensorflow as tf

    @tf.function
    def step(x):
        return x * tf.Variable(2.0)  # [tf-variable-created-in-tf-function]

    return step


def make_layer():
    from tensorflow.keras.layers import Layer

    class Scale(Layer):
        def call(self, inputs):
            return inputs * Variable(2.0)  # [tf-variable-created-in-call]

    return Scale()


def make_plain_layer():
    import tensorflow as tf
    from ctypes import c_double as Variable  # shadows tensorflow.Variable in this function

    class Plain(tf.keras.layers.Layer):
        def call(self, inputs):
            return inputs * Variable(2.0).value

    return Plain()


def case_step():
    make_step()(np.ones(3, "float32"))


def case_layer():
    import tensorflow as tf

    model = tf.keras.Sequential([make_plain_layer(), make_layer()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_step, case_layer)
