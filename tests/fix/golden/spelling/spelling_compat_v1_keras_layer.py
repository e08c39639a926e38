"""``tf.compat.v1.keras`` bases: the same Keras as ``tf.keras`` (TensorFlow routes both), so a
variable created in ``call`` is E7301, like the ``tf.compat.v2.keras`` spelling."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


class V1Layer(tf.compat.v1.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(
            shape=(),
            initializer=tf.compat.v1.keras.initializers.Constant(2.0),
        )

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class V2Layer(tf.compat.v2.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(
            shape=(),
            initializer=tf.compat.v2.keras.initializers.Constant(2.0),
        )

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


def _traced(layer):
    @tf.function
    def step(x):
        return layer(x)

    step(tf.ones((2, 3)))
    step(tf.ones((2, 3)))


def case_v1():
    _traced(V1Layer())


def case_v2():
    _traced(V2Layer())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_v1, case_v2)
