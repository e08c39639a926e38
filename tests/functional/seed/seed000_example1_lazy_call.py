import tensorflow as tf

class MyModel(tf.keras.Model):
  def __init__(self):
    super(MyModel, self).__init__()
    self.w = None

  def call(self, x):
    if self.w is None:  # Problematic: Variable creation inside call
      self.w = tf.Variable(tf.random.normal([10, 10]), name="weights")  # [tf-variable-lazily-created-in-call, untracked-tf-variable]
    return self.w @ x

model = MyModel()
model(tf.random.normal([10, 10])) # First call creates the variable
model.save_weights("model_weights") # Subsequent save fails
model(tf.random.normal([10,10])) # Second call (doesn't raise error here, but leads to inconsistencies at saving)

