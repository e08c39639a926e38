# modeled on tensorflow/tensorflow#33689
# (a tf.function whose branch creates a variable; here the branch is a function given
# to tf.cond inside the traced body)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tf.cond inside a tf.function traces both branch functions."""
import tensorflow as tf


def fresh_counter():
    counter = tf.Variable(1)
    return counter.read_value()


def no_counter():
    return tf.constant(0)


@tf.function
def bar(use_counter):
    return tf.cond(use_counter, fresh_counter, no_counter)  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    print(bar(tf.constant(True)))
