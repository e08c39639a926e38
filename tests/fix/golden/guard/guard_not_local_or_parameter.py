"""A None test on a local or a parameter is no guard: it is None again on every call (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


local_cache_w = tf.Variable(2.0)


@tf.function
def local_cache(x):
    w = None
    if w is None:
        w = local_cache_w  # [tf-variable-created-in-tf-function]
    return x * w


default_parameter_w = tf.Variable(2.0)


@tf.function
def default_parameter(x, w=None):
    if w is None:
        w = default_parameter_w  # [tf-variable-created-in-tf-function]
    return x * w


local_dict_variable = tf.Variable(2.0)


@tf.function
def local_dict(x):
    cache = {}
    if "w" not in cache:
        cache["w"] = local_dict_variable  # [tf-variable-created-in-tf-function]
    return x * cache["w"]


def case_local():
    local_cache(tf.ones([3]))


def case_parameter():
    default_parameter(tf.ones([3]))


def case_local_dict():
    local_dict(tf.ones([3]))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_local, case_parameter, case_local_dict)
