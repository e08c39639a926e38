# modeled on NoteDance/optimizers 5a19b81 (the float32 copy made with tf.cast, not tf.Variable)
# runtime: keras3=ok keras2=ok
"""The fixed optimizer: ``update_step`` computes with a tensor and assigns to the weight."""
import numpy as np
import tensorflow as tf

Base = tf.keras.optimizers.Optimizer


class Ranger(Base):
    def __init__(self, learning_rate=0.01, name="ranger"):
        if hasattr(Base, "_build_learning_rate"):  # tf-keras
            super().__init__(name=name)
            self._learning_rate = self._build_learning_rate(learning_rate)
        else:  # Keras 3
            super().__init__(learning_rate=learning_rate, name=name)

    def update_step(self, gradient, variable, learning_rate=None):
        rate = self.learning_rate if learning_rate is None else learning_rate
        variable_fp32 = tf.cast(variable, "float32")
        variable.assign(variable_fp32 - tf.cast(rate, "float32") * gradient)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer=Ranger(), loss="mse")
    before = np.random.rand(8, 3)
    history = model.fit(before, np.random.rand(8, 1), epochs=3, verbose=0)
    assert np.isfinite(history.history["loss"][-1])
