"""What the three seed 000 drivers share: drive ``MyModel`` as the seed does and check
that ``self.w`` is tracked and saved.

The verbatim fixture runs module-level code when imported, so only its imports and class
definitions are executed (``runtime_support.load_definitions``); then ``MyModel`` is called
eagerly twice, saved and reloaded. Keras 2 tracks and restores ``self.w`` (ok); Keras 3 does
not track a raw ``tf.Variable`` on a Model, so it is neither trained nor saved (silent). The
seed's ``save_weights("model_weights")`` needs a ``.weights.h5`` suffix under Keras 3; this
driver uses one there.
"""

from pathlib import Path

import runtime_support


def check_weights_tracked_and_saved(driver_file: str) -> None:
    """Run the fixture that ``driver_file`` (a ``_drivers/<name>.py``) drives."""
    fixture = Path(driver_file).resolve().parent.parent / Path(driver_file).name
    ns = runtime_support.load_definitions(fixture)
    tf, model_class = ns["tf"], ns["MyModel"]

    keras3 = not tf.keras.__name__.startswith("tf_keras")
    weights_file = "model.weights.h5" if keras3 else "model_weights"

    x = tf.random.normal([10, 10])
    model = model_class()
    model(x)  # the first call creates the variable where it is created lazily
    model(x)
    tracked = any(v is model.w for v in model.trainable_weights)
    model.save_weights(weights_file)

    other = model_class()
    other(x)
    other.load_weights(weights_file)
    restored = bool(tf.reduce_all(other.w == model.w))

    print(f"keras {tf.keras.__name__}: tracked={tracked} restored={restored}")
    if not tracked or not restored:
        runtime_support.silent(
            f"MyModel.w in trainable_weights: {tracked}; restored by load_weights: {restored}"
        )
