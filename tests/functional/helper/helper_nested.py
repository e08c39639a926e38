# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A function nested in the traced body keeps the report at its own creating call."""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_util import make_weight
from runtime_support import run_cases


@tf.function
def outer(x):
    def inner(value):
        return value * tf.Variable(1.0)  # [tf-variable-created-in-tf-function]

    return inner(x)


class NestedLayer(tf.keras.layers.Layer):
    def call(self, inputs):
        def scaled(value):
            return value * make_weight((4,))  # [tf-variable-created-in-call]

        return scaled(inputs)


def fit(layer):
    model = tf.keras.Sequential([layer])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)


if __name__ == "__main__":

    def case_tf_function():
        outer(tf.ones((2,)))

    def case_keras_call():
        fit(NestedLayer())

    run_cases(case_tf_function, case_keras_call)
