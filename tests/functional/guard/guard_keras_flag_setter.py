# modeled on tensorflow/models official/nlp/modeling layers (tf-models-official 2.20.0):
# subclasses of tf-keras's MultiHeadAttention build extra sub-layers on the first call, behind
# the flag that the inherited _build_from_signature() sets.
# runtime: keras3=ok keras2=ok
# runtime-reason: the module imports tf_keras, so both runs use Keras 2, which tracks sub-layers created lazily in call
"""A flag set by an inherited Keras method is changed by the guarded branch:
``if not self._built_from_signature: self._build_from_signature(...)`` (tf-keras's
MultiHeadAttention sets it), so the sub-layer made there is made once: no message."""
import numpy as np
import tf_keras


class GatedAttention(tf_keras.layers.MultiHeadAttention):
    def call(self, query, value, **kwargs):
        if not self._built_from_signature:
            self._build_from_signature(query=query, value=value)
            self._gate = tf_keras.layers.Dense(query.shape[-1], name="gate")
        return self._gate(super().call(query, value, **kwargs))


if __name__ == "__main__":
    layer = GatedAttention(num_heads=2, key_dim=4)
    inputs = tf_keras.Input(shape=(5, 8))
    model = tf_keras.Model(inputs, layer(inputs, inputs))
    model.compile(optimizer=tf_keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 5, 8).astype("float32")
    before = layer._gate.kernel.numpy().copy()
    model.fit(x, x, epochs=2, verbose=0)
    model.predict(x, verbose=0)
    assert any("gate" in w.name for w in layer.trainable_weights), layer.trainable_weights
    assert not np.allclose(before, layer._gate.kernel.numpy())
    assert len(layer.trainable_weights) == 10, [w.name for w in layer.trainable_weights]
