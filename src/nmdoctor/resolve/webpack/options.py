"""The options of a webpack resolver (enhanced-resolve's), and webpack 5's defaults for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "AliasTarget",
    "BundlerOptions",
    "FieldName",
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
