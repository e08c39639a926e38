"""Guards on the object's own flags: ``if not self.built:``, ``if not self._initialized:``, in a
tf.function: no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Lazy(tf.Module):
    def __init__(self):
        super().__init__()
        self.built = False

    @tf.function
    def __call__(self, x):
        if not self.built:
            self.w = tf.Variable(tf.ones([x.shape[-1]]))
            self.built = True
        return x * self.w


class Accumulator(tf.Module):
    def __init__(self):
        super().__init__()
        self._initialized = False

    @tf.function
    def add(self, x):
        if not self._initialized:
            self.total = tf.Variable(0.0)
            self._initialized = True
        self.total.assign_add(x)
        return self.total


if __name__ == "__main__":
    lazy = Lazy()
    for _ in range(3):
        lazy(tf.ones([2, 4]))
    assert len(lazy.variables) == 1
    acc = Accumulator()
    for _ in range(3):
        acc.add(tf.constant(2.0))
    assert float(acc.total) == 6.0
