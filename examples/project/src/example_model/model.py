"""A small Keras classifier with one defect that tfvarlint reports."""

import tensorflow as tf


class Classifier(tf.keras.Model):
    """Flattens its input and scores it for ``classes`` classes."""

    def __init__(self, classes: int = 10):
        super().__init__()
        self.classes = classes
        self.flatten = tf.keras.layers.Flatten()

    def call(self, inputs):
        features = self.flatten(inputs)
        # Defect: a new Dense layer, with new weights, on every call (tfvarlint E7304).
        # The fix: create it once in __init__ (self.head = tf.keras.layers.Dense(...)).
        return tf.keras.layers.Dense(self.classes)(features)
