# modeled on tensorflow/tensorflow#8604
# (fixed: the step is a constant; a loop body needs no variable of its own)
# runtime: keras3=ok keras2=ok
"""The fixed loop body: stateless, so tracing it inside tf.function is fine."""
import tensorflow as tf


def keep_going(i):
    return tf.less(i, 5)


def body(i):
    return [i + tf.constant(1)]


@tf.function
def count_up(start):
    return tf.while_loop(keep_going, body, [start])


if __name__ == "__main__":
    assert int(count_up(tf.constant(0))[0].numpy()) == 5
