# runtime: keras3=ok keras2=ok
# runtime-reason: a tiny framework that wraps Keras; its users' forward() runs inside Layer.call
"""A framework that wraps Keras: subclasses write ``forward`` and Keras runs it from ``call``."""

import tensorflow as tf


class Module(tf.keras.layers.Layer):
    def call(self, inputs):
        return self.forward(inputs)

    def forward(self, inputs):
        return inputs


if __name__ == "__main__":
    assert float(tf.reduce_sum(Module()(tf.ones((2, 2))))) == 4.0
