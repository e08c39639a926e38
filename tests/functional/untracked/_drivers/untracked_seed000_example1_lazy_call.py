"""Runtime driver of the verbatim seed fixture ``../untracked_seed000_example1_lazy_call.py``: checks
that the lazily created ``self.w`` (Example 1) is tracked and saved (see
``seed000_common``)."""

from seed000_common import check_weights_tracked_and_saved

check_weights_tracked_and_saved(__file__)
