"""``from tensorflow.keras import layers`` (and ``models``, ``losses``)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf
from tensorflow.keras import layers, losses, models


class Scale(layers.Layer):
    def call(self, inputs):
        scale = tf.Variable(2.0)  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(models.Model):
    def call(self, inputs):
        return inputs + tf.Variable(1.0)  # [tf-variable-created-in-call]


class WeightedMse(losses.Loss):
    def call(self, y_true, y_pred):
        weight = tf.Variable(1.0)  # [tf-variable-created-in-call]
        return weight * tf.reduce_mean(tf.square(y_true - y_pred))


def _fit(model, loss="mse"):
    model.compile(optimizer="sgd", loss=loss)
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(models.Sequential([Scale()]))


def case_model():
    _fit(Shift())


def case_loss():
    _fit(models.Sequential([layers.Dense(3)]), loss=WeightedMse())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model, case_loss)
