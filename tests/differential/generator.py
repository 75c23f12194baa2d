"""Seeded, adversarial package trees on disk, and the resolution queries to ask about them.

``generate_case(seed, root)`` writes one tree under ``root`` (a project ``app/`` with its
``node_modules``, packages above it, a pnpm store, link farms, broken manifests, ...) and returns
batch queries (``{"id", "from", "request", "mode", "conditions", "preserveSymlinks"}``) whose
answers real node and nmdoctor must agree on. The same seed always writes the same tree (relative
to ``root``) and returns the same queries. Query ids are ``s<seed>.<rule>.<n>``: ``<rule>`` names
the scenario that produced the query, so disagreements can be grouped by rule.

``generate_env_case(seed, root)`` builds a smaller tree for the process-environment rules
(``NODE_PATH`` entries, ``$HOME/.node_modules``, ``$HOME/.node_libraries``) and returns the
queries together with the environment both sides must run with (``cwd`` = ``root``).

Nothing here asks node: the oracle (``oracle.mjs``) is the only source of expected answers.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

__all__ = ["CONDITION_SETS", "Query", "generate_case", "generate_env_case"]

Query = dict[str, Any]

# Process-wide --conditions sets the queries are spread over (each set, times preserveSymlinks,
# is one node child process in the oracle, so keep this short).
CONDITION_SETS: tuple[tuple[str, ...], ...] = ((), ("custom",), ("dev", "custom"), ("import",), ("require",))
_CONDITION_WEIGHTS = (8, 3, 2, 1, 1)

# Keys a generated "conditions" object may use. "node-addons" and "module-sync" are on by default
# in node 20.20; "custom"/"dev" only with --conditions; "browser"/"types"/"deno" never.
COND_KEYS = ("import", "require", "node", "default", "node-addons", "module-sync", "custom", "dev", "browser", "types")

_ABSENT = object()  # a package.json field that is not written at all

# Files a generated package may contain (each is written with some probability, so targets that
# name them sometimes exist and sometimes do not).
FILE_POOL = (
    "index.js",
    "index.json",
    "index.node",
    "index.cjs",
    "index.mjs",
    "main.js",
    "main.json",
    "main",
    "main.cjs",
    "main.mjs",
    "lib.js",
    "lib/index.js",
    "lib/main.js",
    "lib/util.js",
    "lib/data.json",
    "lib/addon.node",
    "src/feat/a.js",
    "src/feat/b.mjs",
    "src/feat/c.cjs",
    "src/feat/d.json",
    "src/feat/a.js.js",
    "src/feat/sub/index.js",
    "src/feat/internal/x.js",
    "src/internal/secret.js",
    "src/a/x/b.js",
    "dist/index.js",
    "dist/node.js",
    "dist/browser.js",
    "dist/custom.js",
    "dist/dev.js",
    "dist/sync.js",
    "dist/require.js",
    "dist/import.mjs",
    "dist/esm/index.mjs",
    "dist/cjs/index.cjs",
    "dist/addon.node",
    "dir/index.js",
    "dir/file.js",
    "x.js",
    "y.js",
    "extless",
    "a b.js",
    "a%20b.js",
)

# "main" values (relative to the package folder).
MAIN_VARIANTS: tuple[Any, ...] = (
    _ABSENT,
    "",
    0,
    1,
    None,
    True,
    [],
    {"x": 1},
    "main",
    "main.js",
    "./main.js",
    "main.cjs",
    "main.mjs",
    "lib",
    "lib/",
    "./lib",
    "lib/main",
    "./lib/main.js",
    "lib/data.json",
    "lib/addon.node",
    "../outside.js",
    "missing.js",
    "missing",
    "missing/",
    ".",
    "./",
    "index",
    "dir",
    "dir/",
    "extless",
    "src/feat/sub",
    "a b.js",
    "a%20b.js",
    "./lib/../main.js",
    "lib//main.js",
)

_INVALID_TARGETS = (
    "a.js",
    "./../x.js",
    "./node_modules/y.js",
    "../x.js",
    "/abs.js",
    "./lib/../main.js",
    "./lib/./main.js",
    "./NODE_MODULES/x.js",
    "./%2e%2e/x.js",
    "./%2E/main.js",
    "./node_modules%2Fx.js",
    ".",
    "./",
    "./lib/",
    "lib",
    "./lib//main.js",
    "./lib\\main.js",
    ".\\main.js",
    "file:///etc/hostname",
    "./src/feat/..",
    "",
    "./dir",
)

_PATTERN_TARGETS = (
    "./src/feat/*.js",
    "./src/feat/*.js",
    "./src/feat/*",
    "./src/feat/*",
    "./src/*",
    "./dist/*.js",
    "./dist/*",
    "./src/feat/*/index.js",
    "./*",
    "./*.js",
    "./src/a/*/b.js",
    "./src/feat/*/*.js",
    "./src/feat/x.js",
    "./node_modules/*",
    "./src/*/../x.js",
    "../*",
    "*.js",
    "./src/feat/*.cjs",
    "./src/feat/*.mjs",
    "./lib/*",
)

_SUBPATH_KEYS = (
    "./x",
    "./y.js",
    "./lib",
    "./lib/*",
    "./feat/*",
    "./feat/*.js",
    "./feat/internal/*",
    "./feat/internal/*.js",
    "./*",
    "./*.js",
    "./src/*/b.js",
    "./dir/",
    "./dir/*",
    "./package.json",
    "./a/*/b/*",
    "./deep/x/*",
    "./deep/*",
    "./main",
    "./",
    "./feat",
    "./feat/a.js",
)

_IMPORT_KEYS = (
    "#a",
    "#b.js",
    "#feat/*",
    "#feat/*.js",
    "#internal/*",
    "#dep",
    "#dep/*",
    "#fs",
    "#self",
    "#",
    "#/x",
    "#a/",
    "#cond",
    "#arr",
    "#nope",
    "#*",
)

_COMMON_FILLS = ("a", "b", "sub")

PATTERN_FILLS = (
    "a",
    "a",
    "b",
    "c",
    "d",
    "sub",
    "x",
    "a.js",
    "sub/index",
    "internal/x",
    "a/x",
    "../a",
    "./a",
    "node_modules/a",
    ".",
    "..",
    "a/../b",
    "%2e%2e/a",
    "a%2Fb",
    "x/",
    "",
    "a%20b",
    "a b",
    "*",
    "A",
    "a/b/c",
    "index",
    "secret",
)

_INVALID_PACKAGE_JSON: tuple[str | bytes, ...] = (
    "{bad",
    "",
    "   \n",
    "[]",
    "123",
    '"main.js"',
    '\ufeff{"main": "main.js"}',
    '{"main": "main.js",}',
    '{"main": "main.js"} trailing',
    "// comment\n{}",
    b"\xff\xfe{}",
    '{"main": "x.js", "main": "main.js"}',
    '{"exports": {"default": "./x.js", "require": "./y.js", "default": "./main.js"}}',
)


# Manifests that make node itself crash with a code-less TypeError ("Cannot convert undefined or
# null to object" in package_json_reader) on any lookup that reads them. Not generated: there is
# no node answer to agree with. Kept here so the finding is not lost.
NODE_CRASHING_PACKAGE_JSON: tuple[str, ...] = ("null",)


def _weighted_conditions(rng: random.Random) -> tuple[str, ...]:
    return rng.choices(CONDITION_SETS, weights=_CONDITION_WEIGHTS)[0]


@dataclass
class _Pending:
    rule: str
    from_rel: str
    request: str
    mode: str
    conditions: tuple[str, ...]
    preserve: bool


@dataclass
class PackageInfo:
    name: str
    rel_dir: str
    files: list[str] = field(default_factory=list)
    export_keys: list[str] = field(default_factory=list)
    import_keys: list[str] = field(default_factory=list)


class TreeBuilder:
    """Writes files, folders and links under ``root`` and collects the queries to ask."""

    def __init__(self, seed: int, root: Path, prefix: str = "s") -> None:
        self.seed = seed
        self.root = root
        self.prefix = prefix
        self.rng = random.Random(seed)
        self.pending: list[_Pending] = []
        self.files: list[str] = []
        self.dirs: list[str] = []
        self.packages: list[PackageInfo] = []
        self.referrers: list[str] = []
        self.bare_names: list[str] = []
        root.mkdir(parents=True, exist_ok=True)

    # -- writing -------------------------------------------------------------------------------

    def path(self, rel: str) -> str:
        return os.path.join(str(self.root), rel) if rel else str(self.root)

    def _parent_ok(self, rel: str) -> bool:
        parent = os.path.dirname(self.path(rel))
        try:
            os.makedirs(parent, exist_ok=True)
        except OSError:  # a file or a link is in the way: this seed just does not get the entry
            return False
        return os.path.isdir(parent) and not os.path.islink(parent)

    def write(self, rel: str, data: str | bytes = "") -> bool:
        target = self.path(rel)
        if not self._parent_ok(rel) or (os.path.lexists(target) and not os.path.isfile(target)):
            return False
        if os.path.islink(target):
            return False
        with open(target, "wb") as handle:
            handle.write(data.encode() if isinstance(data, str) else data)
        if rel not in self.files:
            self.files.append(rel)
        return True

    def write_json(self, rel: str, value: Any) -> bool:
        return self.write(rel, json.dumps(value, indent=1))

    def mkdir(self, rel: str) -> bool:
        target = self.path(rel)
        if not self._parent_ok(rel + "/x"):
            return False
        if os.path.lexists(target) and not os.path.isdir(target):
            return False
        os.makedirs(target, exist_ok=True)
        if rel not in self.dirs:
            self.dirs.append(rel)
        return True

    def link(self, rel: str, target: str) -> bool:
        where = self.path(rel)
        if not self._parent_ok(rel) or os.path.lexists(where):
            return False
        os.symlink(target, where)
        return True

    # -- asking --------------------------------------------------------------------------------

    def ask(
        self,
        rule: str,
        from_rel: str,
        request: str,
        *,
        mode: str | None = None,
        conditions: tuple[str, ...] | None = None,
        preserve: bool | None = None,
    ) -> None:
        """Queue a query (both modes unless one is given or the dice say one)."""
        rng = self.rng
        if conditions is None:
            conditions = _weighted_conditions(rng)
        if preserve is None:
            preserve = rng.random() < 0.2
        if mode is None:
            roll = rng.random()
            modes = ["cjs", "esm"] if roll < 0.7 else ["cjs"] if roll < 0.85 else ["esm"]
        else:
            modes = [mode]
        for one in modes:
            self.pending.append(_Pending(rule, from_rel, request, one, conditions, preserve))

    def queries(self) -> list[Query]:
        out: list[Query] = []
        for index, item in enumerate(self.pending):
            given = os.path.normpath(self.path(item.from_rel))
            from_ = given if item.preserve else os.path.realpath(given)
            if not os.path.exists(from_):
                continue  # a referrer behind a dangling link or a loop: node could not have loaded it
            out.append(
                {
                    "id": f"{self.prefix}{self.seed}.{item.rule}.{index:04d}",
                    "from": from_,
                    "request": item.request,
                    "mode": item.mode,
                    "conditions": list(item.conditions),
                    "preserveSymlinks": item.preserve,
                }
            )
        return out

    # -- small helpers -------------------------------------------------------------------------

    def pick(self, items: Any, k: int) -> list[Any]:
        items = list(items)
        return self.rng.sample(items, min(k, len(items)))

    def abs_request(self, rel: str) -> str:
        return self.path(rel)


# ---------------------------------------------------------------------------------------- values


def _pattern_fill(rng: random.Random) -> str:
    """What a request puts where a pattern has its ``*``: usually a written file, else adversarial."""
    return rng.choice(_COMMON_FILLS) if rng.random() < 0.5 else rng.choice(PATTERN_FILLS)


def _fill(rng: random.Random, key: str) -> str:
    """A subpath that a pattern key (or an exact key) matches, or nearly matches."""
    if "*" not in key:
        return key
    return key.replace("*", _pattern_fill(rng), 1)


def _target(rng: random.Random, pattern: bool, imports: bool, names: list[str]) -> Any:
    roll = rng.random()
    if imports and roll < 0.2 and names:
        return rng.choice(
            [
                rng.choice(names),
                rng.choice(names) + "/lib/util.js",
                rng.choice(names) + ("/*" if pattern else "/x"),
                "fs",
                "node:fs",
                "node:nope",
                "#a",
                "test",
                "@scope",
                "http://example.com/x.js",
            ]
        )
    if pattern:
        return rng.choice(_PATTERN_TARGETS)
    if roll < 0.75:
        return "./" + rng.choice((*FILE_POOL, "nope.js", "missing/index.js", "lib", "dir", "src/feat/sub"))
    return rng.choice(_INVALID_TARGETS)


def _value(rng: random.Random, pattern: bool, imports: bool, names: list[str], depth: int = 0) -> Any:
    roll = rng.random()
    if depth >= 2 or roll < 0.55:
        return _target(rng, pattern, imports, names)
    if roll < 0.63:
        return None
    if roll < 0.80:
        keys = rng.sample(COND_KEYS, rng.randint(1, 4))
        if rng.random() < 0.3 and "default" not in keys:
            keys.append("default")
        return {key: _value(rng, pattern, imports, names, depth + 1) for key in keys}
    if roll < 0.92:
        return [
            rng.choice((_value(rng, pattern, imports, names, depth + 1), rng.choice(_INVALID_TARGETS), None))
            for _ in range(rng.randint(0, 3))
        ]
    if roll < 0.95:
        return {"default": _target(rng, pattern, imports, names), str(rng.randint(0, 3)): "./x.js"}
    return rng.choice((5, True, {}, [[]], {"import": 3}))


def _exports_value(rng: random.Random, names: list[str]) -> tuple[Any, list[str]]:
    """An "exports" value and the subpath keys worth requesting."""
    roll = rng.random()
    if roll < 0.12:
        return _target(rng, False, False, names), ["."]
    if roll < 0.17:
        return [rng.choice(_INVALID_TARGETS), _target(rng, False, False, names)], ["."]
    if roll < 0.27:
        return _value(rng, False, False, names, depth=1) or {"default": "./main.js"}, ["."]
    if roll < 0.30:
        return None, ["."]
    if roll < 0.32:
        return {}, ["."]
    if roll < 0.35:
        return {".": "./main.js", rng.choice(("import", "require", "default")): "./x.js"}, [".", "./x"]
    if roll < 0.37:
        return {"0": "./main.js", "default": "./x.js"}, ["."]
    if roll < 0.39:
        return rng.choice((42, True, "main.js")), ["."]
    keys = rng.sample(_SUBPATH_KEYS, rng.randint(2, 6))
    if rng.random() < 0.75:
        keys.insert(rng.randint(0, len(keys)), ".")
    exports: dict[str, Any] = {}
    for key in keys:
        if key == "./feat/internal/*" and rng.random() < 0.7:
            exports[key] = None
        else:
            exports[key] = _value(rng, "*" in key, False, names)
    return exports, keys


def _imports_value(rng: random.Random, names: list[str]) -> tuple[Any, list[str]]:
    roll = rng.random()
    if roll < 0.05:
        return None, ["#a"]
    if roll < 0.08:
        return rng.choice(("./x.js", [], 3)), ["#a"]
    if roll < 0.10:
        return {"#a": "./x.js", "./b": "./y.js", "0": "./x.js"}, ["#a"]
    keys = rng.sample(_IMPORT_KEYS, rng.randint(3, 7))
    imports: dict[str, Any] = {}
    for key in keys:
        if key == "#internal/*" and rng.random() < 0.6:
            imports[key] = None
        else:
            imports[key] = _value(rng, "*" in key, True, names)
    return imports, keys


def _request_variants(rng: random.Random, base: str, files: list[str], keys: list[str]) -> list[str]:
    """Requests into a package reached as ``base`` (a bare name, or a relative/absolute path)."""
    out = [base]
    for key in keys:
        if key.startswith("./"):
            out.append(base + "/" + _fill(rng, key)[2:])
        elif key == ".":
            out.append(base)
    for rel in rng.sample(files, min(3, len(files))):
        stem, ext = os.path.splitext(rel)
        out.append(f"{base}/{rel}")
        out.append(f"{base}/{stem}" if ext else f"{base}/{rel}/")
        if "/" in rel:
            out.append(f"{base}/{os.path.dirname(rel)}")
    out += rng.sample(
        [
            f"{base}/package.json",
            f"{base}/",
            f"{base}/missing",
            f"{base}/lib/",
            f"{base}//lib/util.js",
            f"{base}/./main.js",
            f"{base}/feat/",
            f"{base}/dir/",
        ],
        3,
    )
    return out


# -------------------------------------------------------------------------------------- packages


def _string_targets(value: Any) -> list[str]:
    """Every string target inside an exports/imports/main value, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [target for item in value for target in _string_targets(item)]
    if isinstance(value, dict):
        return [target for item in value.values() for target in _string_targets(item)]
    return []


