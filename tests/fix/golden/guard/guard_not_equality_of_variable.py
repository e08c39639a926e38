"""``if self.w == None:`` (or ``!=``) where ``self.w`` becomes the variable is no guard: once it
exists, ``==`` is a tensor op, and on the retrace that tf.function makes after creating
variables ``variable == None`` fails to convert None (E7302). ``is None`` is the guard. The
same for the state of a parameter."""
# runtime: keras3=raises keras2=raises
# runtime-raises: None values not supported
# runtime-reason: the retrace compares the variable with None as a graph op, which fails before the singleton check
import tensorflow as tf


class Scale(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = None
        self.call_w = tf.Variable(2.0)

    @tf.function
    def __call__(self, x):
        if self.w == None:  # noqa: E711
            self.w = self.call_w  # [tf-variable-created-in-tf-function]
        return x * self.w


class Holder(tf.Module):
    def __init__(self):
        super().__init__()
        self.b = None


shift_b = tf.Variable(1.0)


@tf.function
def shift(x, obj):
    if obj.b != None:  # noqa: E711
        pass
    else:
        obj.b = shift_b  # [tf-variable-created-in-tf-function]
    return x + obj.b


def case_self():
    scale = Scale()
    scale(tf.constant(1.0))


def case_parameter():
    shift(tf.constant(1.0), Holder())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_self, case_parameter)
