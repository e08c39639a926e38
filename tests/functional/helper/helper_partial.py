# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""functools.partial of a helper, called in a tf.function: directly, or bound to a local."""

import functools
from functools import partial

import tensorflow as tf

from helperpkg.helperpkg_util import make_weight
from runtime_support import run_cases

make_row = partial(make_weight, (3,))


@tf.function
def direct(x):
    return x * functools.partial(make_weight, (3,))()  # [tf-variable-created-in-tf-function]


@tf.function
def local(x):
    make = partial(make_weight, (3,))
    return x * make()  # [tf-variable-created-in-tf-function]


@tf.function
def module_level(x):
    return x * make_row()  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    x = tf.ones((2, 3))

    def case_direct():
        direct(x)

    def case_local():
        local(x)

    def case_module_level():
        module_level(x)

    run_cases(case_direct, case_local, case_module_level)
