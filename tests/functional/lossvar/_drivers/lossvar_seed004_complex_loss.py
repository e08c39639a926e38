"""Runtime driver of the verbatim seed fixture ``../lossvar_seed004_complex_loss.py``.

The fixture runs module-level code when imported, so this driver executes only the
fixture's imports and class definitions (``runtime_support.load_definitions`` compiles its
AST keeping Import/ClassDef/FunctionDef nodes) and then drives ``ComplexLoss`` itself, as
the seed does (same shapes, one epoch). Its counter variable is created once in
``__init__`` (fine); the loss fails while tracing for reasons no tfvarlint rule covers:
Keras 3 traces the ``while_loop`` bodies without autograph, so the Python ``if`` on a tensor
raises OperatorNotAllowedInGraphError; tf-keras converts the ``if`` and then fails in
``tf.constant([[0, i, j, 0]])`` with tensors ``i``/``j`` (TypeError).
"""

from pathlib import Path

import runtime_support

FIXTURE = Path(__file__).resolve().parent.parent / Path(__file__).name
ns = runtime_support.load_definitions(FIXTURE)
tf, ComplexLoss = ns["tf"], ns["ComplexLoss"]

model = tf.keras.models.Sequential(
    [tf.keras.layers.Conv2D(1, kernel_size=3, padding="same", activation="relu")]
)
loss_fn = ComplexLoss()
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss=loss_fn)
x_data = tf.random.normal(shape=(1, 64, 64, 3))
y_data = tf.random.normal(shape=(1, 64, 64, 1))
model.fit(x_data, y_data, epochs=1, verbose=0)
print("Value of counter:", loss_fn.counter.numpy())
