"""Which node resolves: versions, and the behaviour differences between them as one table of rules.

The resolver is written once; every place where node 20, 22, 24 and 26 answer differently asks
``NodeVersion.has(RULE)``. Each rule names the node change it comes from and the versions it holds
for (``since``: one first version per release line, a backport being a second entry; ``until``:
the first version without it). "measured" means checked with the real binaries pinned in
``tests/node_tools/versions`` (20.20.2, 22.23.5, 24.22.3, 26.12.1) by ``tests/differential``;
where a first minor is taken from node's changelog, the rule says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DEFAULT_NODE_VERSION",
    "EXPORTS_NON_OBJECT_IGNORED",
    "FFI_BUILTIN",
    "IMPORTS_HASH_SLASH",
    "LATEST",
    "LEGACY_MAIN_BY_PATH",
    "MODULE_SYNC",
    "NO_LEGACY_STREAM_BUILTINS",
    "PACKAGE_JSON_LOOP_ERROR",
    "PACKAGE_JSON_NOT_OBJECT",
    "REQUIRE_ESM",
    "RULES",
    "SQLITE_BUILTIN",
    "TYPE_STRIPPING",
    "NodeVersion",
    "Rule",
    "parse_node_version",
]


@dataclass(frozen=True, order=True, slots=True)
class NodeVersion:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def has(self, rule: Rule) -> bool:
        """Does node at this version behave as ``rule`` says?"""
        return rule.holds(self)


@dataclass(frozen=True, slots=True)
class Rule:
    """A behaviour of some node versions: ``since`` (per release line) up to ``until`` (exclusive)."""

    name: str
    since: tuple[NodeVersion, ...]
    change: str
    until: NodeVersion | None = None

    def holds(self, version: NodeVersion) -> bool:
        if self.until is not None and version >= self.until:
            return False
        same_line = [start for start in self.since if start.major == version.major]
        if same_line:
            return version >= same_line[0]
        return version >= max(self.since)


def _v(text: str) -> NodeVersion:
    major, minor, patch = (int(part) for part in text.split("."))
    return NodeVersion(major, minor, patch)


# The newest release of each line, and the version each major on the command line stands for.
LATEST: dict[int, NodeVersion] = {
    20: _v("20.20.2"),
    22: _v("22.23.5"),
    24: _v("24.22.3"),
    26: _v("26.12.1"),
}
# What the library assumes when no version is given: node v20, as before versions were modelled.
DEFAULT_NODE_VERSION = LATEST[20]

REQUIRE_ESM = Rule(
    "require-esm",
    (_v("20.19.0"), _v("22.12.0")),
    "require() of an ES module works without a flag (nodejs/node#55085, backported to 20.19.0); "
    "before, it threw ERR_REQUIRE_ESM. process.features.require_module is true.",
)
MODULE_SYNC = Rule(
    "module-sync-condition",
    (_v("20.19.0"), _v("22.12.0")),
    'The "module-sync" condition matches for import and require (nodejs/node#54648, 22.10.0, on '
    "whenever require(esm) is: by default from 22.12.0 and 20.19.0). Measured on all four lines.",
)
EXPORTS_NON_OBJECT_IGNORED = Rule(
    "exports-imports-number-or-boolean-ignored",
    (_v("22.0.0"),),
    '"exports" or "imports" set to a number, true or false is ignored (the package resolves through '
    '"main" as if it had no exports; require("#x") is a plain MODULE_NOT_FOUND): the C++ package.json '
    "reader keeps only strings, arrays and objects (nodejs/node#50322). Node 20 threw "
    "ERR_PACKAGE_PATH_NOT_EXPORTED / ERR_PACKAGE_IMPORT_NOT_DEFINED. Measured: 20.20.2 no, 22.23.5 yes.",
)
PACKAGE_JSON_NOT_OBJECT = Rule(
    "package-json-not-an-object",
    (_v("22.0.0"),),
    "A package.json holding JSON that is not an object (an array, a number, a string) is "
    "ERR_INVALID_PACKAGE_CONFIG in both loaders (C++ package.json reader, nodejs/node#50322); "
    "node 20 read it as an empty package. Measured: 20.20.2 no, 22.23.5 yes.",
)
LEGACY_MAIN_BY_PATH = Rule(
    "esm-legacy-main-by-path",
    (_v("22.0.0"),),
    'ESM "main" guesses are file paths, not URLs (legacyMainResolve in C++, node_file.cc): '
    "path.resolve(package, main) + '', .js, .json, .node, /index.js, ... (so 'a%20b.js' is that literal "
    "name and 'lib/' probes lib.js), and the URL returned is path.resolve(package, main + suffix), so "
    "'lib/' found as lib.js is reported as lib/.js. Measured: 20.20.2 no, 22.23.5 yes.",
)
PACKAGE_JSON_LOOP_ERROR = Rule(
    "package-json-symlink-loop-error",
    (_v("24.0.0"),),
    "A package.json that cannot be read because of a symlink loop (ELOOP) is ERR_INVALID_PACKAGE_CONFIG "
    '("Cannot read package config ...: too many symbolic links encountered") instead of a missing '
    "package. Measured: 22.23.5 no, 24.22.3 yes; first minor of 24 not pinned down.",
)
IMPORTS_HASH_SLASH = Rule(
    "imports-hash-slash-keys",
    (_v("24.0.0"),),
    '"imports" specifiers starting with "#/" are valid (nodejs/node#60864); before, "#/x" was '
    "ERR_INVALID_MODULE_SPECIFIER. Measured: 22.23.5 no, 24.22.3 and 26.12.1 yes; first minor of 24 "
    "not pinned down.",
)
SQLITE_BUILTIN = Rule(
    "node-sqlite-builtin",
    (_v("22.13.0"),),
    "node:sqlite exists without a flag (node:-only; added behind --experimental-sqlite by nodejs/node#53752 "
    "in 22.5.0, unflagged by nodejs/node#55890 in 22.13.0). Measured: 20.20.2, 22.11.0 and 22.12.0 no, "
    "22.23.5 yes.",
)
FFI_BUILTIN = Rule(
    "node-ffi-builtin",
    (_v("26.0.0"),),
    "node:ffi exists (node:-only). Measured: 24.22.3 no, 26.12.1 yes; first minor of 26 not pinned down.",
)
NO_LEGACY_STREAM_BUILTINS = Rule(
    "no-legacy-stream-builtins",
    (_v("26.0.0"),),
    "_stream_duplex, _stream_passthrough, _stream_readable, _stream_transform, _stream_wrap and "
    "_stream_writable are no longer builtins (end of DEP0193): require('_stream_readable') looks in "
    "node_modules. Measured: 24.22.3 still builtins, 26.12.1 not.",
)
TYPE_STRIPPING = Rule(
    "type-stripping",
    (_v("22.18.0"), _v("23.6.0")),
    ".ts/.mts/.cts files load without a flag (process.features.typescript 'strip'). Resolution is "
    "unchanged: require('./a') never probes a.ts, import './a.ts' resolves on every version (measured "
    "on 22.23.5, 24.22.3, 26.12.1); only loading differs.",
)

RULES: tuple[Rule, ...] = (
    REQUIRE_ESM,
    MODULE_SYNC,
    EXPORTS_NON_OBJECT_IGNORED,
    PACKAGE_JSON_NOT_OBJECT,
    LEGACY_MAIN_BY_PATH,
    PACKAGE_JSON_LOOP_ERROR,
    IMPORTS_HASH_SLASH,
    SQLITE_BUILTIN,
    FFI_BUILTIN,
    NO_LEGACY_STREAM_BUILTINS,
    TYPE_STRIPPING,
)

_VERSION = re.compile(r"^v?(\d+)(?:\.(\d+)(?:\.(\d+))?)?$")


def parse_node_version(text: str) -> NodeVersion:
    """``20``, ``22``, ``24``, ``26`` (the newest release of that line) or ``X.Y.Z`` / ``vX.Y.Z``.

    A major without a known newest release stands for its last possible version (``18`` is 18.x
    at its newest). ``X.Y`` means ``X.Y.0``. Raises ValueError for anything else.
    """
    match = _VERSION.match(text.strip())
    if match is None:
        raise ValueError(f"not a node version: {text!r} (expected 20, 22, 24, 26 or X.Y.Z)")
    major = int(match.group(1))
    if match.group(2) is None:
        return LATEST.get(major, NodeVersion(major, 999, 999))
    return NodeVersion(major, int(match.group(2)), int(match.group(3) or 0))
