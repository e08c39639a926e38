# modeled on keras-team/keras#12503
# (fixed: the learnable loss weight is a weight of the model, added to the loss with
# add_loss, so fit() trains it)
# runtime: keras3=ok keras2=ok
"""The fixed version: the weight lives in a layer of the model and is trained."""
import numpy as np
import tensorflow as tf


class LearnedScale(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.alpha = self.add_weight(name="alpha", shape=(), initializer="ones")

    def call(self, inputs):
        return inputs * self.alpha


if __name__ == "__main__":
    scale = LearnedScale()
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1), scale])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    model.fit(np.random.rand(16, 3), np.random.rand(16, 1), epochs=2, verbose=0)
    assert any(v is scale.alpha for v in model.trainable_variables)
    assert float(scale.alpha.numpy()) != 1.0
