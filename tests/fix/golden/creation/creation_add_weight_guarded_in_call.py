"""Guarded ``self.add_weight`` in Layer.call and Model.call: W7303 (belongs in build()).
tf-keras runs it; Keras 3 refuses new state on a built layer."""
# runtime: keras3=raises keras2=ok
# runtime-raises: You cannot add new elements of state
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scale = None

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(), initializer="ones")  # [tf-variable-lazily-created-in-call]

    def call(self, inputs):
        return inputs * self.scale


class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.scale = Scale()

    def build(self, input_shape):
        self.bias = self.add_weight(name="bias", shape=(), initializer="zeros")  # [tf-variable-lazily-created-in-call]

    def call(self, inputs):
        return self.scale(inputs) + self.bias


def case_layer():
    model = tf.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_model():
    model = Net()
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, 2 * data, epochs=2, verbose=0)
    assert len(model.trainable_weights) == 2, model.trainable_weights


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model)
