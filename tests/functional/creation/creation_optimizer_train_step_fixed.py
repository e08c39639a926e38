# modeled on tensorflow/tensorflow#27120
# (fixed: train_step uses the optimizer given once to compile())
# runtime: keras3=ok keras2=ok
"""The fixed train_step: it uses self.optimizer, created once by compile()."""
import numpy as np
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(1)

    def call(self, inputs):
        return self.dense(inputs)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


if __name__ == "__main__":
    model = Regressor()
    model.compile(optimizer=tf.keras.optimizers.Adam(0.01))
    model.fit(np.random.rand(8, 3), np.random.rand(8, 1), batch_size=4, epochs=1, verbose=0)
    assert int(model.optimizer.iterations.numpy()) == 2
