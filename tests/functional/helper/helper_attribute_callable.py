# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Lambdas, closures and partials stored on attributes in __init__, called in call()."""

import functools

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_util import make_weight
from runtime_support import run_cases


class LambdaLayer(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.make = lambda: tf.Variable(np.ones((4,), "float32"))

    def call(self, inputs):
        return inputs * self.make()  # [tf-variable-created-in-call]


class ClosureLayer(tf.keras.layers.Layer):
    def __init__(self, units=4):
        super().__init__()

        def make():
            return tf.Variable(np.ones((units,), "float32"))

        self.make = make

    def call(self, inputs):
        return inputs * self.make()  # [tf-variable-created-in-call]


class PartialLayer(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.make = functools.partial(make_weight, (4,))

    def call(self, inputs):
        return inputs + self.make()  # [tf-variable-created-in-call]


def fit(layer):
    model = tf.keras.Sequential([layer])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)


if __name__ == "__main__":

    def case_lambda():
        fit(LambdaLayer())

    def case_closure():
        fit(ClosureLayer())

    def case_partial():
        fit(PartialLayer())

    run_cases(case_lambda, case_closure, case_partial)
