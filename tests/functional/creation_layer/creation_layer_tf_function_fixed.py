# modeled on tensorflow/tensorflow#34617
# (fixed: the layers are built once, outside the tf.function, and only called inside it)
# runtime: keras3=ok keras2=ok
"""The fixed model function: layers are created once and reused by every trace."""
import numpy as np
import tensorflow as tf

conv = tf.keras.layers.Conv2D(4, 3, activation="relu")
flatten = tf.keras.layers.Flatten()
head = tf.keras.layers.Dense(2)


@tf.function
def model_fn(images):
    return head(flatten(conv(images)))


if __name__ == "__main__":
    batch = np.random.rand(2, 8, 8, 1).astype("float32")
    first = model_fn(batch)
    second = model_fn(batch)
    assert first.shape == (2, 2)
    np.testing.assert_allclose(first.numpy(), second.numpy())
