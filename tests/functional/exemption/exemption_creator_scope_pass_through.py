# modeled on TensorFlow's variable_creator_scope documentation (a creator that logs and
# passes the creation on to next_creator)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A creator that calls ``next_creator`` still makes a real variable on every trace: the
scope is no exemption, in the traced body or in a helper."""
import tensorflow as tf

CREATED = []


def logging_creator(next_creator, **kwargs):
    CREATED.append(kwargs.get("name"))
    return next_creator(**kwargs)


def helper_with_scope(x):
    with tf.variable_creator_scope(logging_creator):
        scale = tf.Variable(2.0)
    return x * scale


@tf.function
def via_helper(x):
    return helper_with_scope(x)  # [tf-variable-created-in-tf-function]


@tf.function
def in_body(x):
    with tf.variable_creator_scope(lambda next_creator, **kw: next_creator(**kw)):
        scale = tf.Variable(3.0)  # [tf-variable-created-in-tf-function]
    return x * scale


def case_helper():
    via_helper(tf.constant(1.0))


def case_body():
    in_body(tf.constant(1.0))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_helper, case_body)
