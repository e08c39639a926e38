# modeled on keras-team/keras#12503
# (the Keras 3 spelling: a trainable keras.Variable held by a Loss is not trained either)
# runtime: keras3=silent keras2=skip
# runtime-reason: Keras 3 API (import keras, keras.Variable)
"""A Keras 3 Loss holding a trainable keras.Variable: fit() never trains it."""
import keras
import numpy as np


class ScaledMSE(keras.losses.Loss):
    def __init__(self, name="scaled_mse", **kwargs):
        super().__init__(name=name, **kwargs)
        self.scale = keras.Variable(1.0, trainable=True, name="scale")  # [trainable-variable-in-loss]

    def call(self, y_true, y_pred):
        return keras.ops.mean(keras.ops.square(y_true - y_pred), axis=-1) * self.scale


if __name__ == "__main__":
    loss = ScaledMSE()
    model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss=loss)
    model.fit(np.random.rand(16, 3), np.random.rand(16, 1), epochs=2, verbose=0)
    in_model = any(v is loss.scale for v in model.trainable_variables)
    if not in_model and float(keras.ops.convert_to_numpy(loss.scale)) == 1.0:
        print("SILENT: scale not in model.trainable_variables and still 1.0 after fit")
    else:
        assert in_model
