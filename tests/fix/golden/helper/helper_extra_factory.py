# runtime: keras3=raises keras2=raises
# runtime-raises: tf.function only supports singleton tf.Variables
"""tfvarlint-extra-variable-factories (helper_extra_factory.rc) names a factory it cannot see into.

Without the option nothing here is reported (tests/unit/test_options.py checks both).
"""

import tensorflow as tf

from helperpkg import helperpkg_factory
from helperpkg.helperpkg_factory import make_weight
from runtime_support import run_cases


imported_name_make_weight = make_weight((2,))


@tf.function
def imported_name(x):
    return x * imported_name_make_weight  # [tf-variable-created-in-tf-function]


module_attribute_make_weight = helperpkg_factory.make_weight((2,))


@tf.function
def module_attribute(x):
    return x * module_attribute_make_weight  # [tf-variable-created-in-tf-function]


if __name__ == "__main__":
    x = tf.ones((2,))

    def case_imported_name():
        imported_name(x)

    def case_module_attribute():
        module_attribute(x)

    run_cases(case_imported_name, case_module_attribute)
