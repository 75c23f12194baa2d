"""CommonJS ``require.resolve``: Module._resolveFilename of node v20 (lib/internal/modules/cjs/loader.js).

Procedure names follow the "All together" pseudo-code of doc/api/modules.md; the order of steps
and the places where Node throws instead of moving on follow the loader's source, which is what
users actually meet.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.resolve.errors import (
    EsmModuleNotFound,
    InvalidModuleSpecifier,
    InvalidUrlScheme,
    ModuleNotFound,
)
from nmdoctor.resolve.fileurl import FileUrl, file_url_to_path, path_to_file_url
from nmdoctor.resolve.node.builtins import builtin_name
from nmdoctor.resolve.node.esm import EsmResolver
from nmdoctor.resolve.node.exports import package_exports_resolve, package_imports_resolve
from nmdoctor.resolve.node.lookup import DIR, FILE, Lookup, PackageConfig
from nmdoctor.resolve.node.search_paths import node_modules_paths
from nmdoctor.vfs import normalize

__all__ = ["CjsResolver", "node_modules_paths"]

EXTENSIONS = (".js", ".json", ".node")
# EXPORTS_PATTERN of the loader; JavaScript's "." excludes line terminators.
_EXPORTS_PATTERN = re.compile(r"^((?:@[^/\\%]+/)?[^./\\%][^/\\%]*)(/[^\n\r\u2028\u2029]*)?$")
_ENCODED_SEPARATOR = re.compile(r"%2f|%5c", re.IGNORECASE)


def _is_relative_lookup(request: str) -> bool:
    """Module._resolveLookupPaths: requests looked up beside the parent rather than in node_modules."""
    return request.startswith(".") and (len(request) == 1 or request[1] in "./")


def _has_trailing_slash(request: str) -> bool:
    return request.endswith("/") or request in (".", "..") or request.endswith("/.") or request.endswith("/..")


class CjsResolver:
    """``require.resolve(request)`` from a parent module, over one Lookup."""

    def __init__(
        self,
        lookup: Lookup,
        conditions: frozenset[str],
        *,
        preserve_symlinks: bool,
        module_paths: tuple[str, ...],
        cwd: str,
    ) -> None:
        self.lookup = lookup
        self.conditions = conditions
        self.preserve_symlinks = preserve_symlinks
        self.module_paths = module_paths  # NODE_PATH entries, then the global folders
        self.cwd = cwd
        self.esm = EsmResolver(lookup, conditions, preserve_symlinks=preserve_symlinks)

    # -- Module._resolveFilename ------------------------------------------------------------
    def resolve(self, request: str, parent: str) -> str:
        """Absolute path of what ``require(request)`` from ``parent`` loads, or ``node:NAME``."""
        builtin = builtin_name(request, self.lookup.node_version)
        if builtin is not None:
            return "node:" + builtin
        # An unknown "node:x" is no builtin, and require.resolve looks it up like any other name.
        if _is_relative_lookup(request):
            paths = [posixpath.dirname(parent)]
        else:
            paths = [*node_modules_paths(posixpath.dirname(parent)), *self.module_paths]
        if request.startswith("#"):
            scope = self.read_package_scope(parent)
            if scope is not None and scope.imports is not None:
                return self._imports(request, parent, scope)
        self_resolved = self.try_self(parent, request)
        if self_resolved is not None:
            return self_resolved
        found = self.find_path(request, paths)
        if found is not None:
            return found
        raise ModuleNotFound(f"Cannot find module '{request}'")

    def _imports(self, request: str, parent: str, scope: PackageConfig) -> str:
        base = path_to_file_url(parent)
        try:
            resolved = package_imports_resolve(
                self.lookup,
                request,
                lambda: self.esm.package_scope_config(base),
                self.conditions,
                self.esm.package_resolve,
                parent,
            )
        except EsmModuleNotFound:
            raise ModuleNotFound(f"Cannot find module '{request}'") from None
        return self.finalize_esm_resolution(resolved, scope)

    # -- LOAD_PACKAGE_SELF --------------------------------------------------------------------
    def try_self(self, parent: str, request: str) -> str | None:
        scope = self.read_package_scope(parent)
        if scope is None or scope.exports is None or scope.name is None:
            return None
        if request == scope.name:
            subpath = "."
        elif request.startswith(scope.name + "/"):
            subpath = "." + request[len(scope.name) :]
        else:
            return None
        self.lookup.note(scope.path, f'self-reference: the package scope is named "{scope.name}"')
        return self._exports(scope, subpath, request)

    def read_package_scope(self, parent: str) -> PackageConfig | None:
        """The nearest package.json above ``parent``, not looking past a ``node_modules`` folder."""
        check = parent
        while True:
            separator = check.rfind("/")
            check = check[:separator]
            if check.endswith("/node_modules"):
                return None
            config = self.lookup.package_config(check + "/package.json")
            if config.exists:
                return config
            if separator <= 0:
                return None

    # -- LOAD_PACKAGE_EXPORTS -------------------------------------------------------------------
    def resolve_exports(self, node_modules: str, request: str) -> str | None:
        match = _EXPORTS_PATTERN.match(request)
        if match is None:
            return None
        name, expansion = match.group(1), match.group(2) or ""
        package_dir = self._resolve(node_modules, name)
        config = self.lookup.package_config(package_dir + "/package.json")
        if not config.exists or config.exports is None:
            return None
        self.lookup.note(config.path, 'has "exports": only the subpaths it lists can be required')
        return self._exports(config, "." + expansion, request)

    def _exports(self, config: PackageConfig, subpath: str, request: str) -> str:
        try:
            resolved = package_exports_resolve(
                self.lookup, config, path_to_file_url(config.path), subpath, self.conditions
            )
        except EsmModuleNotFound:
            raise ModuleNotFound(f"Cannot find module '{request}'") from None
        return self.finalize_esm_resolution(resolved, config)

    def finalize_esm_resolution(self, resolved: FileUrl | str, config: PackageConfig) -> str:
        if isinstance(resolved, str):
            raise InvalidUrlScheme(f"The URL must be of scheme file: {resolved}")
        if _ENCODED_SEPARATOR.search(resolved.href):
            raise InvalidModuleSpecifier(f'Invalid module "{resolved.href}" must not include encoded "/" or "\\"')
        try:
            filename = file_url_to_path(resolved)
        except InvalidModuleSpecifier as error:
            raise ModuleNotFound(str(error)) from None
        found = self.try_file(filename)
        if found is not None:
            return found
        raise ModuleNotFound(f"Cannot find module '{filename}' (from {config.path})")

    # -- Module._findPath -----------------------------------------------------------------
    def find_path(self, request: str, paths: list[str]) -> str | None:
        absolute = request.startswith("/")
        if absolute:
            paths = [""]
        trailing_slash = _has_trailing_slash(request)
        inside_path = True
        if _is_relative_lookup(request) and posixpath.normpath(request).startswith(".."):
            inside_path = False
        for current in paths:
            if inside_path and current and self._stat(current) != DIR:
                self.lookup.note(current, "no such folder")
                continue
            if not absolute:
                exported = self.resolve_exports(current, request)
                if exported is not None:
                    return exported
            base = self._resolve(current, request)
            kind = self._stat(base)
            filename = None
            if not trailing_slash:
                if kind == FILE:
                    filename = self._to_real(base)
                else:
                    if self.lookup.trace is not None:
                        self.lookup.note(base, self.lookup.describe(base))
                    filename = self.try_extensions(base)
            if filename is None and kind == DIR:
                filename = self.try_package(base, request)
            if filename is not None:
                return filename
        return None

    def try_package(self, request_path: str, original: str) -> str | None:
        """LOAD_AS_DIRECTORY: ``main`` (as a file, then its index), else the folder's index."""
        config = self.lookup.package_config(request_path + "/package.json")
        main = config.main
        if not main:
            return self.try_extensions(request_path + "/index")
        self.lookup.note(config.path, f'"main" is "{main}"')
        filename = normalize(posixpath.join(request_path, main))
        found = (
            self.try_file(filename)
            or self.try_extensions(filename)
            or self.try_extensions(posixpath.join(filename, "index"))
        )
        if found is not None:
            return found
        found = self.try_extensions(request_path + "/index")
        if found is None:
            # Node throws here instead of trying the next node_modules folder.
            self.lookup.note(config.path, f'"main" "{main}" leads nowhere and there is no index')
            raise ModuleNotFound(
                f"Cannot find module '{filename}'. Please verify that the package.json has a valid "
                f'"main" entry (required as {original!r})'
            )
        self.lookup.note(config.path, f'"main" "{main}" leads nowhere; used the index (DEP0128)')
        return found

    def try_extensions(self, base: str) -> str | None:
        for extension in EXTENSIONS:
            found = self.try_file(base + extension)
            if found is not None:
                return found
        return None

    def try_file(self, path: str) -> str | None:
        if self._stat(path) != FILE:
            if self.lookup.trace is not None:
                self.lookup.note(path, self.lookup.describe(path))
            return None
        return self._to_real(path)

    # -- helpers --------------------------------------------------------------------------------
    def _resolve(self, directory: str, request: str) -> str:
        """path.resolve(directory, request), with relative NODE_PATH entries taken from the cwd."""
        return normalize(posixpath.join(self.cwd, directory, request))

    def _stat(self, path: str) -> int:
        if not path.startswith("/"):
            path = normalize(posixpath.join(self.cwd, path))
        return self.lookup.stat(path)

    def _to_real(self, path: str) -> str:
        if self.preserve_symlinks:
            path = normalize(path)  # path.resolve: "lib//main.js" from an exports target is "lib/main.js"
            self.lookup.note(path, "found")
            return path
        real = self.lookup.realpath(path)
        self.lookup.note(path, "found" if real == path else f"found, real path {real}")
        return real
