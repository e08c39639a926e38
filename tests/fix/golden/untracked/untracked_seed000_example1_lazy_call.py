# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 does not track a raw tf.Variable on a Model (not in trainable_weights, not saved; W7306); eager calls as in the seed; the seed's save_weights("model_weights") needs a .weights.h5 suffix under Keras 3 (the driver uses one)
# Verbatim seed below this header (origin: the project's seed 000, example 1; was seed/seed000_example1_lazy_call.py); runtime driver: _drivers/untracked_seed000_example1_lazy_call.py
import tensorflow as tf

class MyModel(tf.keras.Model):
  def __init__(self):
    super(MyModel, self).__init__()
    self.w = None

  def build(self, input_shape):
    self.w = self.add_weight(
      shape=(10, 10),
      initializer=tf.keras.initializers.RandomNormal(stddev=1.0),
      name="weights",
    )

  def call(self, x):
    return self.w @ x

model = MyModel()
model(tf.random.normal([10, 10])) # First call creates the variable
model.save_weights("model_weights") # Subsequent save fails
model(tf.random.normal([10,10])) # Second call (doesn't raise error here, but leads to inconsistencies at saving)

