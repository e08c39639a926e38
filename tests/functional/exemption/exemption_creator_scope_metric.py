# modeled on tf-keras tf_keras/metrics/base_metric_test.py:166 (a metric built in a
# tf.function under a variable creator that returns constants)
# runtime: keras3=fails keras2=ok
# runtime-raises-keras3: Expected any non-tensor type, but got a tensor instead
# runtime-reason: Keras 3 metrics cannot take constants for their variables (the creator trick is tf-keras's)
"""A creator scope is the creator's business for any state, a metric's variables too: with a
creator that returns constants nothing is created per trace (no E7305)."""
import tensorflow as tf


def as_constant(next_creator, **kwargs):
    del next_creator
    value = kwargs["initial_value"]
    return tf.constant(value() if callable(value) else value)


@tf.function
def total(x):
    with tf.variable_creator_scope(as_constant):
        metric = tf.keras.metrics.Sum()
    return x + tf.reduce_sum(tf.stack([tf.cast(v, tf.float32) for v in metric.variables]))


if __name__ == "__main__":
    assert float(total(tf.constant(1.0))) == 1.0
    assert float(total(tf.constant(2.0))) == 2.0
