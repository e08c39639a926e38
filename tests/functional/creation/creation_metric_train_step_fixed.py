# modeled on keras-team/keras-io#48
# (fixed as advised there: the Mean tracker is created once in __init__)
# runtime: keras3=ok keras2=ok
"""The fixed train_step: it updates a metric created once in __init__."""
import numpy as np
import tensorflow as tf


class Autoencoder(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encoder = tf.keras.layers.Dense(2)
        self.decoder = tf.keras.layers.Dense(4)
        self.loss_tracker = tf.keras.metrics.Mean(name="loss")

    @property
    def metrics(self):
        return [self.loss_tracker]

    def call(self, inputs):
        return self.decoder(self.encoder(inputs))

    def train_step(self, data):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(data, training=True) - data))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.loss_tracker.update_state(loss)
        return {"loss": self.loss_tracker.result()}


if __name__ == "__main__":
    model = Autoencoder()
    model.compile(optimizer="adam")
    model.fit(np.random.rand(8, 4).astype("float32"), batch_size=4, epochs=1, verbose=0)
    assert float(model.loss_tracker.count.numpy()) == 2.0
