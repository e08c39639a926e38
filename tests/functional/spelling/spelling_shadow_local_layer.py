"""Shadowing: a local class named ``Layer`` (or ``Model``, ``Loss``) that is not Keras's.

Its ``call`` is plain Python, run eagerly: no message.
"""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Layer:
    """A project's own pipeline stage, not keras.layers.Layer."""

    def __call__(self, value):
        return self.call(value)

    def call(self, value):
        raise NotImplementedError


class Model(Layer):
    pass


class Loss:
    def __call__(self, a, b):
        return self.call(a, b)


class Counter(Layer):
    def call(self, value):
        counter = tf.Variable(value)
        counter.assign_add(1)
        return counter


class Pipeline(Model):
    def call(self, value):
        return tf.Variable(value) * 2


class Distance(Loss):
    def call(self, a, b):
        return tf.Variable(a - b)


if __name__ == "__main__":
    assert int(Counter()(1).numpy()) == 2
    assert float(Pipeline()(1.0).numpy()) == 2.0
    assert float(Distance()(3.0, 1.0).numpy()) == 2.0
