# modeled on helpers with a Python flag that picks a branch (build_block(x, use_bias=True))
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""The same helpers, called with literals that take the variable's branch (or with a value
not known statically): a variable is created on every trace."""
import tensorflow as tf


def scale(x, learned=True):
    if learned:
        factor = tf.Variable(2.0)
    else:
        factor = 2.0
    return x * factor


def offset(x, mode="fixed"):
    if mode == "learned":
        return x + tf.Variable(1.0)
    return x + 1.0


@tf.function
def learned_scale(x):
    return scale(x)  # [tf-variable-created-in-tf-function]


@tf.function
def learned_offset(x, mode="learned"):
    return offset(x, mode=mode)  # [tf-variable-created-in-tf-function]


def case_scale():
    learned_scale(tf.constant(1.0))


def case_offset():
    learned_offset(tf.constant(1.0))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_scale, case_offset)
