# modeled on keras-team/keras#6218
# (a weighted categorical cross-entropy built by a factory w_categorical_crossentropy(weights)
# that returns the inner loss given to compile(); here the inner loss turns the weights
# into a variable on every trace)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""compile(loss=factory(weights)): the returned inner loss is traced by fit()."""
import numpy as np
import tensorflow as tf


def w_categorical_crossentropy(weights):
    def loss(y_true, y_pred):
        class_weights = tf.Variable(weights, dtype=tf.float32, trainable=False)  # [tf-variable-created-in-tf-function]
        cross_entropy = -y_true * tf.math.log(y_pred + 1e-7)
        return tf.reduce_sum(cross_entropy * class_weights, axis=-1)

    return loss


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3, activation="softmax")]
    )
    model.compile(optimizer="adam", loss=w_categorical_crossentropy([1.0, 2.0, 0.5]))
    y = np.eye(3, dtype="float32")[np.random.randint(0, 3, 12)]
    model.fit(np.random.rand(12, 4), y, epochs=1, verbose=0)
