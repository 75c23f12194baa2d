"""Node's own resolver: CommonJS (``cjs``) and ESM (``esm``) with ``exports``/``imports``
(``exports``), the package.json and file lookups they share (``lookup``), builtins, the rules that
differ between node versions (``versions``), Yarn PnP (``pnp``, ``pnp_state``) and the
``node_modules`` search paths. ``resolver.Resolver`` is the entry point (also ``nmdoctor.resolve``).
"""
