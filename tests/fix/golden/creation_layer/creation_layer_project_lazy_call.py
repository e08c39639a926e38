# modeled on project layers that create their weight lazily in call, used inside another
# layer's call
# runtime: keras3=raises keras2=raises
# runtime-raises-keras3: You cannot add new elements of state
# runtime-raises-keras2: tf.function only supports singleton tf.Variables
"""A project layer whose own ``call`` creates state (lazily) is stateful: built per call in
another layer's ``call`` it brings new state every call (E7304), besides its own W7303."""
import numpy as np
import tensorflow as tf


class LazyScale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scale = None

    def build(self, input_shape):
        self.scale = self.add_weight(name="scale", shape=(), initializer="ones")  # [tf-variable-lazily-created-in-call]

    def call(self, inputs):
        return inputs * self.scale


class Block(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_scale = LazyScale()

    def call(self, inputs):
        return self.lazy_scale(inputs)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input((3,)), Block()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)
