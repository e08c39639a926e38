"""``tf.compat.v1.Variable`` in a Layer.call and in a tf.function."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf
from tensorflow.compat import v1


class Scale(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


double_variable = v1.Variable(2.0)


@tf.function
def double(x):
    return x * double_variable  # [tf-variable-created-in-tf-function]


def case_layer():
    model = tf.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_function():
    double(tf.ones(3))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_function)
