"""Bundler mode: how webpack (enhanced-resolve) finds a request, loaders included.

Webpack does not resolve like node: it looks for modules in every ``modules`` folder of every
ancestor of its *context* (for loaders, the project's folder, whatever file names the loader), it
probes its own ``extensions``, tries ``mainFields`` in order, applies ``alias``, and picks ``exports``
conditions from ``conditionNames``. This is the subset of enhanced-resolve 5 nmdoctor needs to say
whether ``css-loader`` named in a config will be found (seed 002), checked against the real
enhanced-resolve in tests/differential.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field

from nmdoctor.resolve.errors import InvalidPackageConfig, ResolutionError
from nmdoctor.resolve.exports import package_exports_resolve
from nmdoctor.resolve.fileurl import file_url_to_path, path_to_file_url
from nmdoctor.resolve.lookup import DIR, FILE, Lookup, PackageConfig
from nmdoctor.vfs._walk import normalize
from nmdoctor.vfs.base import FileSystem

__all__ = [
    "BundlerOptions",
    "BundlerResolution",
    "BundlerResolver",
    "webpack_loader_defaults",
    "webpack_normal_defaults",
]


@dataclass(frozen=True, slots=True)
class BundlerOptions:
    modules: tuple[str, ...] = ("node_modules",)  # folder names (searched in every ancestor) or absolute paths
    alias: tuple[tuple[str, str | bool], ...] = ()  # ("name", target), ("name$", exact), target False: ignored
    extensions: tuple[str, ...] = (".js", ".json", ".wasm")
    main_fields: tuple[str, ...] = ("main",)
    main_files: tuple[str, ...] = ("index",)
    condition_names: tuple[str, ...] = ("webpack", "production", "node", "require")
    exports_fields: tuple[str, ...] = ("exports",)
    symlinks: bool = True


def webpack_loader_defaults() -> BundlerOptions:
    """webpack 5's ``resolveLoader`` defaults."""
    return BundlerOptions(
        extensions=(".js",),
        main_fields=("loader", "main"),
        condition_names=("loader", "require", "node"),
    )


def webpack_normal_defaults(target: str = "node") -> BundlerOptions:
    """webpack 5's ``resolve`` defaults for a CommonJS ``require`` (target ``node`` or ``web``)."""
    if target == "web":
        return BundlerOptions(
            main_fields=("browser", "module", "main"), condition_names=("webpack", "production", "browser", "require")
        )
    return BundlerOptions()


