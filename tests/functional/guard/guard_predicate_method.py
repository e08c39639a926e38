"""An existence test behind a predicate method of the same class is a guard:
``if self._needs_init():`` whose body is ``return self._k is None``, with the guarded branch
assigning ``self._k``, or a property (``if self.needs_shift:``). Also a flag set by a method
the branch calls, a method that assigns the tested state, and both inherited from a base
class of the project. No message; each variable is made once."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


def make_var():
    return tf.Variable(2.0)


class Lazy(tf.Module):
    def __init__(self):
        super().__init__()
        self._k = None
        self._ready = False
        self.w = None

    def _needs_init(self):
        """True until the kernel exists."""
        return self._k is None

    @property
    def needs_shift(self):
        return getattr(self, "_shift", None) is None

    def _has_bias(self):
        return hasattr(self, "_b")

    def _mark_ready(self):
        self._ready = True

    def _build(self):
        self.w = make_var()

    @tf.function
    def kernel(self, x):
        if self._needs_init():
            self._k = tf.Variable(2.0)
        return x * self._k

    @tf.function
    def shift(self, x):
        if self.needs_shift:
            self._shift = make_var()
        return x + self._shift

    @tf.function
    def bias(self, x):
        if not self._has_bias():
            self._b = make_var()
        return x + self._b

    @tf.function
    def scale(self, x):
        if not self._ready:
            self.s = tf.Variable(3.0)
            self._mark_ready()
        return x * self.s

    @tf.function
    def weight(self, x):
        if self.w is None:
            self._build()
        return x * self.w


class LazyChild(Lazy):
    """The predicate and the builder are inherited from a base class of this project."""

    @tf.function
    def __call__(self, x):
        if self._needs_init():
            self._k = tf.Variable(2.0)
        if self.w is None:
            self._build()
        return x * self._k * self.w


if __name__ == "__main__":
    lazy = Lazy()
    for _ in range(3):
        assert float(lazy.kernel(tf.constant(1.0))) == 2.0
        assert float(lazy.bias(tf.constant(1.0))) == 3.0
        assert float(lazy.scale(tf.constant(1.0))) == 3.0
        assert float(lazy.weight(tf.constant(1.0))) == 2.0
        assert float(lazy.shift(tf.constant(1.0))) == 3.0
    assert len(lazy.variables) == 5, lazy.variables
    child = LazyChild()
    for _ in range(3):
        assert float(child(tf.constant(1.0))) == 4.0
    assert len(child.variables) == 2, child.variables
