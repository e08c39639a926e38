# modeled on calmiLovesAI/Basic_CNNs_TensorFlow2#13
# (fixed as the report's author did: the BottleNeck blocks are built once in __init__)
# runtime: keras3=ok keras2=ok
"""The fixed block: its sub-layers are created in __init__ and reused."""
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
        self.blocks = [BottleNeck(growth_rate) for _ in range(num_layers)]

    def call(self, inputs, training=None):
        x = inputs
        for block in self.blocks:
            x = tf.concat([x, block(x, training=training)], axis=-1)
        return x


if __name__ == "__main__":
    block = DenseBlock(2, 3)
    model = tf.keras.Sequential(
        [tf.keras.Input(shape=(6, 6, 2)), block, tf.keras.layers.GlobalAveragePooling2D()]
    )
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(4, 6, 6, 2), np.random.rand(4, 8), epochs=1, verbose=0)
    assert len(block.trainable_weights) == 8  # 2 blocks x (gamma, beta, kernel, bias)
