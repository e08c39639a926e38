# modeled on keras-team/keras#6218
# (fixed: the factory turns the weights into a tensor once, when compile() is set up; the
# inner loss only reads it. Creation in the factory body runs once and is not reported.)
# runtime: keras3=ok keras2=ok
"""The fixed factory: state is made in the factory body, outside the traced loss."""
import numpy as np
import tensorflow as tf


def w_categorical_crossentropy(weights):
    class_weights = tf.Variable(weights, dtype=tf.float32, trainable=False)

    def loss(y_true, y_pred):
        cross_entropy = -y_true * tf.math.log(y_pred + 1e-7)
        return tf.reduce_sum(cross_entropy * class_weights, axis=-1)

    return loss


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3, activation="softmax")]
    )
    model.compile(optimizer="adam", loss=w_categorical_crossentropy([1.0, 2.0, 0.5]))
    y = np.eye(3, dtype="float32")[np.random.randint(0, 3, 12)]
    history = model.fit(np.random.rand(12, 4), y, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
