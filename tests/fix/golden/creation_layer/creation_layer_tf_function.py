# modeled on tensorflow/tensorflow#34617
# (Conv2D and Dense layers constructed inside a @tf.function model function)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Layers with weights built inside a plain tf.function: new weights on every trace."""
import numpy as np
import tensorflow as tf


conv2d = tf.keras.layers.Conv2D(4, 3, activation="relu")
dense = tf.keras.layers.Dense(2)


@tf.function
def model_fn(images):
    x = conv2d(images)  # [keras-layer-created-in-call]
    x = tf.keras.layers.Flatten()(x)
    return dense(x)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    batch = np.random.rand(2, 8, 8, 1).astype("float32")
    print(model_fn(batch).shape)
