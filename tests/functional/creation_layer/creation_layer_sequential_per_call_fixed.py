# modeled on tensorflow/tensorflow#38224
# (fixed as the maintainer advised: the member models are created once, in __init__)
# runtime: keras3=ok keras2=ok
"""The fixed ensemble: its Sequential members are created once and trained."""
import numpy as np
import tensorflow as tf


class Ensemble(tf.keras.layers.Layer):
    def __init__(self, members, **kwargs):
        super().__init__(**kwargs)
        self.members = [
            tf.keras.Sequential(
                [tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)]
            )
            for _ in range(members)
        ]

    def call(self, inputs):
        outputs = [member(inputs) for member in self.members]
        return tf.add_n(outputs) / float(len(self.members))


if __name__ == "__main__":
    ensemble = Ensemble(2)
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), ensemble])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 4), np.random.rand(8, 1), epochs=1, verbose=0)
    assert len(ensemble.trainable_weights) == 8
