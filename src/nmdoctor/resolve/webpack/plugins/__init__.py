"""enhanced-resolve's plugins, one module per family; ``webpack.pipeline`` taps them onto its hooks.

Each plugin is a method of its family's class (all of them ``core.Core``, which ``Pipeline``
combines) and returns a ``Request`` (a result), ``STOP`` (the hook stops without a result) or None
(the next tap of the hook runs); errors raise BundlerError, which aborts the whole resolution.
"""
