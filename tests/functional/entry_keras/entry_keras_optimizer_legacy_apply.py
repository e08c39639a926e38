# modeled on custom tf.keras (OptimizerV2) optimizers that make a scratch tf.Variable per step
# runtime: keras3=skip keras2=raises
# runtime-reason: tf-keras only (Keras 3 has no OptimizerV2: tf.keras.optimizers.legacy is a stub)
# runtime-raises: tf.function only supports singleton tf.Variables
"""A legacy optimizer's ``_resource_apply_dense`` runs per step inside the traced train
function: a tf.Variable made there is made on every trace (E7302); its slots belong in
``_create_slots`` (``add_slot``), which runs once."""
import numpy as np
import tensorflow as tf


class ScratchSGD(tf.keras.optimizers.legacy.Optimizer):
    def __init__(self, learning_rate=0.01, name="scratch_sgd", **kwargs):
        super().__init__(name, **kwargs)
        self._set_hyper("learning_rate", learning_rate)

    def _resource_apply_dense(self, grad, var, apply_state=None):
        scratch = tf.Variable(tf.zeros_like(var))  # [tf-variable-created-in-tf-function]
        scratch.assign(var - 0.01 * grad)
        return var.assign(scratch)

    def _resource_apply_sparse(self, grad, var, indices, apply_state=None):
        raise NotImplementedError

    def get_config(self):
        return super().get_config()


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer=ScratchSGD(), loss="mse")
    model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=2, verbose=0)
