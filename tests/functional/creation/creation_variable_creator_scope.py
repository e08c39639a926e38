# modeled on tf-keras tf_keras/metrics/base_metric_test.py (a metric built in a
# tf.function under a variable creator that returns constants: nothing is created)
# runtime: keras3=ok keras2=ok
"""Creation inside ``with tf.variable_creator_scope(creator):`` is the creator's business:
here it returns constants, so no variable is made and nothing is reported."""
import tensorflow as tf


def as_constant(next_creator, **kwargs):
    del next_creator
    value = kwargs["initial_value"]
    return tf.constant(value() if callable(value) else value)


@tf.function
def scaled(x):
    with tf.variable_creator_scope(as_constant):
        scale = tf.Variable(2.0)
    return x * scale


if __name__ == "__main__":
    assert float(scaled(tf.constant(3.0))) == 6.0
    assert float(scaled(tf.constant(4.0))) == 8.0