def _materialise(b: TreeBuilder, rel_dir: str, targets: list[str], share: float) -> list[str]:
    """Write most of the files that relative targets name (patterns filled with a, b and sub)."""
    written = []
    rng = b.rng
    for target in targets:
        if not target.startswith("./") or ".." in target or "\\" in target:
            continue
        path = target[2:]
        fills = [path.replace("*", fill) for fill in _COMMON_FILLS] if "*" in path else [path]
        for rel in fills:
            rel = os.path.normpath(rel)
            if rel in (".", "") or rel.endswith("/") or rng.random() >= share:
                continue
            if b.write(f"{rel_dir}/{rel}", "{}" if rel.endswith(".json") else f"// {rel}\n"):
                written.append(rel)
    return written


def make_simple_package(b: TreeBuilder, rel_dir: str, name: str, *, exports_share: float = 0.3) -> PackageInfo:
    """A package that resolves: index.js and lib/x.js, sometimes a main, sometimes plain exports."""
    rng = b.rng
    info = PackageInfo(name=name, rel_dir=rel_dir, files=["index.js", "lib/x.js"])
    b.write(f"{rel_dir}/index.js", f"// {name}\n")
    b.write(f"{rel_dir}/lib/x.js", f"// {name}/lib/x\n")
    manifest: dict[str, Any] = {"name": name, "version": f"1.{rng.randint(0, 9)}.0"}
    if rng.random() < 0.3:
        manifest["main"] = rng.choice(("lib/x.js", "./lib/x", "index.js", "lib"))
    if rng.random() < exports_share:
        manifest["exports"] = {".": "./index.js", "./lib/*": "./lib/*.js", "./package.json": "./package.json"}
        info.export_keys = [".", "./lib/*", "./package.json"]
    if rng.random() < 0.9:
        b.write_json(f"{rel_dir}/package.json", manifest)
    b.packages.append(info)
    b.bare_names.append(name)
    return info


