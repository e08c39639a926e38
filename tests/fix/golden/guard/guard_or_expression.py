"""``self.w = self.w or tf.Variable(...)`` is no guard for a variable: once it exists, its
truth value is a tensor, AutoGraph turns ``or`` into a graph conditional and traces both
branches, so the retrace creates a second variable (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = None
        self.call_variable = tf.Variable(2.0)

    @tf.function
    def __call__(self, x):
        self.w = self.w or self.call_variable  # [tf-variable-created-in-tf-function]
        return x * self.w


_total = None


accumulate_variable = tf.Variable(0.0)


@tf.function
def accumulate(x):
    global _total
    _total = _total or accumulate_variable  # [tf-variable-created-in-tf-function]
    return _total.assign_add(x)


def case_or():
    Scale()(tf.constant(1.0))


def case_global_or():
    accumulate(tf.constant(1.0))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_or, case_global_or)
