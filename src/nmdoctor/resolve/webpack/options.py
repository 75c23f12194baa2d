"""Bundler mode: how webpack 5 (enhanced-resolve 5.27.0) finds a request, loaders included.

Webpack does not resolve like node. It looks for modules in every ``modules`` folder of every
ancestor of its *context* (for a loader named by string, the compiler's context, i.e. the
project's folder, whatever package's config names the loader: seed 002). It first tries a bare
package path as a file, probes its own ``extensions``, tries ``mainFields`` in order, applies
``alias`` and the ``browser`` field, picks ``exports``/``imports`` targets from ``conditionNames``
and still probes extensions and ``index`` files behind an ``exports`` target, and resolves
symlinks by rewriting the path one link text at a time.

The port of enhanced-resolve is in ``pipeline`` (its hooks, in createResolver's order),
``plugins.package`` (its plugins), ``core`` (its request object and ``doResolve``),
``fields`` (its ``exports``/``imports`` rules) and ``paths`` (its path-string and
JSON rules). It only reads through the FileSystem protocol, and is checked against the real
enhanced-resolve in ``tests/differential/test_bundler_vs_enhanced_resolve.py`` and
``tests/unit/test_bundler.py``.

Not modelled: ``extensionAlias``, ``tsconfig``, ``pnpApi`` (Yarn PnP), ``packageMap``,
``restrictions``, ``resolveToContext``, ``unsafeCache``, custom ``plugins``, object-form
``mainFields`` with ``forceRelative: false``, Windows paths, and properties a JSON value inherits
in JavaScript (``Object.prototype``) except in the ``browser`` field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from nmdoctor.resolve.webpack.pipeline import Pipeline
from nmdoctor.vfs.base import FileSystem

__all__ = [
    "AliasTarget",
    "BundlerOptions",
    "BundlerResolution",
    "BundlerResolver",
    "webpack_loader_defaults",
    "webpack_normal_defaults",
]

AliasTarget = str | tuple[str, ...] | Literal[False]
"""Where an alias leads: a request, ``False`` (the module is ignored: an empty module), or several
requests tried in order (``False`` cannot be one of them: enhanced-resolve and webpack refuse it)."""

FieldName = str | tuple[str, ...]
"""A field of the description file; a tuple is a path into nested objects (``("a", "b")``)."""


@dataclass(frozen=True, slots=True)
class BundlerOptions:
    """enhanced-resolve options (``ResolverFactory.createResolver``); the defaults are its own.

    ``alias`` is the object form in order: ``("name", target)``; ``"name$"`` matches the request
    exactly; otherwise ``name/rest`` matches too; a single ``*`` in the name is a wildcard.
    ``modules`` are folder names (searched in every ancestor of the context) or absolute paths
    (searched as they are), in order. ``enforce_extension`` None means "when ``""`` is one of the
    extensions", as in enhanced-resolve.
    """

    modules: tuple[str, ...] = ("node_modules",)
    alias: tuple[tuple[str, AliasTarget], ...] = ()
    fallback: tuple[tuple[str, AliasTarget], ...] = ()
    alias_fields: tuple[FieldName, ...] = ()
    extensions: tuple[str, ...] = (".js", ".json", ".node")
    enforce_extension: bool | None = None
    main_fields: tuple[FieldName, ...] = ("main",)
    main_files: tuple[str, ...] = ("index",)
    condition_names: tuple[str, ...] = ()
    exports_fields: tuple[FieldName, ...] = ("exports",)
    imports_fields: tuple[FieldName, ...] = ("imports",)
    description_files: tuple[str, ...] = ("package.json",)
    symlinks: bool = True
    roots: tuple[str, ...] = ()
    prefer_relative: bool = False
    prefer_absolute: bool = False
    fully_specified: bool = False

    def __post_init__(self) -> None:
        for key, target in (*self.alias, *self.fallback):
            if isinstance(target, tuple) and not all(isinstance(item, str) for item in target):
                raise ValueError(f"alias {key!r}: a list of targets holds strings only (false is refused)")

    def to_enhanced_resolve(self) -> dict[str, Any]:
        """The same options as enhanced-resolve takes them (JSON-ready; aliases in array form, which
        keeps their order)."""

        def field_name(name: FieldName) -> str | list[str]:
            return list(name) if isinstance(name, tuple) else name

        def aliases(entries: tuple[tuple[str, AliasTarget], ...]) -> list[dict[str, Any]]:
            return [
                {
                    "name": key[:-1] if key.endswith("$") else key,
                    "onlyModule": key.endswith("$"),
                    "alias": list(target) if isinstance(target, tuple) else target,
                }
                for key, target in entries
            ]

        options: dict[str, Any] = {
            "modules": list(self.modules),
            "alias": aliases(self.alias),
            "fallback": aliases(self.fallback),
            "aliasFields": [field_name(item) for item in self.alias_fields],
            "extensions": list(self.extensions),
            "mainFields": [field_name(item) for item in self.main_fields],
            "mainFiles": list(self.main_files),
            "conditionNames": list(self.condition_names),
            "exportsFields": [field_name(item) for item in self.exports_fields],
            "importsFields": [field_name(item) for item in self.imports_fields],
            "descriptionFiles": list(self.description_files),
            "symlinks": self.symlinks,
            "roots": list(self.roots),
            "preferRelative": self.prefer_relative,
            "preferAbsolute": self.prefer_absolute,
            "fullySpecified": self.fully_specified,
        }
        if self.enforce_extension is not None:
            options["enforceExtension"] = self.enforce_extension
        return options


def webpack_loader_defaults() -> BundlerOptions:
    """webpack 5's ``resolveLoader`` defaults (lib/config/defaults.js, ``getResolveLoaderDefaults``)."""
    return BundlerOptions(
        condition_names=("loader", "require", "node"),
        exports_fields=("exports",),
        main_fields=("loader", "main"),
        extensions=(".js",),
        main_files=("index",),
    )


