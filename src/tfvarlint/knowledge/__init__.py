"""TensorFlow and Keras API facts, as data; nothing here walks a tree.

- :mod:`.spellings`: where TensorFlow and Keras live (every spelling of a namespace).
- :mod:`.creators`: what creates state, and the roles a class gets from its bases.
- :mod:`.entry_points`: what makes a body run on every call or trace, and what exempts a
  creation there.

Every name is canonical (:func:`tfvarlint.names.canonical`): ``tf.keras``,
``tensorflow.keras``, ``tf_keras`` and ``keras`` all read ``keras``. Evidence for each fact
is a runtime fixture (``docs/runtime-matrix.md``); change a fact only with a run.
"""

# pylint: disable=wildcard-import,unused-wildcard-import  # a facade over the three tables
from tfvarlint.knowledge.creators import *  # noqa: F403
from tfvarlint.knowledge.entry_points import *  # noqa: F403
from tfvarlint.knowledge.spellings import *  # noqa: F403
