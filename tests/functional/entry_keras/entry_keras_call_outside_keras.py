"""Methods named ``call``/``__call__`` outside Keras classes, and a module-level ``call``, run
eagerly: no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Step:
    def call(self, x):
        return x * tf.Variable(2.0)

    def __call__(self, x):
        return self.call(x)


class Tracker(tf.Module):
    """A tf.Module's undecorated __call__ is plain eager Python."""

    def __call__(self, x):
        self.last = tf.Variable(x)
        return self.last


def call(x):
    return x + tf.Variable(1.0)


class Stage(object):
    def call(self, inputs, training=None):
        return inputs * tf.Variable(3.0)


if __name__ == "__main__":
    assert float(Step()(tf.constant(1.0))) == 2.0
    assert float(Tracker()(tf.constant(4.0))) == 4.0
    assert float(call(tf.constant(1.0))) == 2.0
    assert float(Stage().call(tf.constant(1.0))) == 3.0
