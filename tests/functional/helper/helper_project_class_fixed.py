# runtime: keras3=ok keras2=ok
"""Fixed helper_project_class: the objects are built once, outside, and used inside."""

import tensorflow as tf

from helperpkg.helperpkg_layers import Accumulator, ProjectMetric


class Counter:
    def __init__(self):
        self.count = tf.Variable(0)


COUNTER = Counter()
ACCUMULATOR = Accumulator()
METRIC = ProjectMetric()


@tf.function
def step(x):
    COUNTER.count.assign_add(1)
    ACCUMULATOR.value.assign_add(tf.reduce_sum(x))
    METRIC.update_state(x)
    return METRIC.result()


if __name__ == "__main__":
    x = tf.ones((2,))
    step(x)
    step(x)
    assert int(COUNTER.count) == 2 and float(ACCUMULATOR.value) == 4.0
    assert float(METRIC.result()) == 4.0
