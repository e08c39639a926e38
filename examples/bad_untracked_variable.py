"""Seed 000, Example 2: a raw tf.Variable created in __init__.

Right under tf-keras; under Keras 3 the variable is not tracked: it is missing from
trainable_weights, fit() never updates it and save_weights() does not save it.
"""

import tensorflow as tf


class MyModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.random.normal([10, 10]), name="weights")

    def call(self, x):
        return self.w @ x


if __name__ == "__main__":
    model = MyModel()
    model(tf.random.normal([10, 10]))
    print("trainable weights:", len(model.trainable_weights))
