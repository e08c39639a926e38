# modeled on tf-keras tf_keras/metrics/base_metric_test.py (creation under a variable creator
# that returns constants), with the scope inside a helper instead of the traced body
# runtime: keras3=ok keras2=ok
"""A ``tf.variable_creator_scope`` whose creator returns constants exempts the creation at
every depth: in the traced body and inside a helper it calls (the same answer)."""
import tensorflow as tf


def as_constant(next_creator, **kwargs):
    del next_creator
    value = kwargs["initial_value"]
    return tf.constant(value() if callable(value) else value)


def helper_with_scope(x):
    with tf.variable_creator_scope(as_constant):
        scale = tf.Variable(2.0)
    return x * scale


@tf.function
def via_helper(x):
    return helper_with_scope(x)


@tf.function
def in_body(x):
    with tf.variable_creator_scope(as_constant):
        scale = tf.Variable(3.0)
    return x * scale


if __name__ == "__main__":
    for value in (3.0, 4.0):
        assert float(via_helper(tf.constant(value))) == 2.0 * value
        assert float(in_body(tf.constant(value))) == 3.0 * value
