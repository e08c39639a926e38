# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
# Verbatim seed below this header (origin: the project's seed 004, incorrect loss; was seed/seed004_incorrect_loss.py); runtime driver: _drivers/lossvar_seed004_incorrect_loss.py
import tensorflow as tf

class IncorrectLoss(tf.keras.losses.Loss):
    def __init__(self, name="incorrect_loss"):
      super().__init__(name=name)

    def call(self, y_true, y_pred):
        weight = tf.Variable(initial_value=1.0, trainable=True, name="sample_weight")  # [tf-variable-created-in-call]
        loss = tf.reduce_mean(tf.square(y_true - y_pred) * weight)
        return loss


model = tf.keras.models.Sequential([tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(learning_rate=0.01)
loss_fn = IncorrectLoss()
model.compile(optimizer=optimizer, loss=loss_fn)

x_data = tf.random.normal(shape=(100, 1))
y_data = tf.random.normal(shape=(100, 1))

model.fit(x_data, y_data, epochs=3)

print("Number of variables in model:", len(model.trainable_variables))
