"""A small package of the linted project, imported by ``entry_keras_reexported_keras.py`` and ``untracked_reexported_tf_keras.py``."""
