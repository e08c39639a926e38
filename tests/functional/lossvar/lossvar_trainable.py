# modeled on keras-team/keras#12503
# (a trainable variable defined in a custom loss that never changes during training;
# here held by a Loss subclass, as in seed 004's CorrectLoss)
# runtime: keras3=silent keras2=silent
# runtime-reason: a Loss is not a Layer; its variable is not in model.trainable_variables
"""A Loss subclass holds a trainable variable that fit() never trains."""
import numpy as np
import tensorflow as tf


class WeightedMSE(tf.keras.losses.Loss):
    def __init__(self, name="weighted_mse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.alpha = tf.Variable(1.0, trainable=True, name="alpha")  # [trainable-variable-in-loss]

    def call(self, y_true, y_pred):
        return tf.reduce_mean(tf.square(y_true - y_pred), axis=-1) * self.alpha


if __name__ == "__main__":
    loss = WeightedMSE()
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss=loss)
    model.fit(np.random.rand(16, 3), np.random.rand(16, 1), epochs=2, verbose=0)
    in_model = any(v is loss.alpha for v in model.trainable_variables)
    if not in_model and float(loss.alpha.numpy()) == 1.0:
        print("SILENT: alpha not in model.trainable_variables and still 1.0 after fit")
    else:
        assert in_model
