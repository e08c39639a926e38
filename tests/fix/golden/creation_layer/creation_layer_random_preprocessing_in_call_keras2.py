# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Probe: random image-preprocessing layers built inside call(), linted as Keras 2.

The Keras 2 view of creation_layer_random_preprocessing_in_call.py (same code, linted with
tfvarlint-keras-version=2): tf-keras's Random* preprocessing layers hold a stateful
tf.random.Generator, so they are stateful under Keras 2 too and E7304 applies.
"""
import numpy as np
import tensorflow as tf


class PerCallRandomFlip(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_flip = tf.keras.layers.RandomFlip("horizontal")

    def call(self, inputs, training=None):
        return self.random_flip(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomRotation(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_rotation = tf.keras.layers.RandomRotation(0.1)

    def call(self, inputs, training=None):
        return self.random_rotation(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomZoom(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_zoom = tf.keras.layers.RandomZoom(0.1)

    def call(self, inputs, training=None):
        return self.random_zoom(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomTranslation(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_translation = tf.keras.layers.RandomTranslation(0.1, 0.1)

    def call(self, inputs, training=None):
        return self.random_translation(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomContrast(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_contrast = tf.keras.layers.RandomContrast(0.1)

    def call(self, inputs, training=None):
        return self.random_contrast(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomCrop(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_crop = tf.keras.layers.RandomCrop(4, 4)

    def call(self, inputs, training=None):
        return self.random_crop(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomBrightness(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_brightness = tf.keras.layers.RandomBrightness(0.1)

    def call(self, inputs, training=None):
        return self.random_brightness(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomHeight(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_height = tf.keras.layers.RandomHeight(0.1)

    def call(self, inputs, training=None):
        return self.random_height(inputs, training=training)  # [keras-layer-created-in-call]


class PerCallRandomWidth(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.random_width = tf.keras.layers.RandomWidth(0.1)

    def call(self, inputs, training=None):
        return self.random_width(inputs, training=training)  # [keras-layer-created-in-call]


def fit_and_predict(layer):
    model = tf.keras.Sequential(
        [
            tf.keras.Input(shape=(8, 8, 3)),
            layer,  # first: no gradient has to flow through it
            tf.keras.layers.Dense(3),
            tf.keras.layers.GlobalAveragePooling2D(),
        ]
    )
    model.compile(optimizer="sgd", loss="mse")
    x = np.random.rand(4, 8, 8, 3).astype("float32")
    model.fit(x, np.random.rand(4, 3), epochs=1, batch_size=2, verbose=0)
    assert model.predict(x, verbose=0).shape == (4, 3)


def case_random_flip():
    fit_and_predict(PerCallRandomFlip())


def case_random_rotation():
    fit_and_predict(PerCallRandomRotation())


def case_random_zoom():
    fit_and_predict(PerCallRandomZoom())


def case_random_translation():
    fit_and_predict(PerCallRandomTranslation())


def case_random_contrast():
    fit_and_predict(PerCallRandomContrast())


def case_random_crop():
    fit_and_predict(PerCallRandomCrop())


def case_random_brightness():
    fit_and_predict(PerCallRandomBrightness())


def case_random_height():
    fit_and_predict(PerCallRandomHeight())


def case_random_width():
    fit_and_predict(PerCallRandomWidth())


if __name__ == "__main__":
    from runtime_support import run_cases

    run_cases(
        case_random_flip,
        case_random_rotation,
        case_random_zoom,
        case_random_translation,
        case_random_contrast,
        case_random_crop,
        case_random_brightness,
        case_random_height,
        case_random_width,
    )
