# modeled on keras-team/keras#13529
# (a module function creating trainable weight and bias variables, given to Lambda)
# runtime: keras3=raises keras2=raises
# runtime-raises-keras2: were created within a Lambda layer
# runtime-raises-keras3: tf.function only supports singleton tf.Variables
"""A function given to keras.layers.Lambda creates variables on every call."""
import numpy as np
import tensorflow as tf


affine_w = tf.Variable(lambda: tf.ones((1, 1)), name="weights")
affine_b = tf.Variable(0.0, name="bias")


def affine(x):
    w = affine_w  # [tf-variable-created-in-tf-function]
    b = affine_b  # [tf-variable-created-in-tf-function]
    return x * w + b


def build_model():
    inputs = tf.keras.Input(shape=(1,))
    outputs = tf.keras.layers.Lambda(affine, name="affine")(inputs)
    return tf.keras.Model(inputs, outputs)


if __name__ == "__main__":
    model = build_model()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 1), np.random.rand(8, 1), epochs=1, verbose=0)
