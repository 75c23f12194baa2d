"""PACKAGE_EXPORTS_RESOLVE, PACKAGE_IMPORTS_RESOLVE and their target rules (doc/api/esm.md).

Written after node v20's lib/internal/modules/esm/resolve.js, which both loaders share: CommonJS
``require`` of a package with ``exports`` and of ``#imports`` goes through these same procedures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from nmdoctor.resolve.errors import (
    InvalidModuleSpecifier,
    InvalidPackageConfig,
    InvalidPackageTarget,
    PackageImportNotDefined,
    PackagePathNotExported,
)
from nmdoctor.resolve.fileurl import FileUrl, parse_scheme, path_to_file_url, url_resolve
from nmdoctor.resolve.node.lookup import Lookup, PackageConfig
from nmdoctor.resolve.node.versions import IMPORTS_HASH_SLASH

__all__ = [
    "PackageResolve",
    "package_exports_resolve",
    "package_imports_resolve",
    "pattern_key_compare",
]

PackageResolve = Callable[[str, FileUrl, frozenset[str]], "FileUrl | str"]
"""PACKAGE_RESOLVE(specifier, base, conditions), used by ``imports`` targets that name a package."""

_SEGMENT = (
    r"(?:\.|%2e)(?:\.|%2e)?|(?:n|%6e|%4e)(?:o|%6f|%4f)(?:d|%64|%44)(?:e|%65|%45)(?:_|%5f)(?:m|%6d|%4d)"
    r"(?:o|%6f|%4f)(?:d|%64|%44)(?:u|%75|%55)(?:l|%6c|%4c)(?:e|%65|%45)(?:s|%73|%53)"
)
# Node's invalidSegmentRegEx also matches empty segments ("//"), which only warn (DEP0166);
# this is its deprecatedInvalidSegmentRegEx: the segments that throw.
_THROWING_SEGMENT = re.compile(rf"(?:^|\\|/)(?:{_SEGMENT})(?:\\|/|$)", re.IGNORECASE)


def _is_array_index(key: str) -> bool:
    return key.isdigit() and (key == "0" or not key.startswith("0")) and int(key) < 0xFFFF_FFFF


def _js_truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return value is not None and value != ""


def pattern_key_compare(a: str, b: str) -> int:
    """PATTERN_KEY_COMPARE: -1 if ``a`` is more specific than ``b``, 1 if less, 0 if equal."""
    a_star = a.find("*")
    b_star = b.find("*")
    base_a = len(a) if a_star == -1 else a_star + 1
    base_b = len(b) if b_star == -1 else b_star + 1
    if base_a > base_b:
        return -1
    if base_b > base_a:
        return 1
    if a_star == -1:
        return 1
    if b_star == -1:
        return -1
    if len(a) > len(b):
        return -1
    if len(b) > len(a):
        return 1
    return 0


def _is_conditional_exports_main_sugar(exports: Any, package: PackageConfig) -> bool:
    if isinstance(exports, str | list):
        return True
    if not isinstance(exports, dict):
        return False
    sugar = False
    for index, key in enumerate(exports):
        current = key == "" or key[0] != "."
        if index == 0:
            sugar = current
        elif sugar != current:
            raise InvalidPackageConfig(
                f'Invalid package config {package.path}. "exports" cannot contain some keys '
                "starting with '.' and some not."
            )
    return sugar


class _TargetResolver:
    """RESOLVE_PACKAGE_TARGET for one package.json, with the parameters that stay fixed."""

    def __init__(
        self,
        lookup: Lookup,
        package: PackageConfig,
        package_url: FileUrl,
        conditions: frozenset[str],
        *,
        internal: bool,
        package_resolve: PackageResolve | None,
    ) -> None:
        self.lookup = lookup
        self.package = package
        self.package_url = package_url  # the URL of package.json itself
        self.conditions = conditions
        self.internal = internal
        self.package_resolve = package_resolve

    def invalid_target(self, match: str, target: Any) -> InvalidPackageTarget:
        field = "imports" if self.internal else "exports"
        return InvalidPackageTarget(
            f'Invalid "{field}" target {target!r} defined for {match!r} in the package config {self.package.path}'
        )

    def resolve(self, target: Any, subpath: str, match: str, *, pattern: bool, path_map: bool) -> Any:
        """FileUrl, None (explicitly excluded: null) or ``_UNDEFINED`` (no condition matched)."""
        if isinstance(target, str):
            return self.resolve_string(target, subpath, match, pattern=pattern, path_map=path_map)
        if isinstance(target, list):
            if not target:
                return None
            last_error: Exception | None | object = _UNDEFINED
            for item in target:
                try:
                    result = self.resolve(item, subpath, match, pattern=pattern, path_map=path_map)
                except InvalidPackageTarget as error:
                    last_error = error
                    continue
                if result is _UNDEFINED:
                    continue
                if result is None:
                    last_error = None
                    continue
                return result
            if last_error is _UNDEFINED or last_error is None:
                return last_error
            assert isinstance(last_error, Exception)
            raise last_error
        if isinstance(target, dict):
            for key in target:
                if _is_array_index(key):
                    raise InvalidPackageConfig(
                        f'Invalid package config {self.package.path}. "exports" cannot contain numeric property keys.'
                    )
            for key, value in target.items():
                if key == "default" or key in self.conditions:
                    self.lookup.note(self.package.path, f'condition "{key}" matches')
                    result = self.resolve(value, subpath, match, pattern=pattern, path_map=path_map)
                    if result is _UNDEFINED:
                        continue
                    return result
            return _UNDEFINED
        if target is None:
            return None
        raise self.invalid_target(match, target)

    def resolve_string(self, target: str, subpath: str, match: str, *, pattern: bool, path_map: bool) -> FileUrl | str:
        if subpath != "" and not pattern and not target.endswith("/"):
            raise self.invalid_target(match, target)
        if not target.startswith("./"):
            if (
                self.internal
                and not target.startswith("../")
                and not target.startswith("/")
                and self.package_resolve is not None
                and parse_scheme(target) is None
            ):
                export_target = target.replace("*", subpath) if pattern else target + subpath
                self.lookup.note(self.package.path, f'"{match}" maps to the package "{export_target}"')
                return self.package_resolve(export_target, self.package_url, self.conditions)
            raise self.invalid_target(match, target)
        # Segments like "" only warn (DEP0166); ".", "..", "node_modules" throw.
        if _THROWING_SEGMENT.search(target[2:]) is not None:
            raise self.invalid_target(match, target)
        resolved = url_resolve(target, self.package_url)
        package_path = self.package_url.pathname.rpartition("/")[0] + "/"
        if not resolved.pathname.startswith(package_path):
            raise self.invalid_target(match, target)
        if subpath == "":
            return resolved
        if _THROWING_SEGMENT.search(subpath) is not None:
            request = match.replace("*", subpath, 1) if pattern else match + subpath
            field = "imports" if self.internal else "exports"
            raise InvalidModuleSpecifier(
                f'Invalid "{field}" request {request!r}: the subpath "{subpath}" has a forbidden segment '
                f"({self.package.path})"
            )
        if pattern:
            return url_resolve(resolved.href.replace("*", subpath), resolved)
        return url_resolve(subpath, resolved)


class _Undefined:
    """JavaScript's ``undefined`` in target resolution: no condition matched (unlike ``null``)."""

    def __repr__(self) -> str:
        return "undefined"


