# modeled on calmiLovesAI/Basic_CNNs_TensorFlow2#13
# (DenseBlock.call builds a new BottleNeck block through a _make_layer helper)
# runtime: keras3=raises keras2=raises
# runtime-raises-keras2: tf.function only supports singleton tf.Variables
# runtime-raises-keras3: 'NoneType' object has no attribute 'assign'
# runtime-reason: Keras 3 fails first in the BatchNormalization built per call (runtime-truth.md)
"""A helper method called from call() builds a project layer that owns weights."""
import numpy as np
import tensorflow as tf


class BottleNeck(tf.keras.layers.Layer):
    def __init__(self, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.norm = tf.keras.layers.BatchNormalization()
        self.conv = tf.keras.layers.Conv2D(growth_rate, 3, padding="same")

    def call(self, inputs, training=None):
        return self.conv(tf.nn.relu(self.norm(inputs, training=training)))


class DenseBlock(tf.keras.layers.Layer):
    def __init__(self, num_layers, growth_rate, **kwargs):
        super().__init__(**kwargs)
        self.num_layers = num_layers
        self.growth_rate = growth_rate

    def _make_layer(self, x, training):
        y = BottleNeck(self.growth_rate)(x, training=training)
        return tf.concat([x, y], axis=-1)

    def call(self, inputs, training=None):
        x = inputs
        for _ in range(self.num_layers):
            x = self._make_layer(x, training)  # [keras-layer-created-in-call]
        return x


if __name__ == "__main__":
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(6, 6, 2)), DenseBlock(2, 3), tf.keras.layers.GlobalAveragePooling2D()]
    )
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(4, 6, 6, 2), np.random.rand(4, 8), epochs=1, verbose=0)
