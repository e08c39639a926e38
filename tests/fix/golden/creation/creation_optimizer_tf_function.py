# modeled on tensorflow/tensorflow#27120
# (a new Adam optimizer instantiated inside the @tf.function training step)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""An optimizer built inside a tf.function training step."""
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])


train_one_step_optimizer = tf.keras.optimizers.Adam(0.001)


@tf.function
def train_one_step(x, y):
    optimizer = train_one_step_optimizer  # [keras-stateful-object-created-in-call]
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


if __name__ == "__main__":
    x = np.random.rand(8, 3).astype("float32")
    y = np.random.rand(8, 1).astype("float32")
    train_one_step(x, y)
