"""Bundler mode: how webpack 5 (enhanced-resolve 5.27.0) finds a request, loaders included.

Webpack does not resolve like node. It looks for modules in every ``modules`` folder of every
ancestor of its *context* (for a loader named by string, the compiler's context, i.e. the
project's folder, whatever package's config names the loader: seed 002). It first tries a bare
package path as a file, probes its own ``extensions``, tries ``mainFields`` in order, applies
``alias`` and the ``browser`` field, picks ``exports``/``imports`` targets from ``conditionNames``
and still probes extensions and ``index`` files behind an ``exports`` target, and resolves
symlinks by rewriting the path one link text at a time.

``resolver`` holds ``BundlerResolver`` and ``options`` its options and webpack's defaults. The port
of enhanced-resolve is in ``pipeline`` (its hooks, in createResolver's order), ``plugins/`` (its
plugins, one module per family: ``request``, ``alias``, ``package``, ``folders``), ``core`` (its
request object and ``doResolve``), ``fields`` (its ``exports``/``imports`` rules) and ``paths``
(its path-string and JSON rules). It only reads through the FileSystem protocol, and is checked
against the real enhanced-resolve in ``tests/differential/test_bundler_vs_enhanced_resolve.py`` and
``tests/unit/test_bundler.py``.

Not modelled: ``extensionAlias``, ``tsconfig``, ``pnpApi`` (Yarn PnP), ``packageMap``,
``restrictions``, ``resolveToContext``, ``unsafeCache``, custom ``plugins``, object-form
``mainFields`` with ``forceRelative: false``, Windows paths, and properties a JSON value inherits
in JavaScript (``Object.prototype``) except in the ``browser`` field.
"""
