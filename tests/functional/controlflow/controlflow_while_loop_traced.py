# modeled on tensorflow/tensorflow#8604
# (a tf.while_loop body that creates a tf.Variable; here the loop runs inside a
# tf.function, so the body is traced with it)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tf.while_loop inside a tf.function: its body function is traced."""
import tensorflow as tf


def keep_going(i):
    return tf.less(i, 5)


def body(i):
    w = tf.Variable(1)
    return [i + w]


@tf.function
def count_up(start):
    return tf.while_loop(keep_going, body, [start])  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    print(count_up(tf.constant(0)))
