# modeled on keras-team/keras#12605
# (weighted_loss = weighted_binary_crossentropy(weights=1); model.compile(loss=weighted_loss):
# the factory's inner loss reaches compile() through a name; here it makes a variable)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A loss bound to a name first, then given to compile(), is traced all the same."""
import numpy as np
import tensorflow as tf


def weighted_binary_crossentropy(weights):
    def w_binary_crossentropy(y_true, y_pred):
        pos_weight = tf.Variable(weights, dtype=tf.float32, trainable=False)  # [tf-variable-created-in-tf-function]
        return tf.reduce_mean(
            tf.nn.weighted_cross_entropy_with_logits(y_true, y_pred, pos_weight), axis=-1
        )

    return w_binary_crossentropy


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(1)])
    weighted_loss = weighted_binary_crossentropy(weights=2.0)
    model.compile(optimizer="adam", loss=weighted_loss)
    model.fit(np.random.rand(8, 4), np.random.randint(0, 2, (8, 1)).astype("float32"), epochs=1, verbose=0)
