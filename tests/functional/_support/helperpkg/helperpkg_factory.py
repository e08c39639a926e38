# runtime: keras3=ok keras2=ok
# runtime-reason: a helper module; make_weight creates a variable only when a helper_* fixture calls it
"""A variable factory the linter cannot see through (it picks the constructor from a table).

Users name such functions in ``tfvarlint-extra-variable-factories``.
"""

import numpy as np
import tensorflow as tf

_CONSTRUCTORS = {"variable": tf.Variable}


def make_weight(shape, kind="variable"):
    return _CONSTRUCTORS[kind](np.zeros(shape, dtype="float32"))


if __name__ == "__main__":
    assert make_weight((2,)) is not make_weight((2,))
