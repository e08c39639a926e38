# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Recursive helpers: mutual and self recursion are followed safely, whatever the order."""

import tensorflow as tf

from runtime_support import run_cases


def ping(n):
    if n <= 0:  # a test of an argument, not a guard
        return tf.Variable(1.0)
    return pong(n - 1)


def pong(n):
    return ping(n)


def countdown(n):
    return tf.Variable(1.0) if n <= 0 else countdown(n - 1)


def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)


@tf.function
def via_pong(x):
    return x * pong(2)  # [tf-variable-created-in-tf-function]


@tf.function
def via_ping(x):
    return x * ping(2)  # [tf-variable-created-in-tf-function]


@tf.function
def via_countdown(x):
    return x * countdown(2) * factorial(3)  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    x = tf.ones((2,))

    def case_via_pong():
        via_pong(x)

    def case_via_ping():
        via_ping(x)

    def case_via_countdown():
        via_countdown(x)

    run_cases(case_via_pong, case_via_ping, case_via_countdown)
