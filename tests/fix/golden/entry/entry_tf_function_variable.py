# modeled on tensorflow/tensorflow#26812
# (a bias variable declared in the body of a @tf.function)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A variable created unconditionally in a plain tf.function body."""
import tensorflow as tf


affine_bias = tf.Variable(5.0)


@tf.function
def affine():
    weights = tf.constant([[2.0, 0.0], [0.0, 3.0]])
    inputs = tf.constant([[1.0, 0.0], [0.0, 1.0]])
    bias = affine_bias  # [tf-variable-created-in-tf-function]
    return tf.matmul(weights, inputs) + bias


if __name__ == "__main__":
    print(affine())
