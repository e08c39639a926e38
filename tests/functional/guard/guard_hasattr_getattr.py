"""Guards ``if not hasattr(self, "w"):`` and ``if getattr(self, "w", None) is None:`` in a
tf.function: no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Scale(tf.Module):
    @tf.function
    def __call__(self, x):
        if not hasattr(self, "scale"):
            self.scale = tf.Variable(2.0)
        return x * self.scale


class Shift(tf.Module):
    @tf.function
    def __call__(self, x):
        if getattr(self, "shift", None) is None:
            self.shift = tf.Variable(1.0)
        return x + self.shift


class Both(tf.Module):
    @tf.function
    def __call__(self, x):
        if hasattr(self, "w"):
            pass
        else:
            self.w = tf.Variable(3.0)
        return x * self.w


if __name__ == "__main__":
    scale, shift, both = Scale(), Shift(), Both()
    for _ in range(3):
        assert float(scale(tf.constant(1.0))) == 2.0
        assert float(shift(tf.constant(1.0))) == 2.0
        assert float(both(tf.constant(1.0))) == 3.0
    assert len(scale.variables) == len(shift.variables) == len(both.variables) == 1
