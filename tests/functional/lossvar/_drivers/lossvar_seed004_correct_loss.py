"""Runtime driver of the verbatim seed fixture ``../lossvar_seed004_correct_loss.py``.

The fixture runs module-level code when imported, so this driver executes only the
fixture's imports and class definitions (``runtime_support.load_definitions`` compiles its
AST keeping Import/ClassDef/FunctionDef nodes) and then drives ``CorrectLoss`` itself, as
the seed does but smaller: ``compile`` a one-Dense model with it and ``fit``.
The seed claims the loss's trainable ``weight`` trains; it is never part of the model's
trainable variables, so it stays 1.0 under both Keras versions (silent).
"""

from pathlib import Path

import runtime_support

FIXTURE = Path(__file__).resolve().parent.parent / Path(__file__).name
ns = runtime_support.load_definitions(FIXTURE)
tf, CorrectLoss = ns["tf"], ns["CorrectLoss"]

model = tf.keras.models.Sequential([tf.keras.layers.Dense(1)])
loss_fn = CorrectLoss()
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss=loss_fn)
x_data = tf.random.normal(shape=(32, 1))
y_data = tf.random.normal(shape=(32, 1))
model.fit(x_data, y_data, epochs=2, verbose=0)

weight = float(loss_fn.weight.numpy())
in_model = any(v is loss_fn.weight for v in model.trainable_variables)
print(f"weight after fit: {weight}; in model.trainable_variables: {in_model}")
if weight == 1.0 and not in_model:
    runtime_support.silent(
        f"CorrectLoss.weight stays {weight} after fit; not in model.trainable_variables"
    )
