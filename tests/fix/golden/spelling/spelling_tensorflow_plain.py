"""``import tensorflow`` without alias: tensorflow.keras.*, tensorflow.Variable, @tensorflow.function."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow


class Scale(tensorflow.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(
            shape=(),
            initializer=tensorflow.keras.initializers.Constant(2.0),
        )

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


double_two = tensorflow.Variable(2.0)


@tensorflow.function
def double(x):
    two = double_two  # [tf-variable-created-in-tf-function]
    return x * two


def case_layer():
    model = tensorflow.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_function():
    double(tensorflow.ones(3))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_function)
