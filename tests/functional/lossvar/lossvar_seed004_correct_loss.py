# runtime: keras3=silent keras2=silent
# runtime-reason: a variable held by a Loss is never in model.trainable_variables, so fit never trains it: it stays 1.0 (the seed claims it trains; W7307)
# Verbatim seed below this header (origin: the project's seed 004, correct loss; was seed/seed004_correct_loss.py); runtime driver: _drivers/lossvar_seed004_correct_loss.py
import tensorflow as tf

class CorrectLoss(tf.keras.losses.Loss):
    def __init__(self, name="correct_loss"):
        super().__init__(name=name)
        self.weight = tf.Variable(initial_value=1.0, trainable=True, name="sample_weight")  # [trainable-variable-in-loss]

    def call(self, y_true, y_pred):
        loss = tf.reduce_mean(tf.square(y_true - y_pred) * self.weight)
        return loss

model = tf.keras.models.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(learning_rate=0.01)
loss_fn = CorrectLoss()
model.compile(optimizer=optimizer, loss=loss_fn)

x_data = tf.random.normal(shape=(100, 1))
y_data = tf.random.normal(shape=(100, 1))

model.fit(x_data, y_data, epochs=3)
print("Number of variables in model:", len(model.trainable_variables))
print("Value of 'weight':", loss_fn.weight.numpy())
