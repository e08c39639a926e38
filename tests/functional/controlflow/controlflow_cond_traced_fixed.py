# modeled on tensorflow/tensorflow#33689
# (fixed: the counter is created once outside; the tf.cond branch only reads it)
# runtime: keras3=ok keras2=ok
"""The fixed branch: it reads a variable created once outside the tf.function."""
import tensorflow as tf

counter = tf.Variable(1)


def read_counter():
    return counter.read_value()


def no_counter():
    return tf.constant(0)


@tf.function
def bar(use_counter):
    return tf.cond(use_counter, read_counter, no_counter)


if __name__ == "__main__":
    assert int(bar(tf.constant(True)).numpy()) == 1
    assert int(bar(tf.constant(False)).numpy()) == 0
