"""A test of state that the guarded code never changes is no guard: a configuration flag, a
None test of another attribute, a predicate method that reads configuration, a parameter's
setting. It is the same on the retrace that tf.function makes after creating variables, so
each creates a second variable (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


def make_var():
    return tf.Variable(2.0)


class Config(tf.Module):
    def __init__(self, causal=False):
        super().__init__()
        self.causal = causal
        self.initializer = None

    def _enabled(self):
        return self.initializer is None

    @tf.function
    def flag(self, x):
        if not self.causal:
            self.w = tf.Variable(2.0)  # [tf-variable-created-in-tf-function]
        return x * self.w

    @tf.function
    def none_test(self, x):
        if self.initializer is None:
            self.w = tf.Variable(2.0)  # [tf-variable-created-in-tf-function]
        return x * self.w

    @tf.function
    def predicate(self, x):
        if self._enabled():
            self.w = make_var()  # [tf-variable-created-in-tf-function]
        return x * self.w


@tf.function
def parameter_setting(x, obj):
    if obj.initializer is None:
        obj.w = make_var()  # [tf-variable-created-in-tf-function]
    return x * obj.w


def case_flag():
    config = Config()  # kept alive: a tf.function method holds its instance weakly
    config.flag(tf.constant(1.0))


def case_none_test():
    config = Config()  # kept alive: a tf.function method holds its instance weakly
    config.none_test(tf.constant(1.0))


def case_predicate():
    config = Config()  # kept alive: a tf.function method holds its instance weakly
    config.predicate(tf.constant(1.0))


def case_parameter_setting():
    parameter_setting(tf.constant(1.0), Config())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_flag, case_none_test, case_predicate, case_parameter_setting)
