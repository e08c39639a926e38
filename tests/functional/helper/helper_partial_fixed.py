# runtime: keras3=ok keras2=ok
"""Fixed helper_partial: the partial runs once, outside the tf.function."""

from functools import partial

import tensorflow as tf

from helperpkg.helperpkg_util import make_weight

make_row = partial(make_weight, (3,))
ROW = make_row()


@tf.function
def scaled(x):
    add_one = partial(tf.add, 1.0)  # a partial of a TF op creates nothing
    return add_one(x) * ROW


if __name__ == "__main__":
    assert float(tf.reduce_sum(scaled(tf.ones((2, 3))))) == 0.0
