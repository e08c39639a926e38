"""Fixed: the layer and the variable are created once, outside the tf.function; a guarded
lazy creation (TensorFlow's documented pattern) is fine too."""

import tensorflow as tf

dense = tf.keras.layers.Dense(4)
scale = tf.Variable(2.0)


@tf.function
def predict(x):
    return dense(x) * scale


class Counter(tf.Module):
    def __init__(self):
        super().__init__()
        self.count = None

    @tf.function
    def __call__(self):
        if self.count is None:
            self.count = tf.Variable(0)
        return self.count.assign_add(1)


if __name__ == "__main__":
    predict(tf.ones((2, 3)))
    counter = Counter()
    counter()
    print("count:", int(counter()))
