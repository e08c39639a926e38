# runtime: keras3=silent keras2=ok
# runtime-reason: Keras 3 does not track a raw tf.Variable on a Model, even from __init__ (not in trainable_weights, not saved; W7306); the seed calls it correct
# Verbatim seed below this header (origin: the project's seed 000, example 2; was seed/seed000_example2_init.py); runtime driver: _drivers/untracked_seed000_example2_init.py
import tensorflow as tf

class MyModel(tf.keras.Model):
  def __init__(self):
    super(MyModel, self).__init__()
    self.w = tf.Variable(tf.random.normal([10, 10]), name="weights")  # [untracked-tf-variable]

  def call(self, x):
    return self.w @ x

model = MyModel()
model(tf.random.normal([10, 10]))
model.save_weights("model_weights_correct")
