"""A nested function or lambda that a traced body only defines (returns, stores, never calls)
runs later, elsewhere: no message."""
# runtime: keras3=ok keras2=ok
import tensorflow as tf


@tf.function
def make_factory(x):
    def factory():
        return tf.Variable(2.0)

    return x * 2.0


class Holder(tf.Module):
    @tf.function
    def __call__(self, x):
        self.make = lambda: tf.Variable(1.0)
        unused = lambda: tf.Variable(3.0)  # bound, never called
        return x + 1.0


def outer():
    @tf.function
    def traced(x):
        return x * 3.0

    def later():
        return tf.Variable(1.0)

    return traced, later


if __name__ == "__main__":
    for _ in range(2):
        assert float(make_factory(tf.constant(1.0))) == 2.0
    holder = Holder()
    assert float(holder(tf.constant(1.0))) == 2.0
    traced, later = outer()
    assert float(traced(tf.constant(1.0))) == 3.0
    assert float(later().numpy()) == 1.0
    assert float(holder.make().numpy()) == 1.0
