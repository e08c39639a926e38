# modeled on matterport/Mask_RCNN#1930
# (Lambda(lambda x: tf.Variable(anchors)) used to smuggle a constant into the graph)
# runtime: keras3=raises keras2=raises
# runtime-raises-keras2: were created within a Lambda layer
# runtime-raises-keras3: tf.function only supports singleton tf.Variables
"""A Lambda layer's function creates a variable every time the layer runs."""
import numpy as np
import tensorflow as tf

ANCHORS = np.random.rand(1, 6, 4).astype("float32")


def build_model():
    image = tf.keras.Input(shape=(8,))
    anchors = tf.keras.layers.Lambda(lambda x: tf.Variable(ANCHORS) + 0.0 * tf.reduce_sum(x))(image)  # [tf-variable-created-in-tf-function]
    boxes = tf.keras.layers.Dense(4)(image)
    outputs = tf.keras.layers.Lambda(lambda t: t[0][:, None, :] + t[1])([boxes, anchors])
    return tf.keras.Model(image, outputs)


if __name__ == "__main__":
    model = build_model()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.random.rand(4, 8), np.random.rand(4, 6, 4), epochs=1, verbose=0)
