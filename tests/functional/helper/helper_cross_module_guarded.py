# runtime: keras3=ok keras2=ok
"""Guards across modules: a helper that guards itself, and a helper called behind a guard."""

import tensorflow as tf

from helperpkg.helperpkg_util import get_shared_weight, make_weight


@tf.function
def shared(x):
    return x * get_shared_weight((3,))


class Scaler(tf.Module):
    def __init__(self):
        super().__init__()
        self.weight = None

    @tf.function
    def __call__(self, x):
        if self.weight is None:
            self.weight = make_weight((3,))
        return x * self.weight


if __name__ == "__main__":
    x = tf.ones((2, 3))
    assert float(tf.reduce_sum(shared(x))) == 0.0
    scaler = Scaler()
    scaler(x)
    scaler(x)
    assert len(scaler.trainable_variables) == 1
