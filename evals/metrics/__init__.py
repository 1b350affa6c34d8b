"""Pure metric functions: no I/O, no assistant, hand-checkable."""
