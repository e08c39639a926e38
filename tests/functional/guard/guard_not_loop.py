"""A loop is no guard: creation in a ``for`` or ``while`` body stays per trace (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


@tf.function
def stack(x):
    for _ in range(2):
        layer_scale = tf.Variable(2.0)  # [tf-variable-created-in-tf-function]
        x = x * layer_scale
    return x


class Repeat(tf.Module):
    @tf.function
    def __call__(self, x):
        count = 0
        while count < 2:
            x = x + tf.Variable(1.0)  # [tf-variable-created-in-tf-function]
            count += 1
        return x


def case_for():
    stack(tf.ones([3]))


def case_while():
    Repeat()(tf.ones([3]))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_for, case_while)
