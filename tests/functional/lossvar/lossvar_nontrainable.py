# modeled on keras-team/keras#12503
# (a loss holding a non-trainable variable that the training code sets on purpose, e.g.
# a margin annealed by a callback: trainable=False says it is not meant to be trained)
# runtime: keras3=ok keras2=ok
"""A Loss holding a trainable=False variable (a schedule) is not reported."""
import numpy as np
import tensorflow as tf


class MarginLoss(tf.keras.losses.Loss):
    def __init__(self, name="margin_loss", **kwargs):
        super().__init__(name=name, **kwargs)
        self.margin = tf.Variable(1.0, trainable=False, name="margin")

    def call(self, y_true, y_pred):
        return tf.reduce_mean(tf.nn.relu(self.margin - y_true * y_pred), axis=-1)


if __name__ == "__main__":
    loss = MarginLoss()
    y_true = tf.constant([[1.0], [-1.0]])
    y_pred = tf.constant([[0.25], [-0.25]])
    assert abs(float(loss(y_true, y_pred)) - 0.75) < 1e-6
    loss.margin.assign(0.5)
    assert abs(float(loss(y_true, y_pred)) - 0.25) < 1e-6
