# modeled on Keras 3 "Random number generation" (keras.random.SeedGenerator in a layer)
# runtime: keras3=raises keras2=skip
# runtime-raises: tf.function only supports singleton tf.Variables
# runtime-reason: keras.random.SeedGenerator is Keras 3 only
"""Keras 3's ``keras.random.SeedGenerator`` holds a seed variable: made in ``call`` it is new
state on every call."""
import keras
import numpy as np


class Noise(keras.layers.Layer):
    def call(self, inputs):
        seed = keras.random.SeedGenerator(1)  # [tf-variable-created-in-call]
        return inputs + keras.random.normal(keras.ops.shape(inputs), seed=seed)


if __name__ == "__main__":
    model = keras.Sequential([keras.Input((3,)), Noise()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)
