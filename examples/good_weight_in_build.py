"""Seed 000, fixed: the weight is created once, in build(), with add_weight (tracked by
Keras 2 and Keras 3: trained by fit(), saved by save_weights())."""

import tensorflow as tf


class MyModel(tf.keras.Model):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(10, int(input_shape[0])), initializer="random_normal")

    def call(self, x):
        return self.w @ x


if __name__ == "__main__":
    model = MyModel()
    model(tf.random.normal([10, 10]))
    print("trainable weights:", len(model.trainable_weights))
