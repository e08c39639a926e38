"""Every tf.function form: ``@tf.function``, ``@tf.function()``, ``@tf.function(...)`` on a
function or a method, and ``g = tf.function(f)`` with ``f`` in this module: E7302."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


bare_variable = tf.Variable(2.0)


@tf.function
def bare(x):
    return x * bare_variable  # [tf-variable-created-in-tf-function]


empty_call_variable = tf.Variable(2.0)


@tf.function()
def empty_call(x):
    return x * empty_call_variable  # [tf-variable-created-in-tf-function]


with_arguments_variable = tf.Variable(2.0)


@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)], reduce_retracing=True)
def with_arguments(x):
    return x * with_arguments_variable  # [tf-variable-created-in-tf-function]


plain_variable = tf.Variable(2.0)


def plain(x):
    return x * plain_variable  # [tf-variable-created-in-tf-function]


wrapped = tf.function(plain)


class Trainer:
    def __init__(self):
        super().__init__()
        self.step_variable = tf.Variable(2.0)

    @tf.function
    def step(self, x):
        return x * self.step_variable  # [tf-variable-created-in-tf-function]


def case_bare():
    bare(tf.ones([3]))


def case_empty_call():
    empty_call(tf.ones([3]))


def case_with_arguments():
    with_arguments(tf.ones([3]))


def case_wrapped():
    wrapped(tf.ones([3]))


def case_method():
    trainer = Trainer()  # kept alive: tf.function holds the instance weakly
    trainer.step(tf.ones([3]))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_bare, case_empty_call, case_with_arguments, case_wrapped, case_method)
