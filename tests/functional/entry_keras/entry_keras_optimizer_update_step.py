# modeled on NoteDance/optimizers#2 (optimizers/ranger.py, radam.py at 3a23844: a float32 copy
# of the weight made as a tf.Variable inside Optimizer.update_step)
# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""A custom optimizer's ``update_step`` runs inside ``apply_gradients``, which fit() traces in
its train function: a tf.Variable made there is made on every trace (E7302)."""
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
        variable_fp32 = tf.Variable(tf.cast(variable, "float32"))  # [tf-variable-created-in-tf-function]
        variable_fp32.assign_sub(tf.cast(rate, "float32") * gradient)
        variable.assign(variable_fp32)


if __name__ == "__main__":
    model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
    model.compile(optimizer=Ranger(), loss="mse")
    model.fit(np.random.rand(8, 3), np.random.rand(8, 1), epochs=2, verbose=0)
