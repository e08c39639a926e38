# runtime: keras3=ok keras2=ok
"""Probe: stateless built-in layers may be built inside call() (no tfvarlint message).

Evidence for knowledge.py: none of these layers is in STATEFUL_LAYERS or
KERAS3_STATEFUL_LAYERS. Built per call inside a custom layer and run under fit and
predict, they work under both Keras 3 and tf-keras (wasteful, but not this project's
error). The driver checks that fit trains, predict gives a softmax per row, and no
variable appears besides the Dense kernel and bias.
"""
import numpy as np
import tensorflow as tf


class PerCallStateless(tf.keras.layers.Layer):
    def call(self, inputs):
        x = tf.keras.layers.MaxPooling2D(2)(inputs)
        x = tf.keras.layers.UpSampling2D(2)(x)
        x = tf.keras.layers.Activation("relu")(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.Add()([x, inputs])
        x = tf.keras.layers.Concatenate()([x, inputs])
        x = tf.keras.layers.Lambda(lambda t: t * 0.5)(x)
        pooled = tf.keras.layers.GlobalAveragePooling2D()(x)
        flat = tf.keras.layers.Flatten()(x)
        grouped = tf.keras.layers.Reshape((16, 4))(flat)
        return tf.keras.layers.Softmax()(pooled + tf.reduce_mean(grouped, axis=1))


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4, 4, 2)), tf.keras.layers.Dense(2), PerCallStateless()]
    )
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    x = np.random.rand(8, 4, 4, 2).astype("float32")
    y = np.eye(4, dtype="float32")[np.random.randint(0, 4, size=8)]
    kernel = model.layers[0].kernel
    before = kernel.numpy().copy()
    model.fit(x, y, epochs=1, batch_size=4, verbose=0)
    probabilities = model.predict(x, verbose=0)
    assert probabilities.shape == (8, 4), probabilities.shape
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)
    assert not np.allclose(kernel.numpy(), before), "fit did not train the Dense kernel"
    assert len(model.weights) == 2, [w.name for w in model.weights]
    print("ok: stateless layers built per call work under fit and predict")
