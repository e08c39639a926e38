"""The fixed twin of ``guard_config_attribute_not_guard``: the BatchNormalization is made
once in ``__init__``; the configuration attribute only decides whether call() applies it."""
# runtime: keras3=ok keras2=ok
import numpy as np
import tensorflow as tf


class Block(tf.keras.layers.Layer):
    def __init__(self, causal=False, **kwargs):
        super().__init__(**kwargs)
        self.causal = causal
        self.norm = None if causal else tf.keras.layers.BatchNormalization()

    def call(self, inputs):
        if not self.causal:
            inputs = self.norm(inputs)
        return inputs


if __name__ == "__main__":
    block = Block()
    model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), block])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(8, 4), np.random.rand(8, 4), epochs=2, verbose=0)
    assert len(block.norm.weights) == 4, block.norm.weights
    assert len(model.weights) == 4, model.weights
