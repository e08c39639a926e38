# modeled on tf-keras tf_keras/legacy_tf_layers/variable_scope_shim_test.py (TF1 code
# migrated with the documented shim: get_variable in a call decorated with
# track_tf1_style_variables gets or creates through a store the layer tracks)
# runtime: keras3=skip keras2=ok
# runtime-reason: the shim is tf-keras only (Keras 3's tf.compat.v1.keras.utils has no track_tf1_style_variables)
"""get_variable in a call decorated with track_tf1_style_variables is created once: no E7301."""
import numpy as np
import tensorflow as tf


class MigratedDense(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    @tf.compat.v1.keras.utils.track_tf1_style_variables
    def call(self, inputs):
        with tf.compat.v1.variable_scope("dense"):
            kernel = tf.compat.v1.get_variable(
                "kernel", shape=[inputs.shape[-1], self.units],
                initializer=tf.compat.v1.ones_initializer(),
            )
            bias = tf.compat.v1.get_variable(
                "bias", shape=[self.units], initializer=tf.compat.v1.zeros_initializer()
            )
        return tf.matmul(inputs, kernel) + bias


if __name__ == "__main__":
    layer = MigratedDense(2)
    model = tf.keras.Sequential([tf.keras.Input(shape=(3,)), layer])
    model.compile(optimizer=tf.keras.optimizers.SGD(0.05), loss="mse")
    x = np.random.rand(16, 3).astype("float32")
    model.fit(x, np.random.rand(16, 2).astype("float32"), epochs=2, verbose=0)
    model.predict(x, verbose=0)
    layer(x)
    assert len(layer.trainable_weights) == 2, layer.trainable_weights
    kernel = [w for w in layer.trainable_weights if "kernel" in w.name][0]
    assert not np.allclose(kernel.numpy(), 1.0)
