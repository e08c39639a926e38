# modeled on keras-team/keras-io#48
# (the same per-step Mean tracker, here in a custom test_step traced by evaluate())
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Model.test_step builds a metric object on every step."""
import numpy as np
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(1)
        self.error = tf.keras.metrics.MeanAbsoluteError(name="mae")

    def call(self, inputs):
        return self.dense(inputs)

    def test_step(self, data):
        x, y = data
        error = self.error  # [keras-stateful-object-created-in-call]
        error.update_state(y, self(x, training=False))
        return {"mae": error.result()}


if __name__ == "__main__":
    model = Regressor()
    model.compile(optimizer="sgd", loss="mse")
    model.evaluate(np.random.rand(8, 3), np.random.rand(8, 1), verbose=0)
