# modeled on layers that keep per-head or per-scale variables in a Python list
# runtime: keras3=silent keras2=ok
"""Raw ``tf.Variable``s stored on a Keras 3 layer through a list (a literal, a comprehension,
or a local list filled with ``append``) are not tracked: missing from trainable_weights."""
import tensorflow as tf


class Heads(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.scales = [tf.Variable(1.0), tf.Variable(2.0)]  # [untracked-tf-variable]
        self.offsets = [tf.Variable(float(i)) for i in range(2)]  # [untracked-tf-variable]
        gains = []
        for _ in range(2):
            gains.append(tf.Variable(1.0))  # [untracked-tf-variable]
        self.gains = gains

    def call(self, inputs):
        return inputs * self.scales[0] + self.offsets[1] * self.gains[0]


if __name__ == "__main__":
    import runtime_support

    layer = Heads()
    layer(tf.ones((2, 3)))
    tracked = {id(v) for v in layer.trainable_weights}
    missing = [v for v in [*layer.scales, *layer.offsets, *layer.gains] if id(v) not in tracked]
    if missing:
        runtime_support.silent(f"{len(missing)} of 6 variables missing from trainable_weights")
