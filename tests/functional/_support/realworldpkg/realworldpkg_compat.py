# runtime: keras3=ok keras2=ok
# runtime-reason: a helper module; it only picks and re-exports tf-keras for the fixtures entry_keras_reexported_keras and untracked_reexported_tf_keras
"""Picks the Keras the project supports and re-exports it, as transformers 4.46's
``modeling_tf_utils`` does (``from ...modeling_tf_utils import keras`` in every model)."""

try:
    import tf_keras as keras
except ImportError:  # pragma: no cover - tf-keras is installed with the runtime extra
    import keras

    if int(keras.__version__.split(".", 1)[0]) > 2:
        raise

__all__ = ["keras"]
