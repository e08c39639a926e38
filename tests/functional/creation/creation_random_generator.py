# modeled on the TensorFlow guide "Random number generation" (a tf.random.Generator created
# inside a tf.function) and Keras 3's keras.random.SeedGenerator
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A ``tf.random.Generator`` holds its state in a variable: built in a traced body (its
constructor, ``from_seed``, ``from_non_deterministic_state``) it is created on every trace."""
import tensorflow as tf


@tf.function
def noisy(x):
    generator = tf.random.Generator.from_seed(1)  # [tf-variable-created-in-tf-function]
    return x + generator.normal(tf.shape(x))


@tf.function
def noisy_any_seed(x):
    generator = tf.random.Generator.from_non_deterministic_state()  # [tf-variable-created-in-tf-function]
    return x + generator.normal(tf.shape(x))


@tf.function
def noisy_state(x):
    generator = tf.random.Generator(state=[1, 2, 3], alg="philox")  # [tf-variable-created-in-tf-function]
    return x + generator.normal(tf.shape(x))


def case_from_seed():
    noisy(tf.ones((2,)))


def case_non_deterministic():
    noisy_any_seed(tf.ones((2,)))


def case_state():
    noisy_state(tf.ones((2,)))


if __name__ == "__main__":
    import runtime_support

    runtime_support.run_cases(case_from_seed, case_non_deterministic, case_state)
