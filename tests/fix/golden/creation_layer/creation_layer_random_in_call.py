# runtime: keras3=raises keras2=ok
# runtime-raises: tf.function only supports singleton tf.Variables
"""Probe: random layers built inside call() are stateful in Keras 3 only.

Evidence for knowledge.py's KERAS3_STATEFUL_LAYERS: Keras 3 gives Dropout, GaussianNoise,
GaussianDropout, AlphaDropout and SpatialDropout1D a seed-generator variable, so building
them per traced call raises the singleton-variable error under fit; tf-keras's versions
hold no variable and run (the driver checks they hold none and predict works). Linted as
Keras 3 (auto): E7304. (Random image-preprocessing layers differ: they are stateful in
tf-keras too, creation_layer_random_preprocessing_in_call.py.)
The same code linted as Keras 2 is creation_layer_random_in_call_keras2.py (no message).
"""
import numpy as np
import tensorflow as tf


class PerCallDropout(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dropout = tf.keras.layers.Dropout(0.5)

    def call(self, inputs, training=None):
        return self.dropout(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallGaussianNoise(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gaussian_noise = tf.keras.layers.GaussianNoise(0.1)

    def call(self, inputs, training=None):
        return self.gaussian_noise(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallGaussianDropout(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.gaussian_dropout = tf.keras.layers.GaussianDropout(0.1)

    def call(self, inputs, training=None):
        return self.gaussian_dropout(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallAlphaDropout(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.alpha_dropout = tf.keras.layers.AlphaDropout(0.1)

    def call(self, inputs, training=None):
        return self.alpha_dropout(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallSpatialDropout1D(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spatial_dropout1d = tf.keras.layers.SpatialDropout1D(0.5)

    def call(self, inputs, training=None):
        return self.spatial_dropout1d(inputs, training=training)  # [keras-layer-created-in-call]


def fit_and_predict(layer, shape=(4,)):
    model = tf.keras.Sequential([tf.keras.Input(shape=shape), tf.keras.layers.Dense(3), layer])
    model.compile(optimizer="sgd", loss="mse")
    x = np.random.rand(8, *shape).astype("float32")
    y = np.random.rand(8, *shape[:-1], 3)
    model.fit(x, y, epochs=1, batch_size=4, verbose=0)
    assert model.predict(x, verbose=0).shape == (8, *shape[:-1], 3)
    assert len(model.weights) == 2, [w.name for w in model.weights]


def case_dropout():
    fit_and_predict(PerCallDropout())


def case_gaussian_noise():
    fit_and_predict(PerCallGaussianNoise())


def case_gaussian_dropout():
    fit_and_predict(PerCallGaussianDropout())


def case_alpha_dropout():
    fit_and_predict(PerCallAlphaDropout())


def case_spatial_dropout_1d():
    fit_and_predict(PerCallSpatialDropout1D(), shape=(2, 4))


if __name__ == "__main__":
    from runtime_support import run_cases

    run_cases(
        case_dropout,
        case_gaussian_noise,
        case_gaussian_dropout,
        case_alpha_dropout,
        case_spatial_dropout_1d,
    )
