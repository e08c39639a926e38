# modeled on the TensorFlow guide "Random number generation" (create the generator once,
# outside the tf.function)
# runtime: keras3=ok keras2=ok
"""The generator is created once, outside the traced function: every call draws from it."""
import tensorflow as tf

GENERATOR = tf.random.Generator.from_seed(1)


@tf.function
def noisy(x):
    return x + GENERATOR.normal(tf.shape(x))


if __name__ == "__main__":
    first = noisy(tf.zeros((2,)))
    second = noisy(tf.zeros((2,)))
    assert not bool(tf.reduce_all(first == second)), "the generator state did not advance"
