"""A small package of the linted project, imported by the ``realworld_reexported_*`` fixtures."""
