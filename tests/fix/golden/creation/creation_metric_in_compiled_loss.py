# modeled on OlafenwaMoses/ImageAI#668
# (an F1 metric object built inside a custom loss function given to compile())
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A loss function builds a stateful metric object on every trace."""
import numpy as np
import tensorflow as tf


precision_loss_metric = tf.keras.metrics.Precision(thresholds=0.5)


def precision_loss(y_true, y_pred):
    metric = precision_loss_metric  # [keras-stateful-object-created-in-call]
    metric.update_state(y_true, y_pred)
    bce = tf.reduce_mean(tf.keras.losses.binary_crossentropy(y_true, y_pred))
    return bce + 1.0 - metric.result()


def build_model():
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(6,)), tf.keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer="adam", loss=precision_loss)
    return model


if __name__ == "__main__":
    x = np.random.rand(16, 6).astype("float32")
    y = np.random.randint(0, 2, (16, 1)).astype("float32")
    build_model().fit(x, y, epochs=1, verbose=0)
