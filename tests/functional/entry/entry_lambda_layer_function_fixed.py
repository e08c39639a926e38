# modeled on keras-team/keras#13529
# (fixed: the trainable affine map is a subclassed Layer with add_weight in build)
# runtime: keras3=ok keras2=ok
"""The fixed model: a Layer subclass owns the weights the Lambda function used to make."""
import numpy as np
import tensorflow as tf


class Affine(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(name="weights", shape=(1, 1), initializer="ones")
        self.b = self.add_weight(name="bias", shape=(), initializer="zeros")

    def call(self, inputs):
        return inputs * self.w + self.b


def build_model():
    inputs = tf.keras.Input(shape=(1,))
    outputs = Affine(name="affine")(inputs)
    return tf.keras.Model(inputs, outputs)


if __name__ == "__main__":
    model = build_model()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 1), np.random.rand(8, 1), epochs=1, verbose=0)
    assert len(model.trainable_weights) == 2
    assert not np.allclose(model.get_layer("affine").w.numpy(), 1.0)
