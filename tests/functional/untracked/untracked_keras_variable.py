# modeled on tensorflow/tensorflow#46325
# (fixed the Keras 3 way: keras.Variable is tracked when assigned to a layer)
# runtime: keras3=ok keras2=skip
# runtime-reason: Keras 3 API (import keras, keras.Variable); tf-keras has no keras.Variable
"""keras.Variable stored on a Keras 3 layer is tracked and trained: no message."""
import keras
import numpy as np


class Rescale(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gain = keras.Variable(1.0, trainable=True, name="gain")

    def call(self, inputs):
        return inputs * self.gain


if __name__ == "__main__":
    layer = Rescale()
    model = keras.Sequential([keras.Input(shape=(2,)), layer])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 2).astype("float32")
    model.fit(x, 3.0 * x, epochs=2, verbose=0)
    assert any(w is layer.gain for w in layer.trainable_weights)
    assert float(keras.ops.convert_to_numpy(layer.gain)) != 1.0