def webpack_normal_defaults(
    target: str = "node",
    *,
    context: str | None = None,
    dependency: str = "commonjs",
    mode: str = "production",
) -> BundlerOptions:
    """webpack 5's ``resolve`` defaults for one dependency type (``getResolveDefaults`` merged with its
    ``byDependency`` entry), for ``target`` ``"node"`` or ``"web"``.

    ``dependency`` is ``"commonjs"`` (``require``) or ``"esm"`` (``import``); ``context`` is the
    compiler's context (webpack's ``roots``: ``/x`` is looked for there first); ``mode`` is
    ``"production"`` (webpack's default) or ``"development"``. webpack also marks ``import`` from
    ``.mjs`` files and ``"type": "module"`` packages fully specified (a module rule, not a resolve
    default): pass ``dataclasses.replace(options, fully_specified=True)`` for those.
    """
    if target not in ("node", "web"):
        raise ValueError(f"target must be 'node' or 'web', not {target!r}")
    if dependency not in ("commonjs", "esm"):
        raise ValueError(f"dependency must be 'commonjs' or 'esm', not {dependency!r}")
    web = target == "web"
    stage = "development" if mode == "development" else "production"
    base_conditions = ("webpack", stage, "browser" if web else "node")
    first = "require" if dependency == "commonjs" else "import"
    return BundlerOptions(
        modules=("node_modules",),
        condition_names=(first, "module", *base_conditions),
        main_files=("index",),
        extensions=(".js", ".json", ".wasm"),
        alias_fields=("browser",) if web else (),
        exports_fields=("exports",),
        imports_fields=("imports",),
        roots=(context,) if context else (),
        main_fields=("browser", "module", "main") if web else ("module", "main"),
    )


@dataclass(frozen=True, slots=True)
class BundlerResolution:
    """One answer. ``resolved`` is what enhanced-resolve returns: the path with the request's
    ``?query`` and ``#fragment``; ``""`` when an alias or the browser field maps the request to
    ``false`` (``ignored``: webpack bundles an empty module); None with ``error``, webpack's words
    ("Can't resolve 'x' in '/app'", or the error enhanced-resolve raised)."""

    request: str
    context: str
    resolved: str | None
    error: str | None = None
    trace: tuple[str, ...] = field(default=(), compare=False)
    path: str | None = None
    query: str = ""
    fragment: str = ""
    ignored: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


class BundlerResolver:
    """Resolves requests as one webpack resolver configured with ``options``.

    The tree is taken as a snapshot: description files are read once per resolver. One resolution
    at a time (not thread-safe).
    """

    def __init__(self, fs: FileSystem, options: BundlerOptions) -> None:
        self.fs = fs
        self.options = options
        self._pipeline = Pipeline(fs, options)

    def resolve(self, request: str, context: str) -> BundlerResolution:
        """Resolve ``request`` from the folder ``context`` (an absolute path, used as given).

        ``trace`` lists each step: every folder and file probed and why it was passed over, each
        description file used, alias and field mappings, symlinks followed.
        """
        if not context.startswith("/"):
            raise ValueError(f"context must be an absolute path: {context!r}")
        outcome = self._pipeline.run(request, context)
        if outcome.error is not None:
            return BundlerResolution(request, context, None, outcome.error, outcome.log)
        if outcome.ignored:
            return BundlerResolution(request, context, "", None, outcome.log, ignored=True)
        path = outcome.path or ""
        return BundlerResolution(
            request,
            context,
            path + outcome.query + outcome.fragment,
            None,
            outcome.log,
            path=path,
            query=outcome.query,
            fragment=outcome.fragment,
        )
