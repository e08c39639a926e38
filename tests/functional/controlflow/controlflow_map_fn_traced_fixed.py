# modeled on keras-team/keras#9069
# (fixed: the mapped function uses a constant identity, tf.eye, not a variable)
# runtime: keras3=ok keras2=ok
"""The fixed mapped function: it is stateless, so tracing it is harmless."""
import numpy as np
import tensorflow as tf


def rotation_error(pair):
    return tf.reduce_sum(tf.square(tf.eye(3) + pair[0] - pair[1]))


def rotation_loss(y_true, y_pred):
    pairs = (tf.reshape(y_true, (-1, 3, 3)), tf.reshape(y_pred, (-1, 3, 3)))
    errors = tf.map_fn(rotation_error, pairs, fn_output_signature=tf.float32)
    return tf.reduce_mean(errors)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(9)])
    model.compile(optimizer="sgd", loss=rotation_loss)
    history = model.fit(np.random.rand(4, 4), np.random.rand(4, 9), epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
