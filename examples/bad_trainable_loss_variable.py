"""Seed 004's CorrectLoss: a trainable variable held by a Loss. It runs, but the weight is
never in model.trainable_variables, so fit() never changes it (it stays 1.0)."""

import tensorflow as tf


class CorrectLoss(tf.keras.losses.Loss):
    def __init__(self, name="correct_loss"):
        super().__init__(name=name)
        self.weight = tf.Variable(initial_value=1.0, trainable=True, name="sample_weight")

    def call(self, y_true, y_pred):
        return tf.reduce_mean(tf.square(y_true - y_pred) * self.weight)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    loss_fn = CorrectLoss()
    model.compile(optimizer="adam", loss=loss_fn)
    model.fit(tf.random.normal((32, 1)), tf.random.normal((32, 1)), epochs=2, verbose=0)
    print("weight after fit:", float(loss_fn.weight.numpy()))
