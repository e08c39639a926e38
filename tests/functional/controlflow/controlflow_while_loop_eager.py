# modeled on tensorflow/tensorflow#8604
# (the same loop called eagerly at module level: tf.while_loop runs its body as plain
# Python, so nothing is traced and nothing is reported)
# runtime: keras3=ok keras2=ok
"""tf.while_loop called eagerly: the body is not traced."""
import tensorflow as tf


def keep_going(i):
    return tf.less(i, 5)


def body(i):
    w = tf.Variable(1)
    return [i + w]


result = tf.while_loop(keep_going, body, [tf.constant(0)])


if __name__ == "__main__":
    assert int(result[0].numpy()) == 5
