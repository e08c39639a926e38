# modeled on tensorflow/tensorflow#27120
# (fixed: the optimizer is created once in __init__, the wrapped method only uses it)
# runtime: keras3=ok keras2=ok
"""The fixed trainer: tf.function(self._step) uses an optimizer made in __init__."""
import numpy as np
import tensorflow as tf


class Trainer:
    def __init__(self, model):
        self.model = model
        self.optimizer = tf.keras.optimizers.SGD(0.1)
        self.train_step = tf.function(self._step)

    def _step(self, x, y):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self.model(x) - y))
        grads = tape.gradient(loss, self.model.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.model.trainable_variables))
        return loss


if __name__ == "__main__":
    net = tf.keras.Sequential([tf.keras.Input(shape=(3,)), tf.keras.layers.Dense(1)])
    trainer = Trainer(net)
    x, y = np.random.rand(8, 3).astype("float32"), np.random.rand(8, 1).astype("float32")
    trainer.train_step(x, y)
    trainer.train_step(x, y)
    assert int(trainer.optimizer.iterations.numpy()) == 2
