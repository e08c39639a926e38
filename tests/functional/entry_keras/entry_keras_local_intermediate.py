"""Keras class detection through project-local intermediate classes in the same module
(chains, mixins first, a local alias): E7301."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class BaseLayer(tf.keras.layers.Layer):
    """Project base class."""


class MidLayer(BaseLayer):
    pass


class Scale(MidLayer):
    def call(self, inputs):
        return inputs * tf.Variable(2.0)  # [tf-variable-created-in-call]


class LoggingMixin:
    def log(self, text):
        return text


class Shift(LoggingMixin, BaseLayer):
    def call(self, inputs):
        return inputs + tf.Variable(1.0)  # [tf-variable-created-in-call]


class BaseModel(tf.keras.Model):
    pass


class Net(BaseModel):
    def call(self, inputs):
        return inputs * tf.Variable(3.0)  # [tf-variable-created-in-call]


class BaseLoss(tf.keras.losses.Loss):
    pass


class Mse(BaseLoss):
    def call(self, y_true, y_pred):
        return tf.Variable(1.0) * tf.reduce_mean(tf.square(y_true - y_pred), axis=-1)  # [tf-variable-created-in-call]


def _fit(model, loss="mse"):
    model.compile(optimizer="sgd", loss=loss)
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_chain():
    _fit(tf.keras.Sequential([Scale()]))


def case_mixin():
    _fit(tf.keras.Sequential([Shift()]))


def case_model():
    _fit(Net())


def case_loss():
    _fit(tf.keras.Sequential([tf.keras.layers.Dense(3)]), loss=Mse())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_chain, case_mixin, case_model, case_loss)
