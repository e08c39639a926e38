"""Expression guard ``self.w = tf.Variable(...) if self.w is None else self.w`` (and the
reversed ``self.w if self.w is not None else ...``) in a tf.function: no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = None
        self.b = None

    @tf.function
    def __call__(self, x):
        self.w = tf.Variable(2.0) if self.w is None else self.w
        self.b = self.b if self.b is not None else tf.Variable(1.0)
        return x * self.w + self.b


if __name__ == "__main__":
    scale = Scale()
    for _ in range(3):
        assert float(scale(tf.constant(1.0))) == 3.0
    assert len(scale.variables) == 2
