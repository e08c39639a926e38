# modeled on project code that aliases tf.function and its own layer classes, and keeps
# factory objects on the layer (self.builder = Builder())
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Every real call path inside the project is followed: an alias of ``tf.function``, an
alias of a project layer class built per call, and a method of an object the layer holds
(``self.builder.make_var()``)."""
import tensorflow as tf

function = tf.function


@function
def aliased(x):
    return x * tf.Variable(1.0)  # [tf-variable-created-in-tf-function]


class Inner(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(), name="w")

    def call(self, inputs):
        return inputs * self.w


MakeInner = Inner


class Builder:
    def make_var(self):
        return tf.Variable(1.0)


class BuildsAlias(tf.keras.layers.Layer):
    def call(self, inputs):
        return MakeInner()(inputs)  # [keras-layer-created-in-call]


class UsesBuilder(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.builder = Builder()

    def call(self, inputs):
        return inputs * self.builder.make_var()  # [tf-variable-created-in-call]


def _traced(layer):
    @tf.function
    def step(x):
        return layer(x)

    step(tf.ones((2, 3)))
    step(tf.ones((2, 3)))


def case_alias_function():
    aliased(tf.constant(1.0))


def case_alias_class():
    _traced(BuildsAlias())


def case_object_method():
    _traced(UsesBuilder())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_alias_function, case_alias_class, case_object_method)
