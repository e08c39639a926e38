# modeled on tf.keras OptimizerV2 subclasses (slots made in _create_slots with add_slot)
# runtime: keras3=skip keras2=ok
# runtime-reason: tf-keras only (Keras 3 has no OptimizerV2: tf.keras.optimizers.legacy is a stub)
"""The fixed legacy optimizer: its scratch slot is made once, in ``_create_slots``."""
import numpy as np
import tensorflow as tf


class ScratchSGD(tf.keras.optimizers.legacy.Optimizer):
    def __init__(self, learning_rate=0.01, name="scratch_sgd", **kwargs):
        super().__init__(name, **kwargs)
        self._set_hyper("learning_rate", learning_rate)

    def _create_slots(self, var_list):
        for var in var_list:
            self.add_slot(var, "scratch")

    def _resource_apply_dense(self, grad, var, apply_state=None):
        scratch = self.get_slot(var, "scratch")
        scratch.assign(var - 0.01 * grad)
        return var.assign(scratch)

    def _resource_apply_sparse(self, grad, var, indices, apply_state=None):
        raise NotImplementedError

    def get_config(self):
        return super().get_config()


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer=ScratchSGD(), loss="mse")
    history = model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=3, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
