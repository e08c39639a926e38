"""An example project that lints its Keras code with tfvarlint."""
