# modeled on tensorflow/tensorflow#33689
# (the same branch functions given to tf.cond, called eagerly at module level: tf.cond
# runs the chosen branch as plain Python, so nothing is traced and nothing is reported)
# runtime: keras3=ok keras2=ok
"""tf.cond called eagerly: its branch functions are not traced."""
import tensorflow as tf


def fresh_counter():
    counter = tf.Variable(1)
    return counter.read_value()


def no_counter():
    return tf.constant(0)


value = tf.cond(tf.constant(True), fresh_counter, no_counter)


if __name__ == "__main__":
    assert int(value.numpy()) == 1
