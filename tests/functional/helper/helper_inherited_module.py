# runtime: keras3=raises keras2=raises
# runtime-raises-keras3: You cannot add new elements of state
# runtime-raises-keras2: tf.function only supports singleton tf.Variables
"""A helper inherited from a base layer defined in another module, called in call().

ProjectLayer (helperpkg_layers.py) is a Keras Layer; its _make_kernel() calls add_weight.
"""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_layers import ProjectLayer


class KernelLayer(ProjectLayer):
    def call(self, inputs):
        return inputs * self._make_kernel(4)  # [tf-variable-created-in-call]


if __name__ == "__main__":
    model = tf.keras.Sequential([KernelLayer()])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)
