# modeled on dhirajmaji7/Attention-Res-UNet-with-Guided-Decoder-for-Semantic-Segmentation-of-Brain-tumors#1
# (a class-weight variable made inside a loss helper that compile() traces)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A loss function given to compile() builds a variable through a helper on every trace."""
import numpy as np
import tensorflow as tf


def weighted_log_loss(y_true, y_pred):
    weights = tf.Variable([0.3, 0.7], trainable=False)
    per_class = -y_true * tf.math.log(y_pred + 1e-7) * weights
    return tf.reduce_mean(tf.reduce_sum(per_class, axis=-1))


def combined_loss(y_true, y_pred):
    log_term = weighted_log_loss(y_true, y_pred)  # [tf-variable-created-in-tf-function]
    return log_term + tf.reduce_mean(tf.square(y_true - y_pred))


def build_model():
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(2, activation="softmax")]
    )
    model.compile(optimizer="adam", loss=combined_loss)
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 4).astype("float32")
    y = np.eye(2, dtype="float32")[np.random.randint(0, 2, 16)]
    build_model().fit(x, y, epochs=1, verbose=0)
