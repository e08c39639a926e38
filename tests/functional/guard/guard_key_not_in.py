"""Guard ``if key not in self._vars:`` whatever the key (also ``in`` with else), in a
tf.function: no message. A guard inside a loop still guards.

(A key first seen on a *later* trace would create a variable after the first call, which
tf.function refuses; the driver keeps one key per instance, as the pattern is meant.)"""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Slots(tf.Module):
    def __init__(self):
        super().__init__()
        self._vars = {}

    @tf.function
    def __call__(self, x, name):
        if name not in self._vars:
            self._vars[name] = tf.Variable(0.0)
        self._vars[name].assign_add(x)
        return self._vars[name]


class Table(tf.Module):
    def __init__(self, names):
        super().__init__()
        self.names = names
        self.table = {}

    @tf.function
    def __call__(self, x):
        total = x
        for name in self.names:
            if name in self.table:
                pass
            else:
                self.table[name] = tf.Variable(1.0)
            total = total * self.table[name]
        return total


if __name__ == "__main__":
    slots, other = Slots(), Slots()
    for _ in range(3):
        slots(tf.constant(1.0), "a")
    other(tf.constant(5.0), "b")
    assert float(slots._vars["a"]) == 3.0 and float(other._vars["b"]) == 5.0
    table = Table(["x", "y", "z"])
    for _ in range(2):
        assert float(table(tf.constant(2.0))) == 2.0
    assert len(table.variables) == 3
