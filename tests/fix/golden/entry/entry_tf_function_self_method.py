# modeled on tensorflow/tensorflow#27120
# (a trainer whose tf.function-compiled step method makes a new optimizer each step;
# here the method is wrapped with tf.function(self.method) in __init__)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A method wrapped by tf.function(self._step) builds an optimizer on every trace."""
import numpy as np
import tensorflow as tf


class Trainer:
    def __init__(self, model):
        self.model = model
        self.train_step = tf.function(self._step)
        self.step_optimizer = tf.keras.optimizers.SGD(0.1)

    def _step(self, x, y):
        optimizer = self.step_optimizer  # [keras-stateful-object-created-in-call]
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self.model(x) - y))
        grads = tape.gradient(loss, self.model.trainable_variables)
        optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss


if __name__ == "__main__":
    net = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    trainer = Trainer(net)
    trainer.train_step(np.random.rand(8, 3).astype("float32"), np.random.rand(8, 1).astype("float32"))
