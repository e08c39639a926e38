"""``if self._vars.get(name) is None:`` with the guarded branch setting that item is a guard,
for the instance, a module-level dict and a parameter's dict alike: each variable is made
once per key. No message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf

_CACHE = {}


class Slots(tf.Module):
    def __init__(self):
        super().__init__()
        self._vars = {}

    @tf.function
    def __call__(self, x, name):
        if self._vars.get(name) is None:
            self._vars[name] = tf.Variable(1.0)
        return x + self._vars[name]


@tf.function
def cached(x):
    if _CACHE.get("scale") is None:
        _CACHE["scale"] = tf.Variable(2.0)
    return x * _CACHE["scale"]


@tf.function
def slot(x, store):
    if store._vars.get("shift") is None:
        store._vars["shift"] = tf.Variable(0.5)
    return x + store._vars["shift"]


if __name__ == "__main__":
    slots, store = Slots(), Slots()
    for _ in range(3):
        assert float(slots(tf.constant(1.0), "a")) == 2.0
        assert float(cached(tf.constant(1.0))) == 2.0
        assert float(slot(tf.constant(1.0), store)) == 1.5
    assert len(slots.variables) == 1 and len(store.variables) == 1
