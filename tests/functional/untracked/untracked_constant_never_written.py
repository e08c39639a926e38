# modeled on keras-io examples/vision/swin_transformers.py (a relative-position index
# table computed in __init__ and kept in a non-trainable tf.Variable that nothing writes)
# runtime: keras3=ok keras2=ok
"""A non-trainable raw tf.Variable that is never written is a constant: Keras 3 not tracking
it changes nothing (rebuilt by __init__, nothing to train or save), so no W7306."""
import numpy as np
import tensorflow as tf
from tensorflow import keras


class IndexedBias(keras.layers.Layer):
    def __init__(self, size, **kwargs):
        super().__init__(**kwargs)
        self.size = size
        coords = np.arange(size)
        index = (coords[:, None] - coords[None, :]) + size - 1
        self.position_index = tf.Variable(
            initial_value=tf.convert_to_tensor(index.reshape(-1)), trainable=False
        )

    def build(self, input_shape):
        self.table = self.add_weight(name="table", shape=(2 * self.size - 1,), initializer="ones")

    def call(self, inputs):
        bias = tf.reshape(tf.gather(self.table, self.position_index), (self.size, self.size))
        return tf.matmul(inputs, bias)


def make_model():
    return keras.Sequential([keras.Input(shape=(4,)), IndexedBias(4)])


if __name__ == "__main__":
    import os
    import tempfile

    model = make_model()
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    x = np.random.rand(16, 4).astype("float32")
    model.fit(x, 2.0 * x, epochs=2, verbose=0)
    path = os.path.join(tempfile.mkdtemp(), "model.weights.h5")
    model.save_weights(path)
    restored = make_model()
    restored.load_weights(path)
    np.testing.assert_allclose(model.predict(x, verbose=0), restored.predict(x, verbose=0), rtol=1e-6)
    assert not np.allclose(model.layers[0].table.numpy(), 1.0)
