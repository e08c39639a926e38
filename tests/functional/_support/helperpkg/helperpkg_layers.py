# runtime: keras3=ok keras2=ok
# runtime-reason: a module of project classes; they misbehave only when the helper_* fixtures build them in a traced body
"""Project Keras classes defined in another module than the code that uses them."""

import numpy as np
import tensorflow as tf


class MyDense(tf.keras.layers.Dense):
    """A project subclass of a built-in layer with weights."""


class ProjectLayer(tf.keras.layers.Layer):
    """A project base layer: subclasses in other modules are Keras layers too."""

    def _make_kernel(self, units):
        return self.add_weight(shape=(units,), initializer="zeros", name="kernel")


class ProjectMetric(tf.keras.metrics.Metric):
    """A project metric (owns a variable through add_weight)."""

    def __init__(self, name="project_metric"):
        super().__init__(name=name)
        self.total = self.add_weight(name="total", initializer="zeros")

    def update_state(self, values):
        self.total.assign_add(tf.reduce_sum(values))

    def result(self):
        return self.total


class Accumulator:
    """A plain project class whose __init__ creates a variable."""

    def __init__(self):
        self.value = tf.Variable(np.zeros((), dtype="float32"), name="accumulator")


if __name__ == "__main__":
    layer = MyDense(2)
    assert layer(np.ones((1, 3), dtype="float32")).shape == (1, 2)
    metric = ProjectMetric()
    metric.update_state(np.ones(3, dtype="float32"))
    assert float(metric.result()) == 3.0
    assert float(Accumulator().value) == 0.0
