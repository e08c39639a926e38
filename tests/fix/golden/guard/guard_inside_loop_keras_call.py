"""A guard inside a loop still guards: in a Keras Layer.call it is lazy creation (W7303), not
per-call creation. tf-keras runs it; Keras 3 refuses new state on a built layer."""
# runtime: keras3=raises keras2=ok
# runtime-raises: You cannot add new elements of state
import numpy as np
import tensorflow as tf


class PerFeatureScale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scales = {}

    def build(self, input_shape):
        for index in range(input_shape[-1]):
            key = f"scale_{index}"
            self.scales[key] = self.add_weight(name=key, shape=(), initializer="ones")  # [tf-variable-lazily-created-in-call]

    def call(self, inputs):
        outputs = []
        for index in range(inputs.shape[-1]):
            key = f"scale_{index}"
            outputs.append(inputs[:, index] * self.scales[key])
        return tf.stack(outputs, axis=-1)


if __name__ == "__main__":
    layer = PerFeatureScale()
    model = tf.keras.Sequential([layer])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, 2 * data, epochs=1, verbose=0)
    assert len(layer.trainable_weights) == 3, layer.trainable_weights
