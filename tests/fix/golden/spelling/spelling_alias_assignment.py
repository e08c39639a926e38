"""Names bound by plain assignment: ``V = tf.Variable``, ``Base = tf.keras.layers.Layer``,
``traced = tf.function``."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf

V = tf.Variable
Base = tf.keras.layers.Layer
traced = tf.function


class Scale(Base):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.v = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    def call(self, inputs):
        return inputs * self.v  # [tf-variable-created-in-call]


v = V(2.0)


@traced
def double(x):
    return x * v  # [tf-variable-created-in-tf-function]


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
