"""Runtime driver of the verbatim seed fixture ``../lossvar_seed004_incorrect_loss.py``.

The fixture runs module-level code when imported, so this driver executes only the
fixture's imports and class definitions (``runtime_support.load_definitions`` compiles its
AST keeping Import/ClassDef/FunctionDef nodes) and then drives ``IncorrectLoss`` itself, as
the seed does but smaller: ``compile`` a one-Dense model with it and ``fit`` one epoch.
Both Keras versions raise the singleton-variable ValueError on the first traced batch.
"""

from pathlib import Path

import runtime_support

FIXTURE = Path(__file__).resolve().parent.parent / Path(__file__).name
ns = runtime_support.load_definitions(FIXTURE)
tf, IncorrectLoss = ns["tf"], ns["IncorrectLoss"]

model = tf.keras.models.Sequential([tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss=IncorrectLoss())
x_data = tf.random.normal(shape=(8, 1))
y_data = tf.random.normal(shape=(8, 1))
model.fit(x_data, y_data, epochs=1, verbose=0)
print("fit ran")
