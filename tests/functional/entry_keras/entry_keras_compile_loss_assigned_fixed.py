# modeled on keras-team/keras#12605
# (fixed: the weight is a plain float captured by the inner loss, nothing is created)
# runtime: keras3=ok keras2=ok
"""The fixed factory loss, bound to a name and given to compile()."""
import numpy as np
import tensorflow as tf


def weighted_binary_crossentropy(weights):
    def w_binary_crossentropy(y_true, y_pred):
        return tf.reduce_mean(
            tf.nn.weighted_cross_entropy_with_logits(y_true, y_pred, weights), axis=-1
        )

    return w_binary_crossentropy


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(1)])
    weighted_loss = weighted_binary_crossentropy(weights=2.0)
    model.compile(optimizer="adam", loss=weighted_loss)
    history = model.fit(
        np.random.rand(8, 4), np.random.randint(0, 2, (8, 1)).astype("float32"), epochs=1, verbose=0
    )
    assert np.isfinite(history.history["loss"][-1])
