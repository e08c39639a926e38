# modeled on transformers 4.46 models/*/modeling_tf_*.py (`from ...modeling_tf_utils import
# keras`: the base class is spelled through a project module that re-exports tf_keras)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
# runtime-reason: realworldpkg_compat imports tf_keras, so both runs use Keras 2
"""A layer whose base is spelled with a re-exported ``keras`` (transformers' style) is still
a Keras layer: a variable created in its call is reported."""
import numpy as np
import tensorflow as tf

from realworldpkg.realworldpkg_compat import keras


class Offset(keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offset = self.add_weight(
            shape=(3,),
            initializer="zeros",
            dtype="float32",
            name="offset",
        )

    def call(self, inputs):
        offset = self.offset  # [tf-variable-created-in-call]
        return inputs + offset


if __name__ == "__main__":
    model = keras.Sequential([keras.Input(shape=(3,)), Offset()])
    model.compile(optimizer="sgd", loss="mse")
    x = np.ones((4, 3), "float32")
    model.fit(x, x, epochs=1, verbose=0)
