# modeled on transformers 4.46 modeling_tf_hubert.py / modeling_tf_wav2vec2.py
# (weight-norm convolution: a raw tf.Variable made in build() of a layer whose `keras` is
# re-exported by a project module that imports tf_keras; Keras 2 tracks it)
# runtime: keras3=ok keras2=ok
# runtime-reason: realworldpkg_compat imports tf_keras, so both runs use Keras 2
"""Keras re-exported by a project module that picks tf_keras: Keras 2 code, no W7306."""
import numpy as np
import tensorflow as tf

from realworldpkg.realworldpkg_compat import keras


class WeightNormScale(keras.layers.Layer):
    def build(self, input_shape):
        self.direction = tf.Variable(tf.ones((int(input_shape[-1]),)), name="weight_v")
        self.norm = self.add_weight(name="weight_g", shape=(), initializer="ones")
        super().build(input_shape)

    def call(self, inputs):
        return inputs * tf.nn.l2_normalize(self.direction) * self.norm


if __name__ == "__main__":
    layer = WeightNormScale()
    model = keras.Sequential([keras.Input(shape=(3,)), layer])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 3).astype("float32")
    before = layer.direction.numpy().copy()
    model.fit(x, x * np.array([1.0, 2.0, 3.0], "float32"), epochs=2, verbose=0)
    assert any(w is layer.direction for w in layer.trainable_weights)
    assert not np.allclose(before, layer.direction.numpy())
