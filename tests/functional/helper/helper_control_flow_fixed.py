# runtime: keras3=ok keras2=ok
"""Fixed helper_control_flow: the functions use variables made once, outside."""

import numpy as np
import tensorflow as tf

ROW_WEIGHT = tf.Variable(np.ones((3,), "float32"))


def scale_row(row):
    return row * ROW_WEIGHT


def loop_body(i, total):
    return i + 1, total + ROW_WEIGHT[0]


strategy = tf.distribute.get_strategy()


@tf.function
def combined(x):
    mapped = tf.map_fn(scale_row, x)
    _, total = tf.while_loop(lambda i, t: i < 2, loop_body, (0, tf.reduce_sum(mapped)))
    picked = tf.cond(total > 0, lambda: scale_row(x[0]), lambda: x[0])
    return strategy.run(scale_row, args=(picked,))


if __name__ == "__main__":
    assert float(tf.reduce_sum(combined(tf.ones((2, 3))))) == 3.0
