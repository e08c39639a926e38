# modeled on tensorflow/addons tensorflow_addons/text/crf_wrapper.py (CRFModelWrapper.train_step)
# runtime: keras3=ok keras2=ok
"""A parameter tested ``is None`` in a helper, given a value one call up: ``train_step`` unpacks
the chain kernel from the model's own output and passes it to ``compute_crf_loss``, which
forwards it to ``crf_log_likelihood(..., transition_params=kernel)``; the variable under
``if transition_params is None`` is never created there (the argument is a call's result,
not None). The same holds for a literal forwarded from parameter to parameter."""
import numpy as np
import tensorflow as tf


def crf_log_likelihood(inputs, tags, transition_params=None):
    if transition_params is None:
        transition_params = tf.Variable(tf.ones([1, 1]), name="transitions")
    return tf.reduce_mean(tf.square(tags - tf.matmul(inputs, transition_params)))


def scaled(x, learned=True):
    if learned:
        return x * tf.Variable(2.0)
    return x * 2.0


def block(x, learned):
    return scaled(x, learned)


class Tagger(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense = tf.keras.layers.Dense(1)
        self.kernel = self.add_weight(name="kernel", shape=(1, 1), initializer="ones")

    def call(self, inputs):
        return self.dense(inputs), self.kernel

    def compute_crf_loss(self, potentials, kernel, y):
        return crf_log_likelihood(potentials, y, kernel)

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            potentials, kernel = self(x, training=True)
            loss = self.compute_crf_loss(potentials, kernel, y)
            loss = loss + tf.reduce_mean(block(potentials, learned=False))
        grads = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        return {"loss": loss}


if __name__ == "__main__":
    model = Tagger()
    model.compile(optimizer="sgd")
    history = model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=2, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