def _some_package(b: TreeBuilder, rel_dir: str, name: str, *, names: list[str]) -> PackageInfo:
    """Mostly a simple package (the scenario is about where it is found), sometimes a random one."""
    if b.rng.random() < 0.7:
        return make_simple_package(b, rel_dir, name)
    return make_package(b, rel_dir, name, names=names, imports=False)


def make_package(
    b: TreeBuilder,
    rel_dir: str,
    name: str,
    *,
    names: list[str],
    exports: bool = True,
    imports: bool = True,
    file_share: float = 0.3,
) -> PackageInfo:
    """A package with random files, ``main``, ``exports``, ``imports``, ``type`` and ``name``.

    Most files that the manifest's targets name are written too, so that lookups get past
    "not found" often enough to test what comes after it.
    """
    rng = b.rng
    info = PackageInfo(name=name, rel_dir=rel_dir)
    manifest: dict[str, Any] = {}
    name_roll = rng.random()
    if name_roll < 0.8:
        manifest["name"] = name
    elif name_roll < 0.9:
        manifest["name"] = "other-" + name.replace("/", "-").lstrip("@")
    manifest["version"] = f"{rng.randint(0, 3)}.{rng.randint(0, 9)}.0"
    if rng.random() < 0.3:
        manifest["type"] = rng.choice(("module", "commonjs", "weird"))
    main = rng.choice(MAIN_VARIANTS)
    if main is not _ABSENT:
        manifest["main"] = main
    if exports and rng.random() < 0.7:
        value, keys = _exports_value(rng, names)
        manifest["exports"] = value
        info.export_keys = keys
    if imports and rng.random() < 0.5:
        value, keys = _imports_value(rng, names)
        manifest["imports"] = value
        info.import_keys = keys
    targets = _string_targets(manifest.get("exports")) + _string_targets(manifest.get("imports"))
    if isinstance(main, str) and main:
        stem = main if main.startswith("./") else "./" + main
        targets.append(rng.choice((stem, stem + ".js", stem + "/index.js", stem + ".json")))
    info.files += _materialise(b, rel_dir, targets, 0.75)
    if rng.random() < 0.6 and b.write(f"{rel_dir}/index.js", "//\n"):
        info.files.append("index.js")
    for rel in FILE_POOL:
        if rng.random() < file_share:
            content = "{}" if rel.endswith(".json") else f"// {name}/{rel}\n"
            if b.write(f"{rel_dir}/{rel}", content) and rel not in info.files:
                info.files.append(rel)
    if not info.files and b.write(f"{rel_dir}/index.js", "//\n"):
        info.files.append("index.js")
    if rng.random() < 0.04:
        b.write(f"{rel_dir}/package.json", rng.choice(_INVALID_PACKAGE_JSON))
    else:
        b.write_json(f"{rel_dir}/package.json", manifest)
    if rng.random() < 0.15:  # a nested manifest: its own package scope for dir/
        b.write_json(f"{rel_dir}/dir/package.json", {"main": rng.choice(("file.js", "missing.js", "")), "imports": {}})
    b.packages.append(info)
    b.bare_names.append(name)
    return info


# ------------------------------------------------------------------------------------- scenarios


def scenario_probing(b: TreeBuilder) -> None:
    """Extension probing, exact files, index files, trailing slashes, '.' and '..'."""
    rng = b.rng
    d = "app/probe"
    b.write(f"{d}/main.js", "//\n")
    entries: list[tuple[str, str]] = [
        ("a.js", ""),
        ("a.json", "{}"),
        ("b.json", "{}"),
        ("c.node", ""),
        ("d.cjs", ""),
        ("e.mjs", ""),
        ("f", ""),
        ("g.js.js", ""),
        ("h.js", ""),
        ("h/index.js", ""),
        ("i/index.json", "{}"),
        ("j/index.node", ""),
        ("k/index.cjs", ""),
        ("k/index.mjs", ""),
        ("m.js/index.js", ""),
        ("n.json", "{not json"),
        ("a b.js", ""),
        ("a%20b.js", ""),
        ("h#1.js", ""),
        ("q.js?x", ""),
        ("index.js", ""),
        ("index.json", "{}"),
        ("o.JS", ""),
        ("p.js/x.js", ""),
        ("up/down/z.js", ""),
        ("pj/package.json", '{"main": "a"}'),
        ("pj/a.json", "{}"),
    ]
    for rel, content in entries:
        if rng.random() < 0.75:
            b.write(f"{d}/{rel}", content)
    b.mkdir(f"{d}/l")
    requests = [
        "./a",
        "./a.js",
        "./a.json",
        "./b",
        "./c",
        "./c.node",
        "./d",
        "./d.cjs",
        "./e",
        "./e.mjs",
        "./f",
        "./g",
        "./g.js",
        "./h",
        "./h/",
        "./h.js/",
        "./i",
        "./j",
        "./k",
        "./k/",
        "./l",
        "./l/",
        "./m.js",
        "./m",
        "./n",
        "./a b.js",
        "./a%20b.js",
        "./a%20b",
        "./a b",
        "./h#1.js",
        "./h%231.js",
        "./q.js?x",
        "./a.js?x",
        "./a.js#y",
        "./a?x=1",
        ".",
        "./",
        "..",
        "../",
        "./.",
        "./..",
        "../probe",
        "../probe/a",
        "../probe/",
        "./A.js",
        "./o",
        "./o.JS",
        "./a.js/",
        "./missing",
        ".//a.js",
        "./a/../a.js",
        "./nodir/../a",
        "./p",
        "./p.js",
        "./up/down/../../a",
        "./pj",
        "./%61.js",
        "./a.j%73",
        "./up/down/%2e%2e/x",
        "...",
        ".hidden",
        "./.hidden",
        "",
        "./a\\b",
        "./h/.",
        "./h/..",
        "./i/./",
    ]
    referrers = [f"{d}/main.js", d, f"{d}/up/down/z.js"]
    for request in rng.sample(requests, 40):
        b.ask("probe", rng.choice(referrers), request)
    for request in rng.sample(["a", "a.js", "h/", "i", "", "l", "missing", "f", "c", "up/down", "e.mjs"], 5):
        b.ask("absolute", rng.choice(referrers), b.abs_request(f"{d}/{request}"))
    b.ask("absolute", f"{d}/main.js", b.abs_request(d) + "/")
    b.ask("absolute", f"{d}/main.js", b.abs_request(d) + "//a.js")
    b.ask("absolute", f"{d}/main.js", b.abs_request(d) + "/./up/../a")
    b.referrers += referrers


