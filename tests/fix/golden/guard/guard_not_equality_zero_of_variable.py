"""``if self.w == 0:`` where ``self.w`` becomes the variable is no guard: once it exists,
``self.w == 0`` is a bool tensor, AutoGraph turns the ``if`` into a graph conditional that
traces the branch again, and the retrace creates a second variable (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


class Counter(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = 0
        self.call_w = tf.Variable(2.0)

    @tf.function
    def __call__(self, x):
        if self.w == 0:
            self.w = self.call_w  # [tf-variable-created-in-tf-function]
        return x * self.w


if __name__ == "__main__":
    counter = Counter()
    counter(tf.constant(1.0))
