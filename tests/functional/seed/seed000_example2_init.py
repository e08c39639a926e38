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
