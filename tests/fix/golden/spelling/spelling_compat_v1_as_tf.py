"""``import tensorflow.compat.v1 as tf`` then ``tf.keras``: TF1-style code on TF 2's Keras;
a variable created in a Layer's ``call`` is E7301 and a Dense built there E7304."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow.compat.v1 as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class Project(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dense = tf.keras.layers.Dense(2)

    def call(self, inputs):
        return self.dense(inputs)  # [keras-layer-created-in-call]


def _traced(layer):
    import tensorflow as tf2

    @tf2.function
    def step(x):
        return layer(x)

    step(tf2.ones((2, 3)))
    step(tf2.ones((2, 3)))


def case_variable():
    _traced(Scale())


def case_dense():
    _traced(Project())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_variable, case_dense)
