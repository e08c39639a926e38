# modeled on code importing layers from their defining submodules (Keras 3's keras.src,
# tf-keras's layers.core.dense), the spelling every library's own code uses
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A layer named by the submodule it lives in (``keras.src.layers.core.dense.Dense``) is the
same ``keras.layers.Dense``: built in a tf.function it is E7304 (standalone ``keras`` is
Keras 3 even with TF_USE_LEGACY_KERAS set, so both runs raise)."""
import tensorflow as tf
from keras.src.layers.core.dense import Dense


project_dense = Dense(2)


@tf.function
def project(x):
    return project_dense(x)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    project(tf.ones((2, 3)))
    project(tf.ones((2, 3)))
