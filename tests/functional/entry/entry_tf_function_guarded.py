"""Guarded creation in a tf.function (a plain function with a global, a method of a plain
class, a tf.Module method) gets no message: TensorFlow's documented pattern."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf

_step = None


@tf.function
def train_step(x):
    global _step
    if _step is None:
        _step = tf.Variable(0, trainable=False)
    _step.assign_add(1)
    return x * 2.0


class Ema:
    def __init__(self):
        self.average = None

    @tf.function
    def update(self, x):
        if self.average is None:
            self.average = tf.Variable(tf.zeros_like(x), trainable=False)
        self.average.assign(0.5 * self.average + 0.5 * x)
        return self.average.read_value()


class Scale(tf.Module):
    @tf.function(reduce_retracing=True)
    def __call__(self, x):
        if not hasattr(self, "w"):
            self.w = tf.Variable(2.0)
        return x * self.w


if __name__ == "__main__":
    ema, scale = Ema(), Scale()
    for _ in range(3):
        train_step(tf.ones([2]))
        ema.update(tf.constant(4.0))
        scale(tf.constant(1.0))
    assert int(_step.numpy()) == 3
    assert float(ema.average.numpy()) == 3.5
    assert len(scale.variables) == 1
