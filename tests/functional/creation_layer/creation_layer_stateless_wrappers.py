# modeled on tensorflow/addons tfa/layers/crf.py (an RNN built per call around a weightless
# cell) and keras-cv/keras-hub layers that build Dropout(0.0) by default
# runtime: keras3=ok keras2=ok
"""Layers that hold no state of their own, built per call: an RNN around a cell with no
weights, a TimeDistributed around a layer made once in ``__init__``, and ``Dropout(0.0)``
(Keras 3 makes a seed generator only for a positive rate). Nothing is created per call."""
import numpy as np
import tensorflow as tf


class SumCell(tf.keras.layers.Layer):
    """A weightless cell: the running sum of its inputs."""

    def __init__(self, units):
        super().__init__()
        self.state_size = units
        self.output_size = units

    def call(self, inputs, states):
        total = states[0] + inputs
        return total, [total]


class Decoder(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(3)

    def call(self, inputs):
        summed = tf.keras.layers.RNN(SumCell(3), return_sequences=True)(inputs)
        projected = tf.keras.layers.TimeDistributed(self.dense)(summed)
        return tf.keras.layers.Dropout(0.0)(projected)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input((4, 3)), Decoder()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((2, 4, 3), "float32")
    before = len(model.weights)
    model.fit(data, data, epochs=2, verbose=0)
    model.predict(data, verbose=0)
    assert len(model.weights) == before == 2, [w.name for w in model.weights]
