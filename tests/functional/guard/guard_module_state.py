"""Module-level state as a guard: ``global`` cache tested for None, a module flag, a
module-level dict key test. No message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf

_counter = None
_ready = False
_scale = None
_CACHE = {}


@tf.function
def count():
    global _counter
    if _counter is None:
        _counter = tf.Variable(0)
    _counter.assign_add(1)
    return _counter.read_value()


@tf.function
def scaled(x):
    global _ready, _scale
    if not _ready:
        _scale = tf.Variable(2.0)
        _ready = True
    return x * _scale


@tf.function
def shifted(x):
    if "shift" not in _CACHE:
        _CACHE["shift"] = tf.Variable(1.0)
    return x + _CACHE["shift"]


if __name__ == "__main__":
    for _ in range(3):
        count()
        scaled(tf.constant(1.0))
        shifted(tf.constant(1.0))
    assert int(_counter.numpy()) == 3
    assert float(scaled(tf.constant(1.0))) == 2.0
    assert float(shifted(tf.constant(1.0))) == 2.0
