"""``import keras`` (Keras 3): keras.Layer and keras.layers.Layer, with keras.Variable as a
variable creator. Inside a Sequential, Keras 3 builds the layer symbolically first, so the
mistake surfaces as its stateless-scope error (wrapped in "Could not automatically infer
the output shape")."""
# runtime: keras3=raises keras2=skip
# runtime-raises: You are attempting to create a variable while in a stateless scope
# runtime-reason: `import keras` is Keras 3 whatever TF_USE_LEGACY_KERAS says
import keras
import numpy as np


class Scale(keras.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scale = self.add_weight(shape=(), initializer=keras.initializers.Constant(2.0))

    def call(self, inputs):
        scale = self.scale  # [tf-variable-created-in-call]
        return inputs * scale


class Offset(keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_variable = self.add_weight(shape=(), initializer="ones")

    def call(self, inputs):
        return inputs + self.call_variable  # [tf-variable-created-in-call]


def _fit(model):
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(keras.Sequential([Scale()]))


def case_layers_layer():
    _fit(keras.Sequential([Offset()]))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_layers_layer)
