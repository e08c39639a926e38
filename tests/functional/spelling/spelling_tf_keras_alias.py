"""``import tf_keras as keras`` (Keras 2): keras.layers.Layer, keras.Model, keras.losses.Loss,
keras.backend.variable. Judged as Keras 2, so no untracked-tf-variable."""
# runtime: keras3=skip keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
# runtime-reason: tf_keras only
import numpy as np
import tensorflow as tf
import tf_keras as keras


class Scale(keras.layers.Layer):
    def call(self, inputs):
        scale = keras.backend.variable(2.0)  # [tf-variable-created-in-call]
        return inputs * scale


class Shift(keras.Model):
    def call(self, inputs):
        return inputs + tf.Variable(1.0)  # [tf-variable-created-in-call]


class WeightedMse(keras.losses.Loss):
    def call(self, y_true, y_pred):
        weight = tf.Variable(1.0)  # [tf-variable-created-in-call]
        return weight * tf.reduce_mean(tf.square(y_true - y_pred))


class Tracked(keras.layers.Layer):
    """Keras 2 tracks a raw tf.Variable made in build(): no message."""

    def build(self, input_shape):
        self.bias = tf.Variable(tf.zeros(input_shape[-1:]))

    def call(self, inputs):
        return inputs + self.bias


def _fit(model, loss="mse"):
    model.compile(optimizer="sgd", loss=loss)
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_layer():
    _fit(keras.Sequential([Tracked(), Scale()]))


def case_model():
    _fit(Shift())


def case_loss():
    _fit(keras.Sequential([keras.layers.Dense(3)]), loss=WeightedMse())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_layer, case_model, case_loss)
