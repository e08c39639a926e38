"""``tf.compat.v1.get_variable`` in a Layer.call."""
# runtime: keras3=raises keras2=raises
# runtime-raises: Tensor.op is undefined when eager execution is enabled
import numpy as np
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def call(self, inputs):
        scale = tf.compat.v1.get_variable(  # [tf-variable-created-in-call]
            "scale", shape=(), initializer=tf.compat.v1.ones_initializer()
        )
        return inputs * scale


if __name__ == "__main__":
    model = tf.keras.Sequential([Scale()])
    model.compile(optimizer="sgd", loss="mse")
    data = np.ones((4, 3), "float32")
    model.fit(data, data, epochs=1, verbose=0)
