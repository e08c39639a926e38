"""A nested function or lambda defined in a traced body and called there is part of the body:
its creation is reported where it is created."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


@tf.function
def nested_def(x):
    def make_scale():
        return tf.Variable(2.0)  # [tf-variable-created-in-tf-function]

    return x * make_scale()


@tf.function
def nested_lambda(x):
    make_shift = lambda: tf.Variable(1.0)  # [tf-variable-created-in-tf-function]
    return x + make_shift()


class Scale(tf.keras.layers.Layer):
    def call(self, inputs):
        def scale(value):
            return value * tf.Variable(2.0)  # [tf-variable-created-in-call]

        return tf.map_fn(scale, inputs)


def case_def():
    nested_def(tf.ones([3]))


def case_lambda():
    nested_lambda(tf.ones([3]))


def case_layer():
    model = tf.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_def, case_lambda, case_layer)
