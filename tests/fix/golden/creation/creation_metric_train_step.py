# modeled on keras-team/keras-io#48
# (a Mean metric in a custom train_step; the answer: create the Mean once in __init__)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""Model.train_step builds a metric object on every step."""
import numpy as np
import tensorflow as tf


class Autoencoder(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = tf.keras.layers.Dense(2)
        self.decoder = tf.keras.layers.Dense(4)
        self.loss_tracker = tf.keras.metrics.Mean(name="loss")

    def call(self, inputs):
        return self.decoder(self.encoder(inputs))

    def train_step(self, data):
        loss_tracker = self.loss_tracker  # [keras-stateful-object-created-in-call]
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(data, training=True) - data))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        loss_tracker.update_state(loss)
        return {"loss": loss_tracker.result()}


if __name__ == "__main__":
    model = Autoencoder()
    model.compile(optimizer="adam")
    model.fit(np.random.rand(8, 4).astype("float32"), epochs=1, verbose=0)
