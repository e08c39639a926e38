# modeled on tensorflow/tensorflow#48851
# (a counter module whose @tf.function __call__ creates its variable; here without the
# existence check the report's author used)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A tf.Module with a decorated __call__ creates its counter on every trace."""
import tensorflow as tf


class Count(tf.Module):
    def __init__(self):
        super().__init__()
        self.count = None
        self.call_count = tf.Variable(0)

    @tf.function
    def __call__(self):
        self.count = self.call_count  # [tf-variable-created-in-tf-function]
        return self.count.assign_add(1)


if __name__ == "__main__":
    counter = Count()
    print(counter())
