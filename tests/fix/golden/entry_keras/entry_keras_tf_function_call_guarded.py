"""A guarded variable in a ``@tf.function``-decorated Keras ``call`` is a Keras call: W7303
(and W7306 for the raw tf.Variable under Keras 3), not silence as in a plain tf.function.
tf-keras trains it; Keras 3 does not track it."""
# runtime: keras3=silent keras2=ok
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scale = None

    def build(self, input_shape):
        self.scale = self.add_weight(shape=(), initializer="ones", name="scale")

    @tf.function
    def call(self, inputs):
        return inputs * self.scale


if __name__ == "__main__":
    import runtime_support

    layer = Scale()
    model = tf.keras.Sequential([layer])
    model.compile(optimizer="sgd", loss="mse")
    x = np.ones((8, 3), "float32")
    model.fit(x, 3 * x, epochs=2, verbose=0)
    if not any(v is layer.scale for v in model.trainable_weights):
        runtime_support.silent("the lazily created tf.Variable is not in trainable_weights")
    else:
        assert float(layer.scale.numpy()) != 1.0, "scale should have trained"
