# modeled on tensorflow/tensorflow#48851
# (TensorFlow's documented pattern: create the variable behind an existence check; a
# guarded creation in a tf.Module's tf.function runs once and is not reported)
# runtime: keras3=ok keras2=ok
"""The fixed counter: the variable is created on the first trace only."""
import tensorflow as tf


class Count(tf.Module):
    def __init__(self):
        super().__init__()
        self.count = None

    @tf.function
    def __call__(self):
        if self.count is None:
            self.count = tf.Variable(0)
        return self.count.assign_add(1)


if __name__ == "__main__":
    counter = Count()
    counter()
    counter()
    assert int(counter.count.numpy()) == 2
    assert len(counter.trainable_variables) == 1
