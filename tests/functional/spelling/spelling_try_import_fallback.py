"""``try: import tensorflow as tf`` / ``except ImportError: tf = None``: the import wins."""
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
try:
    import tensorflow as tf
except ImportError:  # optional dependency
    tf = None


if tf is not None:

    @tf.function
    def double(x):
        return x * tf.Variable(2.0)  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    double(tf.ones([3]))
