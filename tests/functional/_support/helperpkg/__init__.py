"""A small package of the linted project, imported by the ``helper_*`` fixtures.

Its modules define helpers and classes that create state; the fixtures in ``helper/``
call them from traced bodies (cross-module helper following, issue 6).
"""

from .helperpkg_util import make_weight as make_weight  # re-exported: ``from helperpkg import make_weight``
