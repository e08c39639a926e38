# runtime: keras3=fails keras2=fails
# runtime-raises-keras3: Using a symbolic `tf.Tensor` as a Python `bool` is not allowed
# runtime-raises-keras2: Expected any non-tensor type, but got a tensor instead
# runtime-reason: not a variable mistake (the counter is made once in __init__): Keras 3 traces the while_loop bodies without autograph, so the Python `if` on a tensor fails; tf-keras converts the `if`, then tf.constant([[0, i, j, 0]]) of tensors fails
# Verbatim seed below this header (origin: the project's seed 004, complex loss; was seed/seed004_complex_loss.py); runtime driver: _drivers/lossvar_seed004_complex_loss.py
import tensorflow as tf

class ComplexLoss(tf.keras.losses.Loss):
    def __init__(self, name="complex_loss"):
      super().__init__(name=name)
      self.counter = tf.Variable(initial_value=0, trainable=False, dtype=tf.int32, name="counter")

    def call(self, y_true, y_pred):

        shape = tf.shape(y_pred)
        batch_size = shape[0]
        height = shape[1]
        width = shape[2]
        channels = shape[3]

        mask = tf.zeros(shape=(batch_size, height, width, 1), dtype=tf.float32)
        i = tf.constant(0)
        
        def condition(i, mask):
           return tf.less(i, height)
        
        def body(i, mask):
             j = tf.constant(0)
             def inner_condition(j, mask):
                 return tf.less(j, width)

             def inner_body(j, mask):
                 if tf.random.uniform(()) < 0.3:
                  mask = tf.tensor_scatter_nd_update(mask, indices=tf.constant([[0,i,j,0]]), updates=tf.constant([1.0], dtype=tf.float32))
                 j = tf.add(j,1)
                 return (j,mask)

             _, mask  = tf.while_loop(inner_condition, inner_body, [j, mask])
             i = tf.add(i,1)
             return (i, mask)

        _, mask = tf.while_loop(condition, body, [i, mask])

        loss = tf.reduce_mean(tf.abs(y_true - y_pred) * mask)
        self.counter.assign_add(1)
        tf.print("counter", self.counter)
        return loss


model = tf.keras.models.Sequential([tf.keras.layers.Conv2D(1, kernel_size=3, padding="same", activation="relu")])
optimizer = tf.keras.optimizers.Adam(learning_rate=0.01)
loss_fn = ComplexLoss()
model.compile(optimizer=optimizer, loss=loss_fn)

x_data = tf.random.normal(shape=(1, 64, 64, 3))
y_data = tf.random.normal(shape=(1, 64, 64, 1))

model.fit(x_data, y_data, epochs=3)
print("Number of variables in model:", len(model.trainable_variables))
print("Value of counter:", loss_fn.counter.numpy())
