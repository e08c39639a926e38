# modeled on tensorflow/tensorflow#36669
# (a tf.Variable created inside the function given to Dataset.map)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A Dataset.map function creates a variable; tf.data always traces it."""
import tensorflow as tf


scatter_update_ref = tf.Variable([1, 2, 3, 4, 5, 6, 7, 8])


def scatter_update(update):
    ref = scatter_update_ref  # [tf-variable-created-in-tf-function]
    indices = tf.constant([[4], [3], [1], [7]])
    return tf.tensor_scatter_nd_update(ref, indices, update)


if __name__ == "__main__":
    ds = tf.data.Dataset.from_tensor_slices(tf.constant([[9, 10, 11, 12]]))
    ds = ds.map(scatter_update)
    for row in ds:
        print(row.numpy())
