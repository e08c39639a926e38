"""An optimizer and a metric created inside train_step: traced by fit(), the first batch
fails with "tf.function only supports singleton tf.Variables created on the first call"."""

import tensorflow as tf


class MyModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.dense(x)

    def train_step(self, data):
        x, y = data
        optimizer = tf.keras.optimizers.SGD(0.1)
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(self(x, training=True) - y))
        grads = tape.gradient(loss, self.trainable_variables)
        optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


if __name__ == "__main__":
    model = MyModel()
    model.compile()
    model.fit(tf.random.normal((32, 3)), tf.random.normal((32, 1)), epochs=1, verbose=0)
