"""``import keras`` (Keras 3): keras.Model, keras.models.Model, keras.losses.Loss, and
keras.Variable as a variable creator (the Layer spellings: spelling_keras3_import_keras_layer)."""
# runtime: keras3=raises keras2=skip
# runtime-raises: tf.function only supports singleton tf.Variables
# runtime-reason: `import keras` is Keras 3 whatever TF_USE_LEGACY_KERAS says
import keras
import numpy as np


class Shift(keras.Model):
    def call(self, inputs):
        return inputs - keras.Variable(1.0)  # [tf-variable-created-in-call]


class Stretch(keras.models.Model):
    def call(self, inputs):
        return inputs * keras.Variable(3.0)  # [tf-variable-created-in-call]


class WeightedMse(keras.losses.Loss):
    def call(self, y_true, y_pred):
        weight = keras.Variable(1.0)  # [tf-variable-created-in-call]
        return weight * keras.ops.mean(keras.ops.square(y_true - y_pred))


def _fit(model, loss="mse"):
    model.compile(optimizer="sgd", loss=loss)
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_model():
    _fit(Shift())


def case_models_model():
    _fit(Stretch())


def case_loss():
    _fit(keras.Sequential([keras.layers.Dense(3)]), loss=WeightedMse())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_model, case_models_model, case_loss)