_UNDEFINED: Any = _Undefined()


def _best_pattern(keys: Any, match_key: str) -> tuple[str, str]:
    """The most specific ``*`` key that matches ``match_key``, and the text its ``*`` stands for."""
    best = ""
    best_subpath = ""
    for key in keys:
        star = key.find("*")
        if star == -1 or not match_key.startswith(key[:star]):
            continue
        trailer = key[star + 1 :]
        if (
            len(match_key) >= len(key)
            and match_key.endswith(trailer)
            and pattern_key_compare(best, key) == 1
            and key.rfind("*") == star
        ):
            best = key
            best_subpath = match_key[star : len(match_key) - len(trailer)]
    return best, best_subpath


def package_exports_resolve(
    lookup: Lookup,
    package: PackageConfig,
    package_url: FileUrl,
    subpath: str,
    conditions: frozenset[str],
) -> FileUrl:
    """PACKAGE_EXPORTS_RESOLVE(packageURL, subpath, exports, conditions)."""
    exports = package.exports
    if _is_conditional_exports_main_sugar(exports, package):
        exports = {".": exports}
    targets = _TargetResolver(lookup, package, package_url, conditions, internal=False, package_resolve=None)
    if isinstance(exports, dict) and subpath in exports and "*" not in subpath and not subpath.endswith("/"):
        lookup.note(package.path, f'"exports" has the key "{subpath}"')
        result = targets.resolve(exports[subpath], "", subpath, pattern=False, path_map=False)
        if result is None or result is _UNDEFINED:
            raise _not_exported(package, subpath)
        return result  # type: ignore[no-any-return]
    keys = exports if isinstance(exports, dict) else ()
    best, best_subpath = _best_pattern(keys, subpath)
    if best:
        lookup.note(package.path, f'"exports" pattern "{best}" matches with "*" = "{best_subpath}"')
        assert isinstance(exports, dict)
        result = targets.resolve(exports[best], best_subpath, best, pattern=True, path_map=subpath.endswith("/"))
        if result is None or result is _UNDEFINED:
            raise _not_exported(package, subpath)
        return result  # type: ignore[no-any-return]
    raise _not_exported(package, subpath)


