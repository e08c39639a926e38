# modeled on tutorial code that star-imports Keras namespaces
# (from tensorflow.keras.layers import *)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Star imports from a Keras namespace: ``Layer`` and ``Dense`` are Keras's, from a table of
what each namespace exports (the same answer with or without TensorFlow installed)."""
import tensorflow as tf
from tensorflow.keras.layers import *  # noqa: F403


class Project(Layer):  # noqa: F405
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dense = Dense(2)

    def call(self, inputs):
        return self.dense(inputs)  # noqa: F405  # [keras-layer-created-in-call]


def _traced(layer):
    @tf.function
    def step(x):
        return layer(x)

    step(tf.ones((2, 3)))
    step(tf.ones((2, 3)))


if __name__ == "__main__":
    _traced(Project())
