# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Functions given to tf.map_fn / tf.scan / tf.while_loop / tf.cond / strategy.run in a tf.function."""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_util import make_weight
from runtime_support import run_cases


def scale_row(row):
    return row * tf.Variable(np.ones((3,), "float32"))


def accumulate(total, row):
    return total + row * make_weight((3,))


def loop_body(i, total):
    return i + 1, total + tf.Variable(1.0)


def weighted(x):
    return x * make_weight((3,))


strategy = tf.distribute.get_strategy()


@tf.function
def with_map_fn(x):
    return tf.map_fn(scale_row, x)  # [tf-variable-created-in-tf-function]


@tf.function
def with_scan(x):
    return tf.scan(accumulate, x, initializer=tf.zeros((3,)))  # [tf-variable-created-in-tf-function]


@tf.function
def with_while_loop(x):
    return tf.while_loop(lambda i, t: i < 2, loop_body, (0, tf.reduce_sum(x)))  # [tf-variable-created-in-tf-function]


@tf.function
def with_cond(x):
    return tf.cond(tf.reduce_sum(x) > 0, lambda: weighted(x), lambda: x)  # [tf-variable-created-in-tf-function]


@tf.function
def with_strategy(x):
    return strategy.run(weighted, args=(x,))  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    x = tf.ones((2, 3))

    def case_with_map_fn():
        with_map_fn(x)

    def case_with_scan():
        with_scan(x)

    def case_with_while_loop():
        with_while_loop(x)

    def case_with_cond():
        with_cond(x)

    def case_with_strategy():
        with_strategy(x)

    run_cases(
        case_with_map_fn,
        case_with_scan,
        case_with_while_loop,
        case_with_cond,
        case_with_strategy,
    )