def scenario_mains(b: TreeBuilder) -> None:
    """Folders with package.json "main" variants, as relative requests and as packages."""
    rng = b.rng
    for index in range(rng.randint(4, 7)):
        main = rng.choice(MAIN_VARIANTS)
        for where, request_base in ((f"app/mains/d{index}", f"./d{index}"), (f"app/node_modules/main-{index}", None)):
            manifest: dict[str, Any] = {"name": f"main-{index}"}
            if main is not _ABSENT:
                manifest["main"] = main
            if request_base is None and rng.random() < 0.25:
                manifest["exports"] = rng.choice((None, "./main.js", {"./x": "./x.js"}))
            b.write_json(f"{where}/package.json", manifest)
            for rel in FILE_POOL:
                if rng.random() < 0.35:
                    b.write(f"{where}/{rel}", "{}" if rel.endswith(".json") else "//\n")
            if rng.random() < 0.3:
                b.write(f"{os.path.dirname(where)}/outside.js", "//\n")
            if rng.random() < 0.3:  # main names a folder that has its own package.json
                b.write_json(f"{where}/lib/package.json", {"main": "util.js"})
        b.bare_names.append(f"main-{index}")
        b.packages.append(PackageInfo(f"main-{index}", f"app/node_modules/main-{index}", []))
        b.ask("main", "app/mains/x.js" if b.write("app/mains/x.js", "") else "app/mains", f"./d{index}")
        b.ask("main", "app/mains", f"./d{index}/")
        b.ask("main", "app/mains", f"./d{index}/lib", mode="cjs")
        b.ask("main", "app/src/index.js", f"main-{index}")
        b.ask("main", "app/src/index.js", f"main-{index}/", mode="cjs")
        b.ask("main", "app/src/index.js", f"main-{index}/lib")
        b.ask("main", "app/src", f"main-{index}/dir")
    b.write("app/src/index.js", "//\n")
    b.referrers += ["app/mains", "app/src/index.js"]


def scenario_exports(b: TreeBuilder) -> None:
    """Random packages with "exports" (strings, arrays, conditions, patterns, nulls, invalid targets)."""
    rng = b.rng
    names = [f"exp-{b.seed}-{index}" for index in range(rng.randint(5, 9))]
    b.write("app/src/index.js", "//\n")
    b.write("app/src/deep/a/b/c.mjs", "//\n")
    for name in names:
        info = make_package(b, f"app/node_modules/{name}", name, names=names, file_share=0.5)
        requests = _request_variants(rng, name, info.files, info.export_keys)
        for request in rng.sample(requests, min(len(requests), 12)):
            b.ask("exports", rng.choice(["app/src/index.js", "app/src/deep/a/b/c.mjs", "app"]), request)
    b.referrers += ["app/src/index.js", "app/src/deep/a/b/c.mjs"]


def scenario_conditions(b: TreeBuilder) -> None:
    """One package whose every condition names its own file: which condition wins, per flag set."""
    rng = b.rng
    name = f"cond-{b.seed}"
    keys = rng.sample(COND_KEYS, rng.randint(3, len(COND_KEYS)))
    conditions = {key: f"./dist/{key}.js" for key in keys}
    nested_key = rng.choice(keys)
    conditions[nested_key] = {rng.choice(COND_KEYS): f"./dist/{nested_key}-inner.js", "default": None}
    exports = {
        ".": conditions,
        "./arr": [{"browser": "./dist/browser.js"}, "bad.js", conditions],
        "./sugar/*": conditions,
    }
    b.write_json(f"app/node_modules/{name}/package.json", {"name": name, "exports": exports})
    for key in COND_KEYS:
        b.write(f"app/node_modules/{name}/dist/{key}.js", "//\n")
        b.write(f"app/node_modules/{name}/dist/{key}-inner.js", "//\n")
    b.bare_names.append(name)
    b.packages.append(PackageInfo(name, f"app/node_modules/{name}", []))
    b.write("app/src/index.js", "//\n")
    for conditions_set in CONDITION_SETS:
        for request in (name, f"{name}/arr", f"{name}/sugar/x"):
            for mode in ("cjs", "esm"):
                b.ask("conditions", "app/src/index.js", request, mode=mode, conditions=conditions_set)


_ORDER_KEYS = (
    "./feat/*",
    "./feat/*.js",
    "./feat/a*",
    "./feat/a*.js",
    "./feat/a.js",
    "./feat/a",
    "./*",
    "./*.js",
    "./feat/*/a.js",
    "./f*",
    "./feat/",
    "./feat/a/*",
)
_ORDER_REQUESTS = (
    "feat/a.js",
    "feat/ab.js",
    "feat/a",
    "feat/x.js",
    "feat/",
    "feat/x/",
    "feat/a.js.js",
    "other",
    "feat/sub/a.js",
    "feat/a/a.js",
    "feat/.js",
    "fe",
    "feat",
    "feat/a/",
)


def scenario_pattern_order(b: TreeBuilder) -> None:
    """Pattern keys competing for one subpath: the most specific key wins, whatever the order.

    Every key maps to its own file (pattern targets without ``*`` are legal and replace nothing),
    so the winning key is visible in the answer. The same keys are tried as "imports" (#...).
    """
    rng = b.rng
    name = f"order-{b.seed}"
    keys = rng.sample(_ORDER_KEYS, rng.randint(4, 8))
    exports: dict[str, Any] = {".": "./main.js"}
    imports: dict[str, Any] = {}
    for index, key in enumerate(keys):
        target = None if rng.random() < 0.1 else f"./t/{index}.js"
        exports[key] = target
        imports["#" + key[2:]] = target
    where = f"app/node_modules/{name}"
    b.write_json(f"{where}/package.json", {"name": name, "exports": exports, "imports": imports})
    b.write(f"{where}/main.js", "//\n")
    for index in range(len(keys)):
        b.write(f"{where}/t/{index}.js", "//\n")
    b.write("app/src/index.js", "//\n")
    b.bare_names.append(name)
    b.packages.append(PackageInfo(name, where, ["main.js"]))
    for request in _ORDER_REQUESTS:
        b.ask("order", "app/src/index.js", f"{name}/{request}")
        b.ask("order", f"{where}/main.js", "#" + request)


