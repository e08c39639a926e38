"""Conditions on tensors or arguments alone are no guard (``if x.shape[0] > 1:``), nor is an
``or`` whose other side is not a state test: E7302."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


batch_scale_scale = tf.Variable(2.0)


@tf.function
def batch_scale(x):
    if x.shape[0] > 1:
        scale = batch_scale_scale  # [tf-variable-created-in-tf-function]
        return x * scale
    return x


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = None
        self.call_w = tf.Variable(2.0)

    @tf.function
    def __call__(self, x):
        if self.w is None or x.shape[0] > 1:
            self.w = self.call_w  # [tf-variable-created-in-tf-function]
        return x * self.w


def case_shape():
    batch_scale(tf.ones([3]))


def case_or():
    Scale()(tf.ones([3]))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_shape, case_or)
