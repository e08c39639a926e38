# modeled on helpers with a Python flag that picks a branch (build_block(x, use_bias=False))
# runtime: keras3=ok keras2=ok
"""A helper whose variable sits in a branch that the call site's literal argument rules out
(``scale(x, learned=False)``, the variable only under ``if learned:``; a parameter tested
``is None`` given an attribute, as tfa's crf_log_likelihood(..., transition_params=self.kernel))
creates nothing there: AutoGraph evaluates a Python condition in Python and never traces
that branch."""
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


def crf_like(x, transition=None):
    if transition is None:
        transition = tf.Variable(1.0)
    return x * transition


class Tagger(tf.Module):
    def __init__(self):
        super().__init__()
        self.kernel = tf.Variable(3.0)

    @tf.function
    def __call__(self, x):
        return crf_like(x, transition=self.kernel)


@tf.function
def fixed_scale(x):
    return scale(x, learned=False)


@tf.function
def fixed_offset(x):
    return offset(x)


if __name__ == "__main__":
    tagger = Tagger()
    assert float(tagger(tf.constant(2.0))) == 6.0
    assert float(tagger(tf.constant(3.0))) == 9.0
    for value in (1.0, 2.0):
        assert float(fixed_scale(tf.constant(value))) == 2.0 * value
        assert float(fixed_offset(tf.constant(value))) == value + 1.0
