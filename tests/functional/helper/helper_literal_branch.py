# modeled on helpers with a Python flag that picks a branch (build_block(x, use_bias=False))
# runtime: keras3=ok keras2=ok
"""A helper whose variable sits in a branch that the call site's literal argument rules out
(``scale(x, learned=False)``, the variable only under ``if learned:``) creates nothing
there: AutoGraph evaluates a Python bool in Python and never traces that branch."""
import tensorflow as tf


def scale(x, learned=True):
    if learned:
        factor = tf.Variable(2.0)
    else:
        factor = 2.0
    return x * factor


def offset(x, mode="fixed"):
    if mode == "learned":
        return x + tf.Variable(1.0)
    return x + 1.0


@tf.function
def fixed_scale(x):
    return scale(x, learned=False)


@tf.function
def fixed_offset(x):
    return offset(x)


if __name__ == "__main__":
    for value in (1.0, 2.0):
        assert float(fixed_scale(tf.constant(value))) == 2.0 * value
        assert float(fixed_offset(tf.constant(value))) == value + 1.0
