"""``self.add_weight`` and ``self.add_variable`` in call (tf.keras spelling, both Keras versions)."""
# runtime: keras3=raises keras2=raises
# runtime-raises-keras3: You cannot add new elements of state
# runtime-raises-keras2: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def call(self, inputs):
        scale = self.add_weight(name="scale", shape=(), initializer="ones")  # [tf-variable-created-in-call]
        return inputs * scale


class Offset(tf.keras.layers.Layer):
    def call(self, inputs):
        offset = self.add_variable(name="offset", shape=(), initializer="zeros")  # [tf-variable-created-in-call]
        return inputs + offset


def _fit(layer):
    model = tf.keras.Sequential([layer])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_add_weight():
    _fit(Scale())


def case_add_variable():
    _fit(Offset())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_add_weight, case_add_variable)
