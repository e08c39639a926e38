# modeled on tensorflow/models official/nlp/modeling (tf-models-official 2.20.0):
# attention layers written for tf-keras build their projections on the first call,
# behind an "already built" flag, as tf-keras's own MultiHeadAttention does.
# runtime: keras3=ok keras2=ok
# runtime-reason: the module imports tf_keras, so both runs use Keras 2, which tracks state created lazily in call
"""tf-keras code: guarded add_weight / sub-layers in call are tracked by Keras 2: no W7303."""
import numpy as np
import tensorflow as tf
import tf_keras


class LazyProjection(tf_keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self._units = units
        self._built_from_signature = False
        self._bias = None

    def _build_from_signature(self, inputs):
        self._built_from_signature = True
        self._proj = tf_keras.layers.Dense(self._units, name="proj")
        with tf.init_scope():
            self.gain = self.add_weight(name="gain", shape=(self._units,), initializer="ones")

    def call(self, inputs, use_bias=True):
        if not self._built_from_signature:
            self._build_from_signature(inputs)
        outputs = self._proj(inputs) * self.gain
        if use_bias:
            if self._bias is None:
                self._bias = self.add_weight(name="bias", shape=(self._units,), initializer="zeros")
            outputs = outputs + self._bias
        return outputs


if __name__ == "__main__":
    layer = LazyProjection(2)
    model = tf_keras.Sequential([tf_keras.Input(shape=(3,)), layer])
    model.compile(optimizer=tf_keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 3).astype("float32")
    y = np.random.rand(16, 2).astype("float32")
    before = [w.numpy().copy() for w in layer.trainable_weights]
    model.fit(x, y, epochs=2, verbose=0)
    model.predict(x, verbose=0)
    names = sorted(w.name.split("/")[-1] for w in layer.trainable_weights)
    assert len(layer.trainable_weights) == 4, names  # kernel, bias of proj; gain; bias
    after = [w.numpy() for w in layer.trainable_weights]
    assert all(not np.allclose(a, b) for a, b in zip(before, after)), names
