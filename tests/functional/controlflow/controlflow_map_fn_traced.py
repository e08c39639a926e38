# modeled on keras-team/keras#9069
# (a metric/loss function that calls K.map_fn on a function creating a variable
# (K.eye); compile() traces the loss, so the mapped function is traced too)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tf.map_fn inside a traced loss: the mapped function is traced with it."""
import numpy as np
import tensorflow as tf


def rotation_error(pair):
    identity = tf.Variable(tf.eye(3))
    return tf.reduce_sum(tf.square(identity + pair[0] - pair[1]))


def rotation_loss(y_true, y_pred):
    pairs = (tf.reshape(y_true, (-1, 3, 3)), tf.reshape(y_pred, (-1, 3, 3)))
    errors = tf.map_fn(rotation_error, pairs, fn_output_signature=tf.float32)  # [tf-variable-created-in-tf-function]
    return tf.reduce_mean(errors)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(9)])
    model.compile(optimizer="sgd", loss=rotation_loss)
    model.fit(np.random.rand(4, 4), np.random.rand(4, 9), epochs=1, verbose=0)
