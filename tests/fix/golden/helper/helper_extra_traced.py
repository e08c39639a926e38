# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tfvarlint-extra-traced-methods=forward (helper_extra_traced.rc): a framework's traced method.

helperpkg_framework.Module.call runs forward(); without the option nothing is reported here.
"""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_framework import Module


class Scaled(Module):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.forward_variable = tf.Variable(np.ones((4,), "float32"))

    def forward(self, inputs):
        return inputs * self.forward_variable  # [tf-variable-created-in-tf-function]


class Plain:
    def forward(self, inputs):  # not a Keras class: not traced
        return inputs * tf.Variable(1.0)


if __name__ == "__main__":
    model = tf.keras.Sequential([Scaled()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
