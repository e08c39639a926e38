# modeled on tensorflow/tensorflow#38224
# (an ensemble of small Sequential models made inside call(); the maintainer's answer:
# create all layers during build, not call)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A layer builds a Sequential model of weighted layers on every call."""
import numpy as np
import tensorflow as tf


class Ensemble(tf.keras.layers.Layer):
    def __init__(self, members, **kwargs):
        super().__init__(**kwargs)
        self.members = members
        self.member_list = [tf.keras.Sequential(  # [keras-layer-created-in-call]
            [tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)]
        ) for _ in range(self.members)]

    def call(self, inputs):
        outputs = []
        for index in range(self.members):
            member = self.member_list[index]
            outputs.append(member(inputs))
        return tf.add_n(outputs) / float(self.members)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), Ensemble(2)])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 4), np.random.rand(8, 1), epochs=1, verbose=0)
