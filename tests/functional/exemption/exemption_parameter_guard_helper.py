# modeled on the review's param_guard.py (a guard on a parameter's state around a helper)
# runtime: keras3=ok keras2=ok
"""A guard on the state of an object the traced body is given (``if obj.w is None:``) is
an exemption around a helper call too, the same as around a direct ``tf.Variable``."""
import tensorflow as tf


def make_var():
    return tf.Variable(1.0)


class Holder:
    def __init__(self):
        self.w = None
        self.v = None


@tf.function
def ensure(obj, x):
    if obj.w is None:
        obj.w = make_var()
    return x * obj.w


@tf.function
def ensure_direct(obj, x):
    if obj.v is None:
        obj.v = tf.Variable(2.0)
    return x * obj.v


def ensure_via_helper(obj):
    if obj.w is None:
        obj.w = make_var()
    return obj.w


class Module(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = None

    @tf.function
    def __call__(self, x):
        return x * ensure_via_helper(self)


if __name__ == "__main__":
    holder = Holder()
    for value in (1.0, 2.0):
        assert float(ensure(holder, tf.constant(value))) == value
        assert float(ensure_direct(holder, tf.constant(value))) == 2.0 * value
    module = Module()
    assert float(module(tf.constant(3.0))) == 3.0
    assert float(module(tf.constant(4.0))) == 4.0
