# runtime: keras3=silent keras2=ok
# runtime-reason: behind a guard the variable is made once; tf-keras tracks it, Keras 3 does not (never trained)
"""Guards across calls in a Keras call(): the call site is guarded, or the helper guards itself."""

import numpy as np
import tensorflow as tf

from helperpkg.helperpkg_util import make_weight


class GuardedCallSite(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.kernel = None

    def call(self, inputs):
        if self.kernel is None:
            self.kernel = make_weight((4,))  # [tf-variable-lazily-created-in-call, untracked-tf-variable]
        return inputs + self.kernel


class SelfGuardingHelper(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.kernel = None

    def _get_kernel(self):
        if self.kernel is None:
            self.kernel = tf.Variable(np.zeros((4,), "float32"))  # [untracked-tf-variable]
        return self.kernel

    def call(self, inputs):
        return inputs + self._get_kernel()  # [tf-variable-lazily-created-in-call]


def trained(layer):
    model = tf.keras.Sequential([layer])
    model.compile(tf.keras.optimizers.SGD(0.1), "mse")
    model.fit(np.ones((8, 4), "float32"), np.zeros((8, 4), "float32"), epochs=2, verbose=0)
    tracked = any(w is layer.kernel for w in layer.trainable_weights)
    moved = not np.allclose(np.asarray(layer.kernel), 0.0)
    return tracked and moved


if __name__ == "__main__":
    for cls in (GuardedCallSite, SelfGuardingHelper):
        if not trained(cls()):
            print(f"SILENT: {cls.__name__}.kernel is not a trainable weight and fit() never changed it")
