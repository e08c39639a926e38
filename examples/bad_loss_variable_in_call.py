"""Seed 004's IncorrectLoss: a tf.Variable created in Loss.call.

Under fit() the first batch fails with
"ValueError: tf.function only supports singleton tf.Variables created on the first call".
"""

import tensorflow as tf


class IncorrectLoss(tf.keras.losses.Loss):
    def call(self, y_true, y_pred):
        weight = tf.Variable(initial_value=1.0, trainable=True, name="sample_weight")
        return tf.reduce_mean(tf.square(y_true - y_pred) * weight)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss=IncorrectLoss())
    model.fit(tf.random.normal((32, 1)), tf.random.normal((32, 1)), epochs=1, verbose=0)
