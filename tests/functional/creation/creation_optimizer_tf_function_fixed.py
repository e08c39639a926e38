# modeled on tensorflow/tensorflow#27120
# (fixed: the optimizer is created once, outside the tf.function)
# runtime: keras3=ok keras2=ok
"""The fixed step: the optimizer is created once and its state persists."""
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(0.001)


@tf.function
def train_one_step(x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


if __name__ == "__main__":
    x = np.random.rand(8, 3).astype("float32")
    y = np.random.rand(8, 1).astype("float32")
    train_one_step(x, y)
    train_one_step(x, y)
    assert int(optimizer.iterations.numpy()) == 2