def scenario_imports(b: TreeBuilder) -> None:
    """ "imports" (#specifiers) of the project and of packages, scope lookup, bare targets."""
    rng = b.rng
    names = [*b.bare_names[-6:], "fs"]
    value, keys = _imports_value(rng, names)
    manifest: dict[str, Any] = {"name": "app", "imports": value}
    if rng.random() < 0.5:
        manifest["exports"] = {".": "./src/index.js", "./feat/*": "./src/feat/*.js"}
    b.write_json("app/package.json", manifest)
    _materialise(b, "app", _string_targets(value), 0.8)
    for rel in FILE_POOL:
        if rng.random() < 0.3:
            b.write(f"app/{rel}", "{}" if rel.endswith(".json") else "//\n")
    b.write("app/src/index.js", "//\n")
    b.write("app/lib/inner/x.js", "//\n")
    # a nested manifest without imports: files under it are in another scope
    if rng.random() < 0.6:
        b.write_json(
            "app/sub/package.json", {"name": "sub", **({"imports": {"#a": "./a.js"}} if rng.random() < 0.5 else {})}
        )
        b.write("app/sub/a.js", "//\n")
        b.write("app/sub/x.js", "//\n")
    b.write("app/node_modules/dep-a/index.js", "//\n")
    b.write("app/node_modules/dep-a/lib/util.js", "//\n")
    referrers = ["app/src/index.js", "app/lib/inner/x.js", "app", "app/sub/x.js", "app/node_modules/dep-a/index.js"]
    requests = [key.replace("*", _pattern_fill(rng)) for key in keys]
    requests += ["#a", "#nope", "#", "#/x", "#a/", "#feat/a", "#feat/a.js", "#dep", "#dep/lib/util.js", "#fs", "#self"]
    for request in requests:
        b.ask("imports", rng.choice(referrers), request)
    # packages with imports, asked from inside
    for index in range(rng.randint(1, 3)):
        name = f"imp-{b.seed}-{index}"
        info = make_package(b, f"app/node_modules/{name}", name, names=names, exports=True, imports=True)
        inside = f"app/node_modules/{name}/{rng.choice(info.files)}"
        for key in info.import_keys or ["#a"]:
            b.ask("imports", inside, key.replace("*", _pattern_fill(rng)))
        b.ask("imports", f"app/node_modules/{name}/dir", "#a")
    # no package scope at all
    b.write("noscope/x.js", "//\n")
    b.ask("imports", "noscope/x.js", "#a")


def scenario_self(b: TreeBuilder) -> None:
    """Self-reference by package name (needs "exports"), from inside the package and a nested dep."""
    rng = b.rng
    names = [f"self-{b.seed}-{index}" for index in range(rng.randint(1, 3))] + [f"@self/p{b.seed}"]
    for name in names:
        info = make_package(b, f"app/node_modules/{name}", name, names=names)
        inside = [f"app/node_modules/{name}/{rel}" for rel in info.files[:3]] + [f"app/node_modules/{name}"]
        b.write(f"app/node_modules/{name}/node_modules/inner/index.js", "//\n")
        inside.append(f"app/node_modules/{name}/node_modules/inner/index.js")
        for request in _request_variants(rng, name, info.files, info.export_keys)[:8]:
            b.ask("self", rng.choice(inside), request)
    # the project itself, by its own name (scenario_imports may have given it exports)
    b.write("app/src/index.js", "//\n")
    b.ask("self", "app/src/index.js", "app")
    b.ask("self", "app/src/index.js", "app/feat/a")
    b.ask("self", "app/src/index.js", "app/package.json")


def scenario_nested(b: TreeBuilder) -> None:
    """Nested node_modules, shadowing, the upward walk, node_modules/node_modules, scoped names."""
    rng = b.rng
    names = ["alpha", "beta", "gamma", "@scope/pkg", "@scope/other", "node_modules"]
    for name in ("alpha", "beta", "@scope/pkg"):
        _some_package(b, f"app/node_modules/{name}", name, names=names)
    _some_package(b, "app/node_modules/alpha/node_modules/beta", "beta", names=names)
    _some_package(b, "app/node_modules/alpha/node_modules/gamma", "gamma", names=names)
    _some_package(b, "node_modules/gamma", "gamma", names=names)  # above the project
    _some_package(b, "node_modules/delta", "delta", names=names)
    _some_package(b, "app/node_modules/@scope/other", "@scope/other", names=names)
    # a folder literally named node_modules/node_modules: CJS never looks in it, ESM's walk does
    _some_package(b, "app/node_modules/node_modules/hidden", "hidden", names=names)
    b.write("app/node_modules/node_modules/index.js", "//\n")
    if rng.random() < 0.5:
        b.write_json("app/node_modules/node_modules/package.json", {"main": "index.js"})
    b.write("app/node_modules/alpha/node_modules/beta/lib/x.js", "//\n")
    b.write("app/src/deep/a/b/c.mjs", "//\n")
    b.write("app/node_modules/alpha/lib/x.js", "//\n")
    b.write("app/node_modules/node_modules/hidden/x.js", "//\n")
    b.write("app/node_modules/@scope/pkg/lib/x.js", "//\n")
    referrers = [
        "app/src/deep/a/b/c.mjs",
        "app/node_modules/alpha/lib/x.js",
        "app/node_modules/alpha/node_modules/beta/lib/x.js",
        "app/node_modules/node_modules/hidden/x.js",
        "app/node_modules/@scope/pkg/lib/x.js",
        "app/node_modules",
        "app/node_modules/alpha/node_modules",
        "app",
    ]
    requests = [
        "alpha",
        "beta",
        "beta/lib/x.js",
        "gamma",
        "delta",
        "hidden",
        "hidden/x.js",
        "node_modules",
        "node_modules/hidden",
        "node_modules/index.js",
        "@scope/pkg",
        "@scope/pkg/lib/x.js",
        "@scope/other",
        "@scope",
        "@scope/",
        "@Scope/pkg",
        "@scope/pkg/",
        "@scope//pkg",
        "@",
        "alpha/node_modules/beta",
        "Alpha",
        "alpha//lib/x.js",
        "alpha/./lib/x.js",
        "alpha/../beta",
        "%61lpha",
        "alpha\\lib",
        "alpha/lib/x.js?x",
        "alpha/%2e%2e/beta/index.js",
        "alpha/%2E%2E/beta",
        "alpha/%2e/lib/x.js",
        "alpha/lib/%2e%2e/index.js",
        "alpha/.",
        "alpha/..",
        "beta/lib/x.js/",
        "alpha/lib/x.js#frag",
        "@scope/pkg/%2e%2e/other/index.js",
    ]
    for request in requests:
        for referrer in rng.sample(referrers, 2):
            b.ask("nested", referrer, request)
    b.referrers += referrers
    b.bare_names += ["hidden", "delta"]


def scenario_pnpm(b: TreeBuilder) -> None:
    """A pnpm-style store: .pnpm/<name>@<version>/node_modules/<name>, sibling links, hoisted links."""
    rng = b.rng
    store = "app/node_modules/.pnpm"
    pkgs = [("foo", "1.0.0"), ("bar", "2.0.0"), ("baz", "1.1.0"), ("@sc/qux", "3.0.0"), ("hoisted", "1.0.0")]
    deps = {"foo": ["bar", "@sc/qux"], "bar": ["baz"], "baz": [], "@sc/qux": ["foo"], "hoisted": []}
    names = [name for name, _ in pkgs]

    def entry(name: str, version: str) -> str:
        return f"{store}/{name.replace('/', '+')}@{version}/node_modules/{name}"

    versions = dict(pkgs)
    for name, version in pkgs:
        _some_package(b, entry(name, version), name, names=names)
        b.write(f"{entry(name, version)}/lib/x.js", "//\n")
        for dep in deps[name]:
            up = "../" * (dep.count("/") + 2)
            b.link(
                f"{store}/{name.replace('/', '+')}@{version}/node_modules/{dep}",
                f"{up}{entry(dep, versions[dep])[len(store) + 1 :]}",
            )
    for name in ("foo", "@sc/qux"):
        up = "../" * (name.count("/") + 0)
        b.link(f"app/node_modules/{name}", f"{up}.pnpm/{entry(name, versions[name])[len(store) + 1 :]}")
    # public hoisting: .pnpm/node_modules/<name>
    b.link(f"{store}/node_modules/hoisted", f"../{entry('hoisted', '1.0.0')[len(store) + 1 :]}")
    if rng.random() < 0.5:  # an absolute link to the store
        b.link("app/node_modules/bar", b.path(entry("bar", "2.0.0")))
    b.write("app/src/index.js", "//\n")
    referrers_real = [f"{entry(name, version)}/lib/x.js" for name, version in pkgs] + [entry("foo", "1.0.0")]
    referrers_link = ["app/node_modules/foo/lib/x.js", "app/node_modules/@sc/qux/lib/x.js", "app/node_modules/foo"]
    requests = [
        "foo",
        "bar",
        "baz",
        "@sc/qux",
        "hoisted",
        "foo/lib/x.js",
        "bar/package.json",
        "./x.js",
        "../package.json",
        "alpha",
    ]
    for request in requests:
        b.ask("pnpm", rng.choice(referrers_real), request)
        b.ask("pnpm", "app/src/index.js", request)
        b.ask("pnpm", rng.choice(referrers_link), request, preserve=True)
        b.ask("pnpm", rng.choice(referrers_link), request, preserve=False)
    b.bare_names += ["foo", "@sc/qux"]


