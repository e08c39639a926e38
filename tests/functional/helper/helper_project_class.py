# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Project classes whose constructors create state, instantiated in a tf.function."""

import numpy as np
import tensorflow as tf

from helperpkg import helperpkg_layers
from helperpkg.helperpkg_layers import Accumulator, ProjectMetric
from runtime_support import run_cases


class Counter:
    def __init__(self):
        self.count = tf.Variable(0)


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.factor = tf.Variable(np.ones((), "float32"))


@tf.function
def count(x):
    counter = Counter()  # [tf-variable-created-in-tf-function]
    counter.count.assign_add(1)
    return x


@tf.function
def scale(x):
    return x * Scale().factor  # [tf-variable-created-in-tf-function]


@tf.function
def accumulate(x):
    return x + Accumulator().value  # [tf-variable-created-in-tf-function]


@tf.function
def accumulate_module(x):
    return x + helperpkg_layers.Accumulator().value  # [tf-variable-created-in-tf-function]


@tf.function
def measure(x):
    metric = ProjectMetric()  # [keras-stateful-object-created-in-call]
    metric.update_state(x)
    return metric.result()


if __name__ == "__main__":
    x = tf.ones((2,))

    def case_count():
        count(x)

    def case_scale():
        scale(x)

    def case_accumulate():
        accumulate(x)

    def case_accumulate_module():
        accumulate_module(x)

    def case_measure():
        measure(x)

    run_cases(case_count, case_scale, case_accumulate, case_accumulate_module, case_measure)
