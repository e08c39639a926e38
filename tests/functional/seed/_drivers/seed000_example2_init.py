"""Runtime driver of the verbatim seed fixture ``../seed000_example2_init.py``.

The fixture runs module-level code when imported, so this driver executes only the
fixture's imports and class definitions (``runtime_support.load_definitions`` compiles its
AST keeping Import/ClassDef/FunctionDef nodes) and then drives ``MyModel`` itself, as the
seed does: eager calls, then save and reload the weights. It checks that ``self.w``,
the variable created in ``__init__``, is tracked (in ``trainable_weights``) and restored by ``load_weights``.

Keras 2: tracked and restored (ok). Keras 3: a raw ``tf.Variable`` on a Model is not
tracked, so it is neither trained nor saved (silent). The seed's
``save_weights("model_weights")`` needs a ``.weights.h5`` suffix under Keras 3; this driver
uses one there.
"""

from pathlib import Path

import runtime_support

FIXTURE = Path(__file__).resolve().parent.parent / Path(__file__).name
ns = runtime_support.load_definitions(FIXTURE)
tf, MyModel = ns["tf"], ns["MyModel"]

KERAS3 = not tf.keras.__name__.startswith("tf_keras")
weights_file = "model.weights.h5" if KERAS3 else "model_weights"

x = tf.random.normal([10, 10])
model = MyModel()
model(x)
model(x)
tracked = any(v is model.w for v in model.trainable_weights)
model.save_weights(weights_file)

other = MyModel()
other(x)
other.load_weights(weights_file)
restored = bool(tf.reduce_all(other.w == model.w))

print(f"keras {tf.keras.__name__}: tracked={tracked} restored={restored}")
if not tracked or not restored:
    runtime_support.silent(
        f"MyModel.w in trainable_weights: {tracked}; restored by load_weights: {restored}"
    )