@dataclass(frozen=True, slots=True)
class BundlerResolution:
    request: str
    context: str
    resolved: str | None  # a path; None with ``error``; "" for a request aliased to false (ignored)
    error: str | None = None
    trace: tuple[str, ...] = field(default=(), compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None


def _ancestors(path: str) -> list[str]:
    """``path`` and every folder above it, nearest first (enhanced-resolve's getPaths)."""
    found = [path]
    while path != "/":
        path = posixpath.dirname(path)
        found.append(path)
    return found


class BundlerResolver:
    def __init__(self, fs: FileSystem, options: BundlerOptions) -> None:
        self.fs = fs
        self.options = options
        self.lookup = Lookup(fs)
        self._trace: list[str] = []
        self._checked: dict[str, bool] = {}

    def resolve(self, request: str, context: str) -> BundlerResolution:
        """Resolve ``request`` as webpack would from the folder ``context``."""
        self._trace = []
        try:
            self._description_file(normalize(context))
            found = self._resolve(request, normalize(context), depth=0)
        except ResolutionError as error:
            self._trace.append(f"{error.code}: {error.message}")
            found = None
        if found is None:
            message = f"Can't resolve '{request}' in '{context}'"
            return BundlerResolution(request, context, None, message, tuple(self._trace))
        return BundlerResolution(request, context, found, None, tuple(self._trace))

    def _resolve(self, request: str, context: str, depth: int) -> str | None:
        if depth > 8:
            return None
        aliased = self._alias(request)
        if aliased is not None:
            if aliased is False:
                return ""
            assert isinstance(aliased, str)
            if aliased != request:
                self._trace.append(f"alias: {request} -> {aliased}")
                return self._resolve(aliased, context, depth + 1)
        if request.startswith("/") or request in (".", "..") or request.startswith(("./", "../")):
            return self._finish(self._file_or_directory(posixpath.join(context, request), request.endswith("/")))
        return self._finish(self._module(request, context))

    def _alias(self, request: str) -> str | bool | None:
        for name, target in self.options.alias:
            exact = name.endswith("$")
            key = name[:-1] if exact else name
            if request == key or (not exact and request.startswith(key + "/")):
                if target is False:
                    return False
                return str(target) + request[len(key) :]
        return None

    def _finish(self, path: str | None) -> str | None:
        if path is None or path == "":
            return path
        # enhanced-resolve reads the description file (nearest package.json) of what it resolves;
        # one that is not JSON fails the resolution.
        folder = posixpath.dirname(path)
        self._description_file(folder)
        return self.lookup.realpath(path) if self.options.symlinks else path

    def _description_file(self, folder: str) -> None:
        """Read the nearest package.json above ``folder`` as enhanced-resolve does (JSON.parse: a
        byte-order mark is an error too); raise InvalidPackageConfig when it is not JSON."""
        while True:
            candidate = folder.rstrip("/") + "/package.json"
            if self.lookup.stat(candidate) == FILE:
                if candidate not in self._checked:
                    self._checked[candidate] = self._parses(candidate)
                if not self._checked[candidate]:
                    raise InvalidPackageConfig(f"{candidate} (directory description file): not valid JSON")
                return
            if folder == "/":
                return
            folder = posixpath.dirname(folder)

    def _parses(self, path: str) -> bool:
        try:
            data = json.loads(self.fs.read_bytes(path).decode("utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(data, dict)

    def _module(self, request: str, context: str) -> str | None:
        parts = request.split("/")
        name_length = 2 if request.startswith("@") else 1
        name = "/".join(parts[:name_length])
        subpath = "/".join(parts[name_length:])
        folders: list[str] = []
        for module in self.options.modules:
            if module.startswith("/"):
                folders.append(normalize(module))
            else:
                folders += [posixpath.join(ancestor, module) for ancestor in _ancestors(context)]
        for folder in folders:
            if self.lookup.stat(folder) != DIR:
                self._trace.append(f"{folder}: no such folder")
                continue
            package_dir = f"{folder}/{name}"
            config = self._package(package_dir)
            if config is not None and config.exists and self.options.exports_fields:
                exports = self._exports_of(package_dir)
                if exports is not None:
                    self._trace.append(f"{config.path}: has exports")
                    return self._exports(config, subpath)
            target = f"{package_dir}/{subpath}" if subpath else package_dir
            found = self._file_or_directory(target, request.endswith("/"))
            if found is not None:
                return found
        return None

    def _package(self, directory: str) -> PackageConfig | None:
        if self.lookup.stat(directory) != DIR:
            self._trace.append(f"{directory}: not found")
            return None
        return self.lookup.package_config(directory + "/package.json")

    def _exports_of(self, directory: str) -> object | None:
        try:
            raw = json.loads(self.fs.read_bytes(directory + "/package.json"))
        except (OSError, ValueError):
            return None
        for field_name in self.options.exports_fields:
            if isinstance(raw, dict) and raw.get(field_name) is not None:
                return raw[field_name]
        return None

    def _exports(self, config: PackageConfig, subpath: str) -> str | None:
        conditions = frozenset(self.options.condition_names)
        target = package_exports_resolve(
            self.lookup, config, path_to_file_url(config.path), "." + ("/" + subpath if subpath else ""), conditions
        )
        if isinstance(target, str):
            return None
        path = file_url_to_path(target)
        if self.lookup.stat(path) == FILE:
            self._trace.append(f"{path}: found (exports)")
            return path
        self._trace.append(f"{path}: exports target not found")
        return None

    def _file_or_directory(self, path: str, directory_only: bool) -> str | None:
        path = normalize(path)
        if not directory_only:
            for extension in ("", *self.options.extensions):
                candidate = path + extension
                if self.lookup.stat(candidate) == FILE:
                    self._trace.append(f"{candidate}: found")
                    return candidate
                self._trace.append(f"{candidate}: not a file")
        if self.lookup.stat(path) != DIR:
            return None
        config = self.lookup.package_config(path + "/package.json")
        if config.exists:
            try:
                raw = json.loads(self.fs.read_bytes(config.path))
            except (OSError, ValueError):
                raw = {}
            for field_name in self.options.main_fields:
                value = raw.get(field_name) if isinstance(raw, dict) else None
                if isinstance(value, str) and value not in ("", ".", "./"):
                    self._trace.append(f"{config.path}: {field_name} is {value!r}")
                    found = self._file_or_directory(posixpath.join(path, value), value.endswith("/"))
                    if found is not None:
                        return found
        for main_file in self.options.main_files:
            for extension in self.options.extensions:
                candidate = f"{path}/{main_file}{extension}"
                if self.lookup.stat(candidate) == FILE:
                    self._trace.append(f"{candidate}: found")
                    return candidate
                self._trace.append(f"{candidate}: not a file")
        return None