def scenario_symlinks(b: TreeBuilder) -> None:
    """Relative, absolute, dangling and looping links; file links; workspace packages linked in."""
    rng = b.rng
    farm = "app/farm"
    b.write(f"{farm}/real/index.js", "//\n")
    b.write(f"{farm}/real/a.js", "//\n")
    b.write(f"{farm}/real/sub/index.js", "//\n")
    b.write_json(f"{farm}/real/package.json", {"main": rng.choice(("a.js", "sub", "nope.js"))})
    b.write(f"{farm}/main.js", "//\n")
    b.link(f"{farm}/rel", "real")
    b.link(f"{farm}/abs", b.path(f"{farm}/real"))
    b.link(f"{farm}/file-link.js", "real/a.js")
    b.link(f"{farm}/file-link-noext", "real/a.js")
    b.link(f"{farm}/dangling.js", "nowhere.js")
    b.link(f"{farm}/dangling-dir", "nowhere")
    b.link(f"{farm}/loop.js", "loop.js")
    b.link(f"{farm}/loopa", "loopb")
    b.link(f"{farm}/loopb", "loopa")
    b.link(f"{farm}/chain1", "chain2")
    b.link(f"{farm}/chain2", "rel")
    b.link(f"{farm}/real/back", "..")
    b.link(f"{farm}/dir-link.js", "real")  # a link named like a file, to a folder
    # workspace packages linked into node_modules; their deps are found only through the link path
    b.write("packages/ws/index.js", "//\n")
    b.write("packages/ws/lib/x.js", "//\n")
    b.write_json("packages/ws/package.json", {"name": "ws", "main": "index.js"})
    b.write("app/node_modules/only-in-app/index.js", "//\n")
    make_package(b, "packages/ws-exp", "ws-exp", names=["ws", "only-in-app"], imports=True)
    b.write("packages/ws-exp/lib/x.js", "//\n")
    b.link("app/node_modules/ws", "../../packages/ws")
    b.link("app/node_modules/ws-exp", b.path("packages/ws-exp"))
    b.link("app/node_modules/dangling-pkg", "../nowhere")
    b.link("app/node_modules/loop-pkg", "loop-pkg")
    b.link("app/node_modules/file-pkg.js", "../farm/real/a.js")
    b.link("app/node_modules/pkg-link-to-file", "../farm/real/a.js")
    # links inside a package: exports/main targets that go through them, a linked package.json
    inlink = "app/node_modules/inlink"
    b.write(f"{inlink}/real/a.js", "//\n")
    b.write(f"{inlink}/real/index.js", "//\n")
    b.link(f"{inlink}/l", "real")
    b.link(f"{inlink}/lf.js", "real/a.js")
    b.link(f"{inlink}/up", "..")
    b.write_json(
        "app/shared-manifest.json",
        {
            "name": "inlink",
            "main": rng.choice(("l/a.js", "lf", "l")),
            "exports": {".": rng.choice(("./l/a.js", "./lf.js", "./real/a.js")), "./f": "./lf.js", "./d/*": "./l/*.js"}
            if rng.random() < 0.6
            else None,
        },
    )
    b.link(f"{inlink}/package.json", "../../shared-manifest.json")
    # a project whose node_modules folder is a link to another one
    b.write("app/other/x.js", "//\n")
    b.link("app/other/node_modules", "../node_modules")
    b.link("app/node_modules/@lnk", "../../packages")
    b.write("app/src/index.js", "//\n")
    for request in (
        "inlink",
        "inlink/f",
        "inlink/d/a",
        "inlink/l/a.js",
        "inlink/lf.js",
        "inlink/package.json",
        "@lnk/ws",
        "@lnk/ws-exp",
    ):
        b.ask(
            "symlink",
            rng.choice(("app/src/index.js", "app/other/x.js", f"{inlink}/real/a.js", f"{inlink}/l/a.js")),
            request,
        )
    for request in ("inlink", "only-in-app", "ws", "./x.js", "@lnk/ws/lib/x.js"):
        b.ask("symlink", "app/other/x.js", request, preserve=True)
        b.ask("symlink", "app/other/node_modules/ws/lib/x.js", request, preserve=True)
    requests = [
        "./rel",
        "./rel/a",
        "./abs/a.js",
        "./file-link",
        "./file-link.js",
        "./file-link-noext",
        "./dangling",
        "./dangling.js",
        "./dangling-dir",
        "./loop",
        "./loop.js",
        "./loopa",
        "./chain1",
        "./chain1/a.js",
        "./real/back/main.js",
        "./real/back/rel/sub",
        "./dir-link.js",
        "./dir-link",
        "./real",
    ]
    for request in requests:
        b.ask("symlink", rng.choice([f"{farm}/main.js", farm]), request)
    link_referrers = [
        "app/node_modules/ws/lib/x.js",
        "app/node_modules/ws-exp/lib/x.js",
        f"{farm}/rel/sub/index.js",
        f"{farm}/chain1/a.js",
    ]
    for request in [
        "only-in-app",
        "ws",
        "ws-exp",
        "ws-exp/lib/x.js",
        "../index.js",
        "./x",
        "..",
        "#a",
        "dangling-pkg",
        "loop-pkg",
        "file-pkg",
        "pkg-link-to-file",
    ]:
        b.ask("symlink", rng.choice(link_referrers), request, preserve=True)
        b.ask("symlink", rng.choice(link_referrers), request, preserve=False)
        b.ask("symlink", "app/src/index.js", request)
    b.bare_names += ["ws", "ws-exp"]


def scenario_invalid_manifests(b: TreeBuilder) -> None:
    """package.json files that are not JSON objects, or not files at all."""
    rng = b.rng
    for index, text in enumerate(rng.sample(_INVALID_PACKAGE_JSON, 4)):
        where = f"app/node_modules/bad-{index}"
        b.write(f"{where}/package.json", text)
        b.write(f"{where}/index.js", "//\n")
        b.write(f"{where}/main.js", "//\n")
        b.write(f"{where}/lib/x.js", "//\n")
        b.write(f"app/badrel/d{index}/package.json", text)
        b.write(f"app/badrel/d{index}/index.js", "//\n")
        b.write(f"app/badrel/d{index}/x.js", "//\n")
        for request in (f"bad-{index}", f"bad-{index}/lib/x.js", f"bad-{index}/lib/x", f"bad-{index}/package.json"):
            b.ask("badjson", "app/src/index.js", request)
        b.ask("badjson", f"{where}/lib/x.js", "#a")
        b.ask("badjson", f"{where}/lib/x.js", f"bad-{index}")
        b.ask("badjson", f"{where}/lib/x.js", "../main.js")
        b.ask("badjson", "app/badrel", f"./d{index}")
        b.ask("badjson", "app/badrel", f"./d{index}/x")
        b.ask("badjson", f"app/badrel/d{index}/x.js", "#x")
    b.mkdir("app/node_modules/pj-dir/package.json")
    b.write("app/node_modules/pj-dir/index.js", "//\n")
    b.write("app/src/index.js", "//\n")
    b.ask("badjson", "app/src/index.js", "pj-dir")
    b.ask("badjson", "app/src/index.js", "pj-dir/index.js")
    b.ask("badjson", "app/node_modules/pj-dir/index.js", "#x")
    # a broken manifest in a plain folder: the scope lookup of files under it meets it first
    b.write("app/brokenscope/package.json", rng.choice(_INVALID_PACKAGE_JSON))
    b.write("app/brokenscope/x.js", "//\n")
    b.write("app/brokenscope/y.js", "//\n")
    for request in ("./y.js", "./y", "#a", "alpha", "app", "fs", "../src/index.js", "./missing.js"):
        b.ask("badjson", rng.choice(("app/brokenscope/x.js", "app/brokenscope")), request)
    b.ask("badjson", "app/src/index.js", "../brokenscope/y.js")


