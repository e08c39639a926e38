# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Helpers imported from another module of the linted project, every import spelling."""

import tensorflow as tf

import helperpkg.helperpkg_util
from helperpkg import helperpkg_util as util
from helperpkg import make_weight as reexported
from helperpkg.helperpkg_util import make_dense, make_weight, make_weight_deeper
from runtime_support import run_cases


@tf.function
def imported_name(x):
    return x * make_weight((3,))  # [tf-variable-created-in-tf-function]


@tf.function
def module_alias(x):
    return x * util.make_weight((3,))  # [tf-variable-created-in-tf-function]


@tf.function
def dotted_module(x):
    return x * helperpkg.helperpkg_util.make_weight((3,))  # [tf-variable-created-in-tf-function]


@tf.function
def package_reexport(x):
    return x * reexported((3,))  # [tf-variable-created-in-tf-function]


@tf.function
def two_hops(x):
    return x * make_weight_deeper((3,))  # [tf-variable-created-in-tf-function]


class Projector(tf.keras.layers.Layer):
    def call(self, inputs):
        return make_dense(2)(inputs)  # [keras-layer-created-in-call]


def fit_projector():
    model = tf.keras.Sequential([Projector()])
    model.compile("sgd", "mse")
    model.fit(tf.ones((4, 3)), tf.ones((4, 2)), epochs=1, verbose=0)


if __name__ == "__main__":
    x = tf.ones((2, 3))

    def case_imported_name():
        imported_name(x)

    def case_module_alias():
        module_alias(x)

    def case_dotted_module():
        dotted_module(x)

    def case_package_reexport():
        package_reexport(x)

    def case_two_hops():
        two_hops(x)

    run_cases(
        case_imported_name,
        case_module_alias,
        case_dotted_module,
        case_package_reexport,
        case_two_hops,
        fit_projector,
    )
