# modeled on tensorflow/tensorflow#27120
# (a fresh Adam optimizer per training step, here inside Model.train_step)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Model.train_step builds its optimizer on every step; fit() traces train_step."""
import numpy as np
import tensorflow as tf


class Regressor(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(1)
        self.train_step_optimizer = tf.keras.optimizers.Adam(0.01)

    def call(self, inputs):
        return self.dense(inputs)

    def train_step(self, data):
        x, y = data
        optimizer = self.train_step_optimizer  # [keras-stateful-object-created-in-call]
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


if __name__ == "__main__":
    model = Regressor()
    model.compile()
    model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=1, verbose=0)
