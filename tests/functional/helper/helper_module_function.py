# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Module-level helpers of this module, called from traced bodies (issue 6)."""

import numpy as np
import tensorflow as tf

from runtime_support import run_cases


def make_weight(shape):
    return tf.Variable(np.ones(shape, "float32"), name="w")


def make_layer(units):
    return tf.keras.layers.Dense(units)


def make_optimizer():
    return tf.keras.optimizers.SGD(0.1)


@tf.function
def scaled(x):
    return x * make_weight((3,))  # [tf-variable-created-in-tf-function]


@tf.function
def projected(x):
    return make_layer(2)(x)  # [keras-layer-created-in-call]


@tf.function
def step(x):
    optimizer = make_optimizer()  # [keras-stateful-object-created-in-call]
    weight = tf.Variable(1.0)  # [tf-variable-created-in-tf-function]
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(x * weight)
    optimizer.apply_gradients([(tape.gradient(loss, weight), weight)])
    return loss


if __name__ == "__main__":
    x = tf.ones((2, 3))

    def case_scaled():
        scaled(x)

    def case_projected():
        projected(x)

    def case_step():
        step(x)

    run_cases(case_scaled, case_projected, case_step)