def scenario_builtins(b: TreeBuilder) -> None:
    """Core modules, node:-only builtins, and packages that share a builtin's name."""
    rng = b.rng
    if rng.random() < 0.7:
        b.write("app/node_modules/test/index.js", "//\n")
    if rng.random() < 0.7:
        b.write("app/node_modules/fs/index.js", "//\n")
        b.write("app/node_modules/fs/promises.js", "//\n")
    if rng.random() < 0.5:
        b.write("app/node_modules/sea/index.js", "//\n")
    if rng.random() < 0.5:
        b.write_json("app/node_modules/node:fs/package.json", {"main": "x.js"})
        b.write("app/node_modules/node:fs/x.js", "//\n")
    b.write("app/src/index.js", "//\n")
    requests = [
        "fs",
        "node:fs",
        "node:test",
        "test",
        "fs/",
        "node:nope",
        "node:fs/promises",
        "fs/promises",
        "fs/promises.js",
        "node:",
        "sea",
        "node:sea",
        "node:sqlite",
        "node:test/reporters",
        "test/reporters",
        "wasi",
        "_http_agent",
        "node:_http_agent",
        "module",
        "sys",
        "punycode",
        "Fs",
        "node:FS",
        "NODE:fs",
        "node:/fs",
        "node:fs/",
        "fs/x",
        "node:os",
        "path/posix",
        "node:path/win32",
    ]
    for request in rng.sample(requests, 18):
        b.ask("builtin", "app/src/index.js", request)


def scenario_urls(b: TreeBuilder) -> None:
    """file: URLs, percent-encoding, ?query and #hash, and bare specifiers that parse as URLs."""
    rng = b.rng
    d = "app/urls"
    for rel in (
        "a.js",
        "a b.js",
        "a%20b.js",
        "sp ace/x.js",
        "per%2Fcent/x.js",
        "hash#dir/x.js",
        "q?mark/x.js",
        "dir/index.js",
        "é.js",
    ):
        b.write(f"{d}/{rel}", "//\n")
    abs_dir = b.path(d)
    url_dir = "file://" + quote(abs_dir)
    requests = [
        f"{url_dir}/a.js",
        f"{url_dir}/a",
        f"{url_dir}/missing.js",
        f"{url_dir}/dir",
        f"{url_dir}/dir/",
        f"{url_dir}/a%20b.js",
        f"{url_dir}/a%2520b.js",
        f"{url_dir}/a%2Fb.js",
        f"{url_dir}/sp%20ace%2Fx.js",
        f"{url_dir}/a.js?x=1#h",
        f"{url_dir}/a.js#h",
        f"{url_dir}/%C3%A9.js",
        f"file://localhost{quote(abs_dir)}/a.js",
        f"file://otherhost{quote(abs_dir)}/a.js",
        f"file:{quote(abs_dir)}/a.js",
        f"FILE://{quote(abs_dir)}/a.js",
        f"{url_dir}/./dir/../a.js",
        f"{url_dir}/a%5Cb.js",
        "./a.js?x",
        "./a.js#x",
        "./a%20b.js",
        "./a b.js",
        "./sp ace/x.js",
        "./sp%20ace/x.js",
        "./per%2Fcent/x.js",
        "./per%252Fcent/x.js",
        "./hash#dir/x.js",
        "./hash%23dir/x.js",
        "./q?mark/x.js",
        "./q%3Fmark/x.js",
        "./é.js",
        "./%C3%A9.js",
        "lodash:fp",
        "c:/x",
        "http://example.com/x.js",
        "https://example.com/x.mjs",
        "data:text/javascript,export default 1",
        "blob:nope",
        "node_modules:x",
        "//example.com/x.js",
    ]
    referrers = [f"{d}/a.js", f"{d}/sp ace/x.js", f"{d}/per%2Fcent/x.js", f"{d}/hash#dir/x.js", f"{d}/q?mark/x.js", d]
    for request in rng.sample(requests, 26):
        b.ask("url", rng.choice(referrers), request)
    for request in ("../a.js", "../a b.js", "./x.js", "x.js", "#a"):
        b.ask("url", rng.choice(referrers[1:5]), request)


def scenario_walk(b: TreeBuilder) -> None:
    """Relative and absolute requests between random files and folders of the whole tree."""
    rng = b.rng
    referrers = [rel for rel in b.files if rel.endswith((".js", ".mjs", ".cjs"))] + b.dirs
    targets = b.files + b.dirs
    if not referrers or not targets:
        return
    for _ in range(30):
        referrer = rng.choice(referrers)
        target = rng.choice(targets)
        base = referrer if referrer in b.dirs else os.path.dirname(referrer)
        relative = os.path.relpath(target, base)
        if not relative.startswith("."):
            relative = "./" + relative
        stem, _ext = os.path.splitext(relative)
        roll = rng.random()
        request = relative
        if roll < 0.35:
            request = stem
        elif roll < 0.45:
            request = relative + "/"
        elif roll < 0.55:
            request = os.path.dirname(relative) or "."
        elif roll < 0.7:
            request = b.path(target if rng.random() < 0.5 else os.path.splitext(target)[0])
        b.ask("walk", referrer, request)


def scenario_cross(b: TreeBuilder) -> None:
    """Bare requests for every name in the tree, from random places."""
    rng = b.rng
    referrers = [rel for rel in b.files if rel.endswith((".js", ".mjs", ".cjs"))]
    if not referrers:
        return
    names = [*b.bare_names, "missing-pkg", "@scope/missing", ".hidden", "..."]
    for _ in range(25):
        name = rng.choice(names)
        request = name if rng.random() < 0.6 else f"{name}/{rng.choice(FILE_POOL)}"
        b.ask("cross", rng.choice(referrers), request)


_VERSION_MANIFESTS = ("true", "false", '"x"', "[1]", "1.5", "{}")
_VERSION_EXPORTS: tuple[Any, ...] = (False, True, 0, 1, 1.5, "", None)
_VERSION_MAINS = (
    "lib/",
    "lib//",
    "./lib/",
    "lib/.",
    "a%20b.js",
    "a%2Fb.js",
    "a b.js",
    "",
    ".",
    "./",
    "lib/index",
    "lib.js/",
    "../sib",
    "lib/../lib",
    "./missing/",
)


