# modeled on Keras 3 "Customizing what happens in fit()" (overriding compute_loss)
# runtime: keras3=ok keras2=ok
"""The weight of ``compute_loss`` is a constant set once in ``__init__``: nothing created
per trace, fit() trains the model."""
import numpy as np
import tensorflow as tf


class WeightedModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)
        self.loss_weight = 2.0

    def call(self, x):
        return self.dense(x)

    def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None, **kwargs):
        return self.loss_weight * tf.reduce_mean(tf.square(y - y_pred))


if __name__ == "__main__":
    model = WeightedModel()
    model.compile(optimizer="sgd")
    data = np.ones((4, 3), "float32")
    model(data)  # build the weights
    before = [w.numpy().copy() for w in model.trainable_weights]
    model.fit(data, np.ones((4, 1), "float32"), epochs=2, verbose=0)
    after = [w.numpy() for w in model.trainable_weights]
    assert any(not np.allclose(b, a) for b, a in zip(before, after)), "did not train"
