# runtime: keras3=silent keras2=silent
# runtime-reason: a Loss is not a Layer: the variable a helper gives it is never trained
"""W7307 through a helper: a Loss stores the trainable variable a helper returns."""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_util import make_weight


class WeightedLoss(tf.keras.losses.Loss):
    def __init__(self):
        super().__init__()
        self.weight = make_weight(())  # [trainable-variable-in-loss]

    def call(self, y_true, y_pred):
        return self.weight * tf.reduce_mean(tf.square(y_true - y_pred))


if __name__ == "__main__":
    loss = WeightedLoss()
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(tf.keras.optimizers.SGD(0.1), loss)
    model.fit(np.ones((8, 2), "float32"), np.ones((8, 1), "float32"), epochs=2, verbose=0)
    if float(loss.weight) == 0.0:
        print("SILENT: WeightedLoss.weight is still 0.0 after fit(): never trained")