def _not_exported(package: PackageConfig, subpath: str) -> PackagePathNotExported:
    if subpath == ".":
        return PackagePathNotExported(f'No "exports" main defined in {package.path}')
    return PackagePathNotExported(f"Package subpath '{subpath}' is not defined by \"exports\" in {package.path}")


def package_imports_resolve(
    lookup: Lookup,
    name: str,
    scope_of: Callable[[], PackageConfig],
    conditions: frozenset[str],
    package_resolve: PackageResolve,
    referrer: str,
) -> FileUrl | str:
    """PACKAGE_IMPORTS_RESOLVE(specifier, parentURL, conditions); ``scope_of`` finds the parent's
    package scope, which node reads only once the name is known to be valid."""
    hash_slash = name.startswith("#/") and not lookup.node_version.has(IMPORTS_HASH_SLASH)
    if name == "#" or hash_slash or name.endswith("/"):
        raise InvalidModuleSpecifier(
            f'Invalid module "{name}" is not a valid internal imports specifier name imported from {referrer}'
        )
    scope = scope_of()
    if scope.exists:
        package_url = path_to_file_url(scope.path)
        imports = scope.imports
        if _js_truthy(imports):
            targets = _TargetResolver(
                lookup, scope, package_url, conditions, internal=True, package_resolve=package_resolve
            )
            if isinstance(imports, dict) and name in imports and "*" not in name:
                lookup.note(scope.path, f'"imports" has the key "{name}"')
                result = targets.resolve(imports[name], "", name, pattern=False, path_map=False)
                if result is not None and result is not _UNDEFINED:
                    return result  # type: ignore[no-any-return]
            else:
                best, best_subpath = _best_pattern(imports if isinstance(imports, dict) else (), name)
                if best:
                    lookup.note(scope.path, f'"imports" pattern "{best}" matches with "*" = "{best_subpath}"')
                    assert isinstance(imports, dict)
                    result = targets.resolve(imports[best], best_subpath, best, pattern=True, path_map=False)
                    if result is not None and result is not _UNDEFINED:
                        return result  # type: ignore[no-any-return]
    where = f" in package {scope.path}" if scope.exists else ""
    raise PackageImportNotDefined(f'Package import specifier "{name}" is not defined{where} imported from {referrer}')
