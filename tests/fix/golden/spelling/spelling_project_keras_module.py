# modeled on compat shims that pick Keras at import time (keras = get_keras()), as in
# projects supporting both tf.keras and tf_keras
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""With ``tfvarlint-keras-modules`` naming the shim, ``keras.layers.Layer`` and
``keras.layers.Dense`` bound through ``keras = get_keras()`` are Keras's."""


def get_keras():
    import tensorflow as tf  # pylint: disable=import-outside-toplevel

    return tf.keras


keras = get_keras()


class Project(keras.layers.Layer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dense = keras.layers.Dense(2)

    def call(self, inputs):
        return self.dense(inputs)  # [keras-layer-created-in-call]


if __name__ == "__main__":
    import tensorflow as tf

    @tf.function
    def step(x, layer=Project()):
        return layer(x)

    step(tf.ones((2, 3)))
    step(tf.ones((2, 3)))
