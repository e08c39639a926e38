# runtime: keras3=silent keras2=ok
# runtime-reason: as example 2: Keras 3 does not track the raw tf.Variable (W7306); decorating call with @tf.function changes nothing
# Verbatim seed below this header (origin: the project's seed 000, example 3; was seed/seed000_example3_tf_function_call.py); runtime driver: _drivers/untracked_seed000_example3_tf_function_call.py
import tensorflow as tf

class MyModel(tf.keras.Model):
  def __init__(self):
    super(MyModel, self).__init__()
    self.w = tf.Variable(tf.random.normal([10, 10]), name="weights")  # [untracked-tf-variable]

  @tf.function
  def call(self, x):
    return self.w @ x

model = MyModel()
model(tf.random.normal([10, 10]))
model.save_weights("model_weights_tf_function")
