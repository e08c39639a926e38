# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""helper_depth with tfvarlint-follow-depth=0 (helper_depth_zero.rc): no helper is followed.

"""

import tensorflow as tf

from runtime_support import run_cases


def make0():
    return tf.Variable(1.0)


def make1():
    return make0()


def make2():
    return make1()


def make3():
    return make2()


direct_variable = tf.Variable(1.0)


@tf.function
def direct(x):
    return x * direct_variable  # [tf-variable-created-in-tf-function]


@tf.function
def one_deep(x):
    return x * make0()  # depth 0: helpers are not followed


@tf.function
def two_deep(x):
    return x * make1()  # not followed


@tf.function
def three_deep(x):
    return x * make2()  # not followed


@tf.function
def four_deep(x):
    return x * make3()  # beyond the default depth: not followed (a known, bounded miss)


if __name__ == "__main__":
    x = tf.ones((2,))

    def case_direct():
        direct(x)

    def case_one_deep():
        one_deep(x)

    def case_two_deep():
        two_deep(x)

    def case_three_deep():
        three_deep(x)

    def case_four_deep():
        four_deep(x)

    run_cases(case_direct, case_one_deep, case_two_deep, case_three_deep, case_four_deep)
