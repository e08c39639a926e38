"""``if not getattr(self, "w", None):`` where ``self.w`` becomes the variable is no guard,
like ``if not self.w:``: once it exists, ``not <variable>`` is a tensor operation under
AutoGraph, and the retrace that tf.function makes after creating variables fails (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: of 'LogicalNot' Op has type float32
# runtime-reason: the retrace evaluates `not <variable>` as a graph op; a bool variable would reach the singleton error instead
import tensorflow as tf


class Shift(tf.Module):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_b = tf.Variable(1.0)

    @tf.function
    def __call__(self, x):
        if not getattr(self, "b", None):
            self.b = self.call_b  # [tf-variable-created-in-tf-function]
        return x + self.b


if __name__ == "__main__":
    Shift()(tf.constant(1.0))
