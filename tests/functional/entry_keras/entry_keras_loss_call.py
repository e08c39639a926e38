"""``call`` and ``__call__`` of a Keras Loss: unconditional creation is E7301."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import numpy as np
import tensorflow as tf


class WeightedMse(tf.keras.losses.Loss):
    def call(self, y_true, y_pred):
        weight = tf.Variable(1.0)  # [tf-variable-created-in-call]
        return weight * tf.reduce_mean(tf.square(y_true - y_pred), axis=-1)


class ScaledMse(tf.keras.losses.Loss):
    def __call__(self, y_true, y_pred, sample_weight=None):
        scale = tf.Variable(2.0)  # [tf-variable-created-in-call]
        return scale * tf.reduce_mean(tf.square(y_true - y_pred))


def _fit(loss):
    model = tf.keras.Sequential([tf.keras.layers.Dense(3)])
    model.compile(optimizer="sgd", loss=loss)
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)


def case_call():
    _fit(WeightedMse())


def case_dunder_call():
    _fit(ScaledMse())


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_call, case_dunder_call)
