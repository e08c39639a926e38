# modeled on keras-team/keras-io#48
# (fixed: the tracker is created once in __init__ and reset by evaluate())
# runtime: keras3=ok keras2=ok
"""The fixed test_step: it updates a metric created once in __init__."""
import numpy as np
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(1)
        self.error = tf.keras.metrics.MeanAbsoluteError(name="mae")

    @property
    def metrics(self):
        return [self.error]

    def call(self, inputs):
        return self.dense(inputs)

    def test_step(self, data):
        x, y = data
        self.error.update_state(y, self(x, training=False))
        return {"mae": self.error.result()}


if __name__ == "__main__":
    model = Regressor()
    model.compile(optimizer="sgd", loss="mse")
    result = model.evaluate(np.random.rand(8, 3), np.random.rand(8, 1), verbose=0, return_dict=True)
    assert np.isfinite(result["mae"])
