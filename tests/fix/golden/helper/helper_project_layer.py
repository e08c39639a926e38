# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Project layers defined in another module: built in call(), or used as Keras bases."""

import numpy as np
import tensorflow as tf

from helperpkg import helperpkg_layers as project_layers
from helperpkg.helperpkg_layers import MyDense, ProjectLayer
from runtime_support import run_cases


class KernelBlock(ProjectLayer):
    """Owns a weight, made through an inherited helper in build()."""

    def build(self, input_shape):
        self.kernel = self._make_kernel(input_shape[-1])

    def call(self, inputs):
        return inputs * self.kernel


class BuildsMyDense(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.my_dense = MyDense(4)

    def call(self, inputs):
        return self.my_dense(inputs)  # [keras-layer-created-in-call]


class BuildsThroughModule(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.my_dense = project_layers.MyDense(4)

    def call(self, inputs):
        return self.my_dense(inputs)  # [keras-layer-created-in-call]


class BuildsKernelBlock(tf.keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kernel_block = KernelBlock()

    def call(self, inputs):
        return self.kernel_block(inputs)  # [keras-layer-created-in-call]


class ProjectBased(ProjectLayer):
    """A Keras layer through a base defined in another module."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_variable = self.add_weight(shape=(4,), initializer="ones", dtype="float32")

    def call(self, inputs):
        return inputs * self.call_variable  # [tf-variable-created-in-call]


def fit(layer):
    model = tf.keras.Sequential([layer])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 4), "float32"), np.ones((4, 4), "float32"), epochs=1, verbose=0)


if __name__ == "__main__":

    def case_my_dense():
        fit(BuildsMyDense())

    def case_my_dense_through_module():
        fit(BuildsThroughModule())

    def case_kernel_block():
        fit(BuildsKernelBlock())

    def case_project_base():
        fit(ProjectBased())

    run_cases(case_my_dense, case_my_dense_through_module, case_kernel_block, case_project_base)
