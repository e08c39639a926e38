# modeled on transfer-learning code that builds a keras.applications backbone inside call
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A ``keras.applications`` model built in ``call`` creates all its weights on every call
(built here with ``weights=None``: no download)."""
import numpy as np
import tensorflow as tf


class Classifier(tf.keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.backbone = tf.keras.applications.MobileNetV2(  # [keras-layer-created-in-call]
            weights=None, include_top=False, input_shape=(32, 32, 3)
        )

    def call(self, images):
        backbone = self.backbone
        return tf.reduce_mean(backbone(images), axis=[1, 2, 3])


if __name__ == "__main__":
    model = Classifier()
    model.compile(optimizer="sgd", loss="mse")
    images = np.ones((2, 32, 32, 3), "float32")
    model.fit(images, np.ones((2,), "float32"), epochs=1, verbose=0)
