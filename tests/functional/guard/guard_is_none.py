"""Guard ``if self.w is None:`` (also ``is not None`` with else, and ``training and ...``) in a
tf.function: TensorFlow's documented lazy pattern, no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self.w = None
        self.b = None

    @tf.function
    def __call__(self, x, training=False):
        if self.w is None:
            self.w = tf.Variable(tf.ones_initializer()([x.shape[-1], self.units]))
        if self.b is not None:
            pass
        else:
            self.b = tf.Variable(tf.zeros([self.units]))
        return x @ self.w + self.b


class Counter:
    def __init__(self):
        self.count = None

    @tf.function
    def step(self, training):
        if training and self.count is None:
            self.count = tf.Variable(0)
        if self.count is not None:
            self.count.assign_add(1)


if __name__ == "__main__":
    dense = Dense(2)
    for _ in range(3):
        out = dense(tf.ones([1, 3]))
    assert out.numpy().tolist() == [[3.0, 3.0]]
    assert len(dense.trainable_variables) == 2
    counter = Counter()
    counter.step(True)
    counter.step(True)
    assert int(counter.count.numpy()) == 2
