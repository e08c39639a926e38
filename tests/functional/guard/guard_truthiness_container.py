"""Truth tests of containers and flags are guards (their truth value is Python's): ``if not
self.slots:`` before filling a list or dict, ``if not self._vars`` , ``len(...) == 0``.
No message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Stack(tf.Module):
    def __init__(self, depth):
        super().__init__()
        self.depth = depth
        self.scales = []

    @tf.function
    def __call__(self, x):
        if not self.scales:
            self.scales = [tf.Variable(2.0) for _ in range(self.depth)]
        for scale in self.scales:
            x = x * scale
        return x


class Slots(tf.Module):
    def __init__(self):
        super().__init__()
        self.slots = {}

    @tf.function
    def __call__(self, x):
        if len(self.slots) == 0:
            self.slots["total"] = tf.Variable(0.0)
        return self.slots["total"].assign_add(x)


if __name__ == "__main__":
    stack, slots = Stack(2), Slots()
    for _ in range(3):
        assert float(stack(tf.constant(1.0))) == 4.0
        slots(tf.constant(1.0))
    assert len(stack.variables) == 2
    assert float(slots.slots["total"]) == 3.0
