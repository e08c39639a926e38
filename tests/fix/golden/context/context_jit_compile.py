"""``@tf.function(jit_compile=True)``: the same mistake, the same error on CPU (E7302)."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
import tensorflow as tf


xla_scale_scale = tf.Variable(2.0)


@tf.function(jit_compile=True)
def xla_scale(x):
    scale = xla_scale_scale  # [tf-variable-created-in-tf-function]
    return x * scale


if __name__ == "__main__":
    xla_scale(tf.ones([3]))
