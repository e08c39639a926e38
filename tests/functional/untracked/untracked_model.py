# modeled on tensorflow/probability#946
# (a keras.Model keeping a raw tf.Variable `loc` from __init__; it never got gradients)
# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 does not track a raw tf.Variable on a Model; tf-keras does
"""A raw tf.Variable stored on a Keras 3 Model in __init__ is not trained by fit()."""
import numpy as np
import tensorflow as tf


class Shift(tf.keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.loc = tf.Variable(tf.zeros([4]), name="loc")  # [untracked-tf-variable]
        self.dense = tf.keras.layers.Dense(4)

    def call(self, inputs):
        return self.dense(inputs) + self.loc


if __name__ == "__main__":
    model = Shift()
    model.compile(optimizer=tf.keras.optimizers.SGD(0.1), loss="mse")
    x = np.random.rand(16, 4).astype("float32")
    model.fit(x, x + 5.0, epochs=2, verbose=0)
    names = [w.name for w in model.trainable_weights]
    tracked = len(model.trainable_weights) == 3
    unchanged = np.allclose(model.loc.numpy(), 0.0)
    if not tracked and unchanged:
        print(f"SILENT: loc not in trainable_weights {names} and still 0.0 after fit")
    else:
        assert tracked and not unchanged
