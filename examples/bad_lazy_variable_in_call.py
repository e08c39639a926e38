"""Seed 000, Example 1: a variable created lazily in Model.call.

tf-keras runs it; Keras 3 does not track the raw tf.Variable (not trained, not saved).
"""

import tensorflow as tf


class MyModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.w = None

    def call(self, x):
        if self.w is None:
            self.w = tf.Variable(tf.random.normal([10, 10]), name="weights")
        return self.w @ x


if __name__ == "__main__":
    model = MyModel()
    model(tf.random.normal([10, 10]))
    print("trainable weights:", len(model.trainable_weights))
