"""``from keras import layers, ops`` (Keras 3): layers.Layer; self.add_weight and
self.add_variable in call."""
# runtime: keras3=raises keras2=skip
# runtime-raises: You cannot add new elements of state
# runtime-reason: `from keras import ...` is Keras 3 whatever TF_USE_LEGACY_KERAS says
import numpy as np
from keras import Sequential, layers, ops


class Scale(layers.Layer):
    def call(self, inputs):
        scale = self.add_weight(shape=(), initializer="ones")  # [tf-variable-created-in-call]
        return ops.multiply(inputs, scale)


class Offset(layers.Layer):
    def call(self, inputs):
        offset = self.add_variable((), initializer="zeros")  # [tf-variable-created-in-call]
        return ops.add(inputs, offset)


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_add_weight():
    _fit(Sequential([Scale()]))


def case_add_variable():
    _fit(Sequential([Offset()]))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_add_weight, case_add_variable)
