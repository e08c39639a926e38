# modeled on Keras 3 "Customizing what happens in fit()" (overriding compute_loss)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""``Model.compute_loss`` runs inside the traced ``train_step`` of ``fit()``: a variable
created there fails on the first trace."""
import numpy as np
import tensorflow as tf


class WeightedModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)
        self.weight = self.add_weight(shape=(), initializer=tf.keras.initializers.Constant(2.0))

    def call(self, x):
        return self.dense(x)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, **kwargs):
        weight = self.weight  # [tf-variable-created-in-tf-function]
        return weight * tf.reduce_mean(tf.square(y - y_pred))


if __name__ == "__main__":
    model = WeightedModel()
    model.compile(optimizer="sgd")
    data = np.ones((4, 3), "float32")
    model.fit(data, np.ones((4, 1), "float32"), epochs=1, verbose=0)
