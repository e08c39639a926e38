"""Nested classes: a Keras layer nested in a plain class is still a layer (E7301); a plain
class nested in a layer, or defined in a traced body, is not part of the traced body."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class Blocks:
    class Scale(tf.keras.layers.Layer):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.call_variable = self.add_weight(
                shape=(),
                initializer=tf.keras.initializers.Constant(2.0),
            )

        def call(self, inputs):
            return inputs * self.call_variable  # [tf-variable-created-in-call]


class Outer(tf.keras.layers.Layer):
    class Config:
        def call(self):
            return tf.Variable(0.5, trainable=False)

    def __init__(self):
        super().__init__()
        self.rate = self.Config().call()

    def call(self, inputs):
        class Local:
            def make(self):
                return tf.Variable(1.0)

        return inputs * 1.0


def case_nested_layer():
    model = tf.keras.Sequential([tf.keras.layers.Dense(3), Outer(), Blocks.Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


if __name__ == "__main__":
    case_nested_layer()
