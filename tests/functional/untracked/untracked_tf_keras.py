# modeled on tensorflow/tensorflow#46325
# (the same raw tf.Variable in __init__, in code written for tf-keras: `import tf_keras`
# makes tfvarlint-keras-version=auto read Keras 2, which tracks it)
# runtime: keras3=ok keras2=ok
# runtime-reason: the module imports tf_keras, so both runs use Keras 2
"""tf-keras code: a raw tf.Variable on a layer is tracked, so no W7306."""
import numpy as np
import tensorflow as tf
import tf_keras


class Rescale(tf_keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.gain = tf.Variable(1.0, trainable=True, name="gain")

    def call(self, inputs):
        return inputs * self.gain


if __name__ == "__main__":
    layer = Rescale()
    model = tf_keras.Sequential([tf_keras.Input(shape=(2,)), layer])
    model.compile(optimizer=tf_keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 2).astype("float32")
    model.fit(x, 3.0 * x, epochs=2, verbose=0)
    assert any(w is layer.gain for w in layer.trainable_weights)
    assert float(layer.gain.numpy()) != 1.0
