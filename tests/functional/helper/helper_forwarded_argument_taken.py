# modeled on tensorflow/addons tensorflow_addons/text/crf.py (crf_log_likelihood's default)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""The same helpers when what is forwarded takes the variable's branch: a wrapper whose own
default (``kernel=None``, ``learned=True``) reaches the helper that creates, or a value not
known statically: a variable is created on every trace."""
import tensorflow as tf


def crf_log_likelihood(inputs, tags, transition_params=None):
    if transition_params is None:
        transition_params = tf.Variable(tf.ones([1, 1]), name="transitions")
    return tf.reduce_mean(tf.square(tags - tf.matmul(inputs, transition_params)))


def crf_loss(inputs, tags, kernel=None):
    return crf_log_likelihood(inputs, tags, kernel)


def scaled(x, learned=True):
    if learned:
        return x * tf.Variable(2.0)
    return x * 2.0


def block(x, learned=True):
    return scaled(x, learned)


@tf.function
def default_kernel(x, y):
    return crf_loss(x, y)  # [tf-variable-created-in-tf-function]


@tf.function
def default_flag(x):
    return block(x)  # [tf-variable-created-in-tf-function]


@tf.function
def traced_flag(x, learned):
    return block(x, learned)  # [tf-variable-created-in-tf-function]


def case_default_kernel():
    default_kernel(tf.ones([2, 1]), tf.ones([2, 1]))


def case_default_flag():
    default_flag(tf.constant(1.0))


def case_traced_flag():
    traced_flag(tf.constant(1.0), True)


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_default_kernel, case_default_flag, case_traced_flag)
