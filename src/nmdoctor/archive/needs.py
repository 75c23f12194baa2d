"""Whether a dependency absent from a packed app is needed when the app runs.

A packer leaves a declared dependency out for reasons that break nothing, and the comparison must
tell those apart from the ones that fail:

- a package with no code node can load (``@types/*``, ``*-interop-types``: declaration files only)
  is never required at run time; electron-builder 24 and 25 leave ``@types`` packages out on
  purpose, and ``require`` of one fails in the source too;
- a packed package whose own code, from its entry points, names none of the dependency (it bundles
  it, or declares it and never uses it) does not load it: the app works, by the package's grace;
- a bundled app (electron-vite, webpack) excludes ``node_modules`` with its ``files`` filters and
  keeps only the externals its bundle requires: the app's own declared dependencies that the packed
  code, walked from its entry point, never imports are in the bundle, not missing.
"""

from __future__ import annotations

from nmdoctor.inspect.package_code import entry_files, scan_package
from nmdoctor.model.graph import Instance
from nmdoctor.resolve import ResolveOptions, Resolver
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["code_names", "is_types_only"]

# Files node can load: code, JSON data (require('./data.json')), native addons, WebAssembly.
_LOADABLE = (".js", ".cjs", ".mjs", ".jsx", ".node", ".wasm", ".json")
_DECLARATIONS = (".d.ts", ".d.mts", ".d.cts")
_MAX_FILES = 5000  # more than this and the package is taken to hold code (no type package is so large)


def is_types_only(fs: FileSystem | None, instance: Instance) -> bool:
    """True when the package holds declaration files and no file node could load (its package.json
    and documents aside). Without a view of its files (a source read from its lockfile), a ``@types/``
    package is one by definition."""
    if fs is None or instance.name.startswith("@types/"):
        return instance.name.startswith("@types/")  # old @types packages hold a types-metadata.json
    pending = [instance.path]
    seen = 0
    declarations = False
    while pending:
        folder = pending.pop()
        try:
            entries = fs.listdir(folder)
        except FileSystemError:
            return False
        for entry in entries:
            seen += 1
            if seen > _MAX_FILES:
                return False
            path = f"{folder}/{entry}"
            stat = fs.lstat(path)
            if stat is None:
                continue
            if stat.kind is Kind.DIR:
                if entry != "node_modules":
                    pending.append(path)
                continue
            lower = entry.lower()
            if lower.endswith(_DECLARATIONS):
                declarations = True
                continue
            if lower.endswith(_LOADABLE) and not (folder == instance.path and lower == "package.json"):
                return False
    return declarations


def code_names(fs: FileSystem, instance: Instance) -> frozenset[str] | None:
    """The package names the package's own code names, from its entry points on (``require``,
    ``import``, ``require.resolve``), as the scan of installed packages' code reads them; None when
    the scan could not read each entry point (none found, or one too large to parse)."""
    resolver = Resolver(fs, ResolveOptions())
    entries = entry_files(fs, resolver, instance)
    scan = scan_package(fs, resolver, instance.path)
    scanned = {f"{instance.path}/{file.path}" for file in scan.files} | {file.path for file in scan.files}
    if not entries or any(entry not in scanned for entry in entries):
        return None
    names: set[str] = set()
    for file in scan.files:
        names.update(file.names)
    return frozenset(names)
