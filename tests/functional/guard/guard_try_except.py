"""``try: self.w`` / ``except AttributeError:`` creates in the handler (or in ``else`` after a
KeyError lookup), in a tf.function: no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Scale(tf.Module):
    @tf.function
    def __call__(self, x):
        try:
            scale = self.scale
        except AttributeError:
            self.scale = tf.Variable(2.0)
            scale = self.scale
        return x * scale


class Slots(tf.Module):
    def __init__(self):
        super().__init__()
        self.slots = {}

    @tf.function
    def __call__(self, x):
        try:
            slot = self.slots["a"]
        except KeyError:
            slot = self.slots["a"] = tf.Variable(0.0)
        slot.assign_add(x)
        return slot.read_value()


if __name__ == "__main__":
    scale, slots = Scale(), Slots()
    for _ in range(3):
        assert float(scale(tf.constant(1.0))) == 2.0
        slots(tf.constant(1.0))
    assert float(slots.slots["a"]) == 3.0
    assert len(scale.variables) == 1