def scenario_versions(b: TreeBuilder) -> None:
    """What resolves differently across node 20, 22, 24 and 26 (nmdoctor.resolve.node.versions):
    non-object package.json files, number/boolean exports, ESM "main" guesses taken as paths,
    symlink loops read as package.json, "#/" imports keys, and the builtins that come and go.
    Runs last, so the queries of the other scenarios keep their ids."""
    rng = b.rng
    b.write("app/src/index.js", "//\n")
    for index, text in enumerate(rng.sample(_VERSION_MANIFESTS, 3)):
        where = f"app/node_modules/vbad-{index}"
        b.write(f"{where}/package.json", text)
        b.write(f"{where}/index.js", "//\n")
        b.write(f"{where}/lib/x.js", "//\n")
        for request in (f"vbad-{index}", f"vbad-{index}/lib/x.js", f"vbad-{index}/package.json"):
            b.ask("versions", "app/src/index.js", request)
        b.ask("versions", f"{where}/lib/x.js", "#a")
        b.ask("versions", f"{where}/lib/x.js", "./x.js")
    for index, value in enumerate(rng.sample(_VERSION_EXPORTS, 4)):
        where = f"app/node_modules/vexp-{index}"
        manifest: dict[str, Any] = {"name": f"vexp-{index}", "exports": value}
        if rng.random() < 0.7:
            manifest["main"] = rng.choice(("main.js", "lib", "./missing.js"))
        b.write_json(f"{where}/package.json", manifest)
        for rel in ("index.js", "main.js", "lib/index.js", "lib/x.js", "package.js"):
            if rng.random() < 0.8:
                b.write(f"{where}/{rel}", "//\n")
        for request in (f"vexp-{index}", f"vexp-{index}/lib/x.js", f"vexp-{index}/lib", f"vexp-{index}/package.json"):
            b.ask("versions", rng.choice(("app/src/index.js", "app")), request)
        b.ask("versions", f"{where}/lib/x.js", f"vexp-{index}")
    for index, main in enumerate(rng.sample(_VERSION_MAINS, 5)):
        name = f"vmain-{index}"
        where = f"app/node_modules/{name}"
        b.write_json(f"{where}/package.json", {"name": name, "main": main})
        for rel in (
            "lib.js",
            "lib/index.js",
            "lib/.js",
            "lib/.json",
            "a%20b.js",
            "a b.js",
            ".js",
            "index.js",
            "lib.js/index.js",
        ):
            if rng.random() < 0.5:
                b.write(f"{where}/{rel}", "//\n")
        if rng.random() < 0.4:
            b.write(f"app/node_modules/{name}.js", "//\n")
        if rng.random() < 0.3:
            b.write("app/node_modules/sib.js", "//\n")
        for referrer in ("app/src/index.js", "app"):
            b.ask("versions", referrer, name)
        b.ask("versions", "app/src/index.js", f"./{name}", mode="cjs")
    loops = rng.sample(("self", "json", "pair", "deep"), 2)
    if "self" in loops:
        b.link("app/node_modules/vloop", "vloop")
    if "json" in loops:
        b.write("app/node_modules/vloopjson/index.js", "//\n")
        b.link("app/node_modules/vloopjson/package.json", "package.json")
    if "pair" in loops:
        b.link("app/node_modules/vpair-a", "vpair-b")
        b.link("app/node_modules/vpair-b", "vpair-a")
    if "deep" in loops:
        b.write_json("app/node_modules/vdeep/package.json", {"name": "vdeep", "exports": "./index.js"})
        b.write("app/node_modules/vdeep/index.js", "//\n")
        b.link("app/node_modules/vdeep/node_modules", "node_modules")
    for request in ("vloop", "vloop/x.js", "vloopjson", "vloopjson/index.js", "vpair-a", "vpair-b/x", "vdeep"):
        b.ask("versions", rng.choice(("app/src/index.js", "app/node_modules/vdeep/index.js")), request)
    b.write_json("app/vimpnum/package.json", {"name": "vimpnum", "imports": rng.choice((3, 0, True, False, "x", []))})
    b.write("app/vimpnum/x.js", "//\n")
    for request in ("#a", "#/x", "vimpnum"):
        b.ask("versions", "app/vimpnum/x.js", request)
    imports: dict[str, Any] = {}
    for key in rng.sample(("#/x", "#/*", "#/", "#/a/", "#/a/*.js", "#//x", "#x/*", "#/x/*"), 4):
        imports[key] = rng.choice(("./x.js", "./src/*.js", "./src/", "alpha", "fs", "./missing.js", None))
    b.write_json("app/vimports/package.json", {"name": "vimports", "imports": imports})
    for rel in ("x.js", "src/x.js", "src/a.js", "src/a/b.js"):
        b.write(f"app/vimports/{rel}", "//\n")
    for request in rng.sample(
        ("#/x", "#/a", "#/a/b", "#/a/b.js", "#/", "#//x", "#/../x", "#/x/a", "#x/a", "#/src/x.js"), 6
    ):
        b.ask("versions", rng.choice(("app/vimports/x.js", "app/vimports/src/a.js", "app/vimports")), request)
    if rng.random() < 0.6:
        b.write("app/node_modules/_stream_readable/index.js", "//\n")
        b.write("app/node_modules/ffi/index.js", "//\n")
        b.write("app/node_modules/sqlite/index.js", "//\n")
    for request in rng.sample(
        (
            "_stream_readable",
            "node:_stream_readable",
            "_stream_wrap",
            "node:_stream_duplex",
            "ffi",
            "node:ffi",
            "sqlite",
            "node:sqlite",
            "node:sqlite/x",
            "node:quic",
            "node:test/reporters",
        ),
        6,
    ):
        b.ask("versions", "app/src/index.js", request)


SCENARIOS = (
    scenario_probing,
    scenario_mains,
    scenario_exports,
    scenario_conditions,
    scenario_pattern_order,
    scenario_imports,
    scenario_self,
    scenario_nested,
    scenario_pnpm,
    scenario_symlinks,
    scenario_invalid_manifests,
    scenario_builtins,
    scenario_urls,
    scenario_walk,
    scenario_cross,
    scenario_versions,
)


def generate_case(seed: int, root: Path) -> list[Query]:
    """Write the adversarial tree of ``seed`` under ``root`` and return the queries about it."""
    builder = TreeBuilder(seed, root)
    for scenario in SCENARIOS:
        scenario(builder)
    return builder.queries()


def count_packages(root: Path) -> int:
    """How many package.json files (packages, including nested manifests) a tree holds."""
    return sum(1 for _ in root.rglob("package.json"))


# ------------------------------------------------------------------------------------ environment


def generate_env_case(seed: int, root: Path) -> tuple[list[Query], dict[str, str]]:
    """A tree for NODE_PATH and the global folders; returns the queries and the environment.

    Both sides must run with ``cwd=root`` and the returned variables (``NODE_PATH`` holds absolute
    entries, an empty entry, a relative one, a missing one; ``HOME`` holds ``.node_modules`` and
    ``.node_libraries``).
    """
    b = TreeBuilder(seed, root, prefix="env")
    rng = b.rng
    names = ["g1", "g2", "shared", "home1", "home2", "exp-g"]
    _some_package(b, "np/one/g1", "g1", names=names)
    _some_package(b, "np/one/shared", "shared", names=names)
    _some_package(b, "np/two/g2", "g2", names=names)
    _some_package(b, "np/two/shared", "shared", names=names)
    _some_package(b, "np/two/exp-g", "exp-g", names=names)
    b.write("np/two/loose.js", "//\n")
    b.write("np/rel/relpkg/index.js", "//\n")
    _some_package(b, "home/.node_modules/home1", "home1", names=names)
    _some_package(b, "home/.node_modules/shared", "shared", names=names)
    b.write("home/.node_libraries/home2.js", "//\n")
    b.write("home/.node_libraries/home1/index.js", "//\n")
    _some_package(b, "app/node_modules/shared", "shared", names=names)
    b.write("app/src/index.js", "//\n")
    b.write("elsewhere/x.js", "//\n")
    order = ["np/one", "np/two"]
    rng.shuffle(order)
    entries = [b.path(order[0]), "", "np/rel", b.path("np/missing"), b.path(order[1])]
    env = {"NODE_PATH": os.pathsep.join(entries), "HOME": b.path("home")}
    requests = [
        "g1",
        "g2",
        "shared",
        "home1",
        "home2",
        "exp-g",
        "exp-g/x",
        "loose",
        "loose.js",
        "relpkg",
        "g1/package.json",
        "fs",
        "nope",
    ]
    requests += [f"{name}/{rng.choice(FILE_POOL)}" for name in ("g1", "g2", "shared")]
    for request in requests:
        for referrer in ("app/src/index.js", "elsewhere/x.js", "np/one/g1"):
            b.ask("env", referrer, request)
    return b.queries(), env
