# runtime: keras3=ok keras2=ok
"""Helpers that guard the state of the object they are given (TensorFlow's lazy pattern).

The test reads ``obj.attr`` and the guarded branch assigns that same ``obj.attr``, so the
variable is made on the first trace only: guarded, no message in a tf.function.
"""

import tensorflow as tf


def ensure_weight(module):
    if module.weight is None:
        module.weight = tf.Variable(2.0)
    return module.weight


def ensure_slot(store, name):
    if name not in store.slots:
        store.slots[name] = tf.Variable(1.0)
    return store.slots[name]


def ensure_bias(module):
    if not hasattr(module, "bias"):
        module.bias = tf.Variable(0.5)
    return module.bias


class Scaler(tf.Module):
    def __init__(self):
        super().__init__()
        self.weight = None
        self.slots = {}

    @tf.function
    def __call__(self, x):
        return x * ensure_weight(self) + ensure_slot(self, "shift") + ensure_bias(self)


if __name__ == "__main__":
    scaler = Scaler()
    first = scaler(tf.ones((2,)))
    second = scaler(tf.ones((2,)))
    assert len(scaler.variables) == 3, scaler.variables
    assert float(tf.reduce_sum(first)) == float(tf.reduce_sum(second)) == 7.0
