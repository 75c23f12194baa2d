"""ESM_RESOLVE: what ``import`` loads (doc/api/esm.md, "Resolver Algorithm Specification").

Follows node v20's lib/internal/modules/esm/resolve.js (defaultResolve, moduleResolve,
packageResolve, legacyMainResolve, finalizeResolution), which differs from the CommonJS loader:
no extension or index probing, no NODE_PATH, and the upward node_modules walk does not skip
folders named node_modules.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.resolve.errors import (
    EsmModuleNotFound,
    InvalidModuleSpecifier,
    UnknownBuiltinModule,
    UnsupportedDirImport,
    UnsupportedEsmUrlScheme,
)
from nmdoctor.resolve.fileurl import FileUrl, file_url_to_path, parse_scheme, path_to_file_url, url_resolve
from nmdoctor.resolve.node.builtins import builtins_for
from nmdoctor.resolve.node.exports import package_exports_resolve, package_imports_resolve
from nmdoctor.resolve.node.lookup import DIR, FILE, Lookup, PackageConfig
from nmdoctor.resolve.node.versions import LEGACY_MAIN_BY_PATH
from nmdoctor.vfs import normalize

__all__ = ["EsmResolver", "is_relative_specifier"]

_ENCODED_SEPARATOR = re.compile(r"%2f|%5c", re.IGNORECASE)
_INVALID_PACKAGE_NAME = re.compile(r"^\.|%|\\")
_LEGACY_MAIN_SUFFIXES = (".js", ".json", ".node", "/index.js", "/index.json", "/index.node")


def is_relative_specifier(specifier: str) -> bool:
    """``./x``, ``../x``, ``.`` or ``..`` (Node's isRelativeSpecifier)."""
    if not specifier.startswith("."):
        return False
    return (
        len(specifier) == 1
        or specifier[1] == "/"
        or (specifier[1] == "." and (len(specifier) == 2 or specifier[2] == "/"))
    )


class EsmResolver:
    """ESM resolution over one Lookup, for one set of conditions."""

    def __init__(self, lookup: Lookup, conditions: frozenset[str], *, preserve_symlinks: bool) -> None:
        self.lookup = lookup
        self.conditions = conditions
        self.preserve_symlinks = preserve_symlinks
        self.builtins, self.scheme_only = builtins_for(lookup.node_version)

    # -- entry points ---------------------------------------------------------------------------
    def resolve(self, specifier: str, parent: FileUrl) -> str:
        """The resolved file path, ``node:NAME`` or a ``data:`` URL; raises ResolutionError."""
        if specifier == "" or not (specifier[0] == "/" or is_relative_specifier(specifier)):
            scheme = parse_scheme(specifier)
            if scheme == "data:":
                return specifier
            if scheme == "node:":
                # The loader takes the specifier as written: "NODE:fs" is no builtin it knows.
                name = specifier[5:]
                if not specifier.startswith("node:") or (name not in self.builtins and name not in self.scheme_only):
                    raise UnknownBuiltinModule(f"No such built-in module: {specifier}")
                return specifier
            if scheme is not None and scheme != "file:":
                raise UnsupportedEsmUrlScheme(
                    "Only URLs with a scheme in: file, data, and node are supported by the default "
                    f"ESM loader. Received protocol '{scheme}'"
                )
        return self.module_resolve(specifier, parent)

    def module_resolve(self, specifier: str, base: FileUrl) -> str:
        resolved: FileUrl | str
        if specifier != "" and (specifier[0] == "/" or is_relative_specifier(specifier)):
            resolved = url_resolve(specifier, base)
        elif specifier.startswith("#"):
            resolved = package_imports_resolve(
                self.lookup,
                specifier,
                lambda: self.package_scope_config(base),
                self.conditions,
                self.package_resolve,
                self._where(base),
            )
        elif parse_scheme(specifier) == "file:":
            resolved = url_resolve(specifier, base)
        else:
            resolved = self.package_resolve(specifier, base, self.conditions)
        if isinstance(resolved, str):
            return resolved
        path = self.finalize_resolution(resolved, base)
        self._check_format_scope(path)
        return path

    def _check_format_scope(self, path: str) -> None:
        """Node decides a ``.js`` or extensionless file's format from its package scope while
        resolving, so a package.json there that is not JSON fails the import."""
        name = path.rpartition("/")[2]
        dot = name.rfind(".")
        extension = name[dot:] if dot > 0 else ""
        if extension in (".js", ""):
            self.package_scope_config(path_to_file_url(path))

    # -- procedures -----------------------------------------------------------------------------
    def finalize_resolution(self, resolved: FileUrl, base: FileUrl) -> str:
        if _ENCODED_SEPARATOR.search(resolved.pathname):
            raise InvalidModuleSpecifier(
                f'Invalid module "{resolved.pathname}" must not include encoded "/" or "\\" characters '
                f"imported from {self._where(base)}"
            )
        path = file_url_to_path(resolved)
        # Node stats path.slice(-1) for a path that ends in "/", which is "/" itself: a directory.
        kind = DIR if path.endswith("/") else self.lookup.stat(path)
        if kind == DIR:
            self.lookup.note(path, "is a directory (ESM does not load folders)")
            raise UnsupportedDirImport(
                f"Directory import '{path}' is not supported resolving ES modules imported from {self._where(base)}"
            )
        if kind != FILE:
            self.lookup.note(path, "not found")
            raise EsmModuleNotFound(f"Cannot find module '{path}' imported from {self._where(base)}")
        if self.preserve_symlinks:
            self.lookup.note(path, "found")
            return path
        real = self.lookup.realpath(path)
        self.lookup.note(path, "found" if real == path else f"found, real path {real}")
        return real

    def package_scope_config(self, url: FileUrl) -> PackageConfig:
        """GET_PACKAGE_SCOPE_CONFIG: the nearest package.json, not looking past a node_modules folder."""
        package_json = url_resolve("./package.json", url)
        while True:
            if package_json.pathname.endswith("node_modules/package.json"):
                break
            config = self.lookup.package_config(file_url_to_path(package_json))
            if config.exists:
                return config
            last = package_json
            package_json = url_resolve("../package.json", package_json)
            if package_json.pathname == last.pathname:
                break
        return PackageConfig(file_url_to_path(package_json), exists=False)

    def package_resolve(self, specifier: str, base: FileUrl, conditions: frozenset[str]) -> FileUrl | str:
        """PACKAGE_RESOLVE(packageSpecifier, parentURL)."""
        if specifier in self.builtins:
            return "node:" + specifier
        name, subpath = self._parse_package_name(specifier, base)
        scope = self.package_scope_config(base)
        if scope.exists and scope.exports is not None and scope.name == name:
            self.lookup.note(scope.path, f'self-reference: the package scope is named "{name}"')
            return package_exports_resolve(self.lookup, scope, path_to_file_url(scope.path), subpath, conditions)
        package_json = url_resolve("./node_modules/" + name + "/package.json", base)
        up = "../../../../node_modules/" if name.startswith("@") else "../../../node_modules/"
        while True:
            package_json_path = file_url_to_path(package_json)
            folder = package_json_path[: -len("/package.json")]
            if self.lookup.stat(folder) != DIR:
                self.lookup.note(folder, "no such package folder")
                last = package_json_path
                package_json = url_resolve(up + name + "/package.json", package_json)
                if len(file_url_to_path(package_json)) == len(last):
                    break
                continue
            self.lookup.note(folder, "package folder found")
            config = self.lookup.package_config(package_json_path)
            if config.exports is not None:
                return package_exports_resolve(self.lookup, config, package_json, subpath, conditions)
            if subpath == ".":
                return self.legacy_main_resolve(package_json, config, base)
            return url_resolve(subpath, package_json)
        raise EsmModuleNotFound(f"Cannot find package '{name}' imported from {self._where(base)}")

    def legacy_main_resolve(self, package_json: FileUrl, config: PackageConfig, base: FileUrl) -> FileUrl:
        """LEGACY_MAIN_RESOLVE: ``main`` with the CommonJS-style guesses, then ``index.*``.

        As node's legacyMainResolve (C++, node_file.cc): a guess is the *path* of ``main`` plus a
        suffix ("", .js, .json, .node, /index.js, /index.json, /index.node); the URL it returns is
        then rebuilt from ``main + suffix``, which is not always the file that was found (``main``
        "lib/." found as "lib/.json" comes back as "lib/..json"; finalize_resolution then fails),
        node's own quirk, kept. Node 20 takes the path of the URL ``./main``; node 22+ takes
        path.resolve(package, main) (LEGACY_MAIN_BY_PATH).
        """
        folder = file_url_to_path(package_json).rpartition("/")[0]
        by_path = self.lookup.node_version.has(LEGACY_MAIN_BY_PATH)
        if config.main is not None:
            start = self._legacy_main_start(package_json, folder, config.main, by_path=by_path)
            for suffix in ("", *_LEGACY_MAIN_SUFFIXES) if start is not None else ():
                found = self.lookup.stat(start + suffix) == FILE
                self.lookup.note(start + suffix, "found" if found else "not a file")
                if found:
                    if by_path:
                        return path_to_file_url(normalize(posixpath.join(folder, (config.main or "./") + suffix)))
                    return url_resolve(f"./{config.main}{suffix}", package_json)
        for index in ("index.js", "index.json", "index.node"):
            guess = folder + "/" + index
            found = self.lookup.stat(guess) == FILE
            self.lookup.note(guess, "found" if found else "not a file")
            if found:
                return url_resolve("./" + index, package_json)
        raise EsmModuleNotFound(f"Cannot find package '{folder}' imported from {self._where(base)}")

    @staticmethod
    def _legacy_main_start(package_json: FileUrl, folder: str, main: str, *, by_path: bool) -> str | None:
        """The path the suffixes are appended to, or None when node 20 cannot turn it into one."""
        if by_path:
            return normalize(posixpath.join(folder, main))
        try:
            return file_url_to_path(url_resolve(f"./{main}", package_json))
        except InvalidModuleSpecifier:
            return None

    # -- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _parse_package_name(specifier: str, base: FileUrl) -> tuple[str, str]:
        # As node's parsePackageName: an empty specifier is not refused here; its lookup of the
        # package "" fails later with ERR_MODULE_NOT_FOUND.
        separator = specifier.find("/")
        valid = True
        if specifier.startswith("@"):
            if separator == -1:
                valid = False
            else:
                separator = specifier.find("/", separator + 1)
        name = specifier if separator == -1 else specifier[:separator]
        if _INVALID_PACKAGE_NAME.search(name):
            valid = False
        if not valid:
            raise InvalidModuleSpecifier(
                f'Invalid module "{specifier}" is not a valid package name imported from {EsmResolver._where(base)}'
            )
        return name, "." + specifier[len(name) :]

    @staticmethod
    def _where(base: FileUrl) -> str:
        try:
            return file_url_to_path(base)
        except InvalidModuleSpecifier:
            return base.href
