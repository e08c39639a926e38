"""Runtime driver of the verbatim seed fixture ``../untracked_seed000_example3_tf_function_call.py``:
checks that ``self.w``, created in ``__init__`` with ``call`` a ``@tf.function`` (Example
3), is tracked and saved (see ``seed000_common``)."""

from seed000_common import check_weights_tracked_and_saved

check_weights_tracked_and_saved(__file__)
