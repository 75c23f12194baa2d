"""Bundler mode against the real enhanced-resolve 5.27.0 (tests/node_tools), on generated trees.

Each seed writes a tree to tmp_path (hoisted and pnpm-style packages, links of every kind, exports
and imports with conditions, patterns and invalid targets, main/loader/module/browser fields,
broken description files, single-file modules, an absolute modules folder), then asks both
resolvers the same questions under several option sets: webpack's ``resolveLoader`` and
``resolve`` defaults (node and web targets, CommonJS and ESM) and custom sets that exercise
``alias``, ``fallback``, absolute ``modules``, ``symlinks: false``, ``enforceExtension``,
``fullySpecified``, ``preferRelative``, nested field names and custom description files.
Agreement must be exact: the resolved path (with query and fragment), ignored-or-not, and
success-or-failure; error messages are compared too.
"""

from __future__ import annotations

import json
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.resolve.webpack.options import BundlerOptions, webpack_loader_defaults, webpack_normal_defaults
from nmdoctor.resolve.webpack.resolver import BundlerResolver
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node

HERE = Path(__file__).resolve().parent
ENHANCED_RESOLVE = HERE.parent / "node_tools" / "node_modules" / "enhanced-resolve"
EXAMPLE = HERE.parents[1] / "examples" / "pnpm-string-loader"
needs_tools = pytest.mark.skipif(
    not ENHANCED_RESOLVE.is_dir(), reason="enhanced-resolve is not installed: run npm ci --prefix tests/node_tools"
)

# Answers {configs: {name: options}, queries: [{id, config, context, request}]} with the real
# enhanced-resolve; a result's "\0#" escapes are undone, false (ignored) is kept.
NODE_SCRIPT = r"""
const {ResolverFactory, CachedInputFileSystem} = require(process.argv[1]);
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const resolvers = {};
for (const [name, options] of Object.entries(input.configs)) {
  resolvers[name] = ResolverFactory.createResolver({
    fileSystem: new CachedInputFileSystem(fs, 4000), useSyncFileSystemCalls: true, ...options,
  });
}
const out = input.queries.map((q) => {
  try {
    const res = resolvers[q.config].resolveSync({}, q.context, q.request);
    return {id: q.id, resolved: res === false ? false : res.replace(/\0#/g, "#"), error: null};
  } catch (e) {
    return {id: q.id, resolved: null, error: String(e && e.message !== undefined ? e.message : e)};
  }
});
process.stdout.write(JSON.stringify(out));
"""


def run_enhanced_resolve(configs: dict[str, dict[str, Any]], queries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The real enhanced-resolve's answers, in query order: {id, resolved (str | False | None), error}."""
    completed = subprocess.run(
        ["node", "-e", NODE_SCRIPT, str(ENHANCED_RESOLVE)],
        input=json.dumps({"configs": configs, "queries": queries}),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(completed.stdout)


@dataclass
class Disagreement:
    config: str
    context: str
    request: str
    theirs: Any
    ours: Any


def compare(
    options: dict[str, BundlerOptions], queries: list[dict[str, Any]]
) -> tuple[int, list[Disagreement], list[Disagreement]]:
    """Ask both sides; return the count, the outcome disagreements and the error-text ones."""
    configs = {name: option.to_enhanced_resolve() for name, option in options.items()}
    theirs = run_enhanced_resolve(configs, queries)
    fs = DiskFS()
    resolvers = {name: BundlerResolver(fs, option) for name, option in options.items()}
    wrong: list[Disagreement] = []
    wrong_text: list[Disagreement] = []
    for query, answer in zip(queries, theirs, strict=True):
        ours = resolvers[query["config"]].resolve(query["request"], query["context"])
        our_value: Any = False if ours.ignored else ours.resolved
        if our_value != answer["resolved"]:
            wrong.append(Disagreement(query["config"], query["context"], query["request"], answer, ours))
        elif answer["error"] is not None and not _same_error(answer["error"], ours.error or ""):
            wrong_text.append(Disagreement(query["config"], query["context"], query["request"], answer, ours.error))
    return len(queries), wrong, wrong_text


def _same_error(theirs: str, ours: str) -> bool:
    """Error texts agree; V8's and Python's JSON syntax messages differ, so only their prefix counts."""
    marker = "(directory description file): SyntaxError:"
    if marker in theirs:
        return ours.split(marker)[0] == theirs.split(marker)[0] and marker in ours
    return theirs == ours


# -- the generated trees ---------------------------------------------------------------------------

CONDITIONS = [
    "require",
    "import",
    "node",
    "browser",
    "default",
    "loader",
    "webpack",
    "production",
    "development",
    "module",
    "custom",
    "types",
    "worker",
]
PACKAGE_FILES = [
    "index.js",
    "main.js",
    "lib/main.js",
    "lib/index.js",
    "lib/util.js",
    "lib/data.json",
    "lib/file",
    "lib/deep/x.js",
    "dist/cjs.js",
    "dist/esm.mjs",
    "dist/loader.js",
    "dist/index.cjs",
    "browser.js",
    "module.js",
    "feature.js",
    "feature/index.js",
    "folder/a.js",
    "mod.wasm",
    "addon.node",
    "a#b.js",
    "sub/index.js",
    "sub/entry.js",
]
MAIN_VALUES: list[Any] = [
    "",
    ".",
    "./",
    "lib",
    "lib/",
    "./lib/main",
    "lib/main.js",
    "dist/cjs",
    "missing.js",
    "./missing",
    "feature",
    "sub",
    "../sibling/index.js",
    "/lib/main.js",
    "main",
    1,
    None,
    {"x": 1},
]
PACKAGE_NAMES = [
    "pkg-a",
    "pkg-b",
    "pkg-c",
    "pkg-d",
    "@scope/pkg-e",
    "@scope/pkg-f",
    "css-loader",
    "style-loader",
    "builder",
    "lodash",
    "zeta",
    "webby",
]
SUBPATHS = [
    "",
    "/",
    "/package.json",
    "/feature",
    "/lib/main",
    "/lib/main.js",
    "/lib/util",
    "/lib/data",
    "/lib/file",
    "/lib/deep/x",
    "/dist/cjs",
    "/dist/cjs.js",
    "/dist/esm.mjs",
    "/internal/x",
    "/folder/a.js",
    "/folder/a",
    "/missing",
    "/sub",
    "/mod",
    "/addon",
    "/a#b",
    "?query",
    "#frag",
    "/lib/main?x=1#y",
]


class Tree:
    """Writes files, folders and links under one root (paths relative to it)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def abs(self, rel: str) -> str:
        return str(self.root / rel)

    def file(self, rel: str, content: Any = "") -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content)
        else:
            path.write_text(json.dumps(content))

    def dir(self, rel: str) -> None:
        (self.root / rel).mkdir(parents=True, exist_ok=True)

    def link(self, rel: str, target: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            return
        path.symlink_to(target)


def _target(rng: random.Random, files: list[str]) -> Any:
    roll = rng.random()
    if roll < 0.55:
        return "./" + rng.choice(files)
    if roll < 0.65:
        return "./" + rng.choice(files).rsplit(".", 1)[0]  # extensionless: enhanced-resolve still probes
    return rng.choice(
        [
            "./missing.js",
            "./lib/",
            "dist/cjs.js",
            "./../x.js",
            "./node_modules/x/index.js",
            "./lib//main.js",
            "",
            "./lib/main.js?query",
            "./feature",
            "./%2e/lib/main.js",
            "../outside.js",
            "lodash",
        ]
    )


def _conditional(rng: random.Random, files: list[str], depth: int) -> dict[str, Any]:
    names = rng.sample(CONDITIONS, k=rng.randint(1, 4))
    mapping: dict[str, Any] = {}
    for name in names:
        roll = rng.random()
        if roll < 0.2 and depth < 2:
            mapping[name] = _conditional(rng, files, depth + 1)
        elif roll < 0.3:
            mapping[name] = [_target(rng, files), _target(rng, files)]
        elif roll < 0.35:
            mapping[name] = None
        else:
            mapping[name] = _target(rng, files)
    return mapping


def _value(rng: random.Random, files: list[str]) -> Any:
    roll = rng.random()
    if roll < 0.45:
        return _target(rng, files)
    if roll < 0.85:
        return _conditional(rng, files, 0)
    if roll < 0.95:
        return [_target(rng, files), _conditional(rng, files, 1)]
    return rng.choice([None, [None, "./index.js"], [1, "./index.js"], ["./lib/", "./index.js"]])


def _exports(rng: random.Random, files: list[str]) -> Any:
    kind = rng.choice(["string", "conditions", "subpaths", "subpaths", "subpaths", "array", "odd"])
    if kind == "string":
        return _target(rng, files)
    if kind == "conditions":
        return _conditional(rng, files, 0)
    if kind == "array":
        return [_target(rng, files), _target(rng, files)]
    if kind == "odd":
        return rng.choice(
            [
                {"./a": "./index.js", "require": "./index.js"},
                {"require": "./index.js", "./a": "./index.js"},
                {"lib": "./index.js"},
                {".lib": "./index.js"},
                {"import": {"./x": "./index.js"}},
                1,
                True,
                "",
                {},
                [],
                {"./folder/": "./folder"},
            ]
        )
    keys = rng.sample(
        [
            ".",
            "./feature",
            "./lib/*",
            "./lib/*.js",
            "./package.json",
            "./internal/*",
            "./folder/",
            "./*",
            "./dist/*",
            "./sub",
            "./lib/deep/*",
            "./a#b",
        ],
        k=rng.randint(1, 6),
    )
    field: dict[str, Any] = {}
    for key in keys:
        if key == "./internal/*":
            field[key] = None
        elif key == "./folder/":
            field[key] = rng.choice(["./folder/", "./lib/", "./missing/"])
        elif key.endswith("*"):
            field[key] = rng.choice(
                ["./lib/*.js", "./lib/*", "./*.js", "./dist/*.js", {"require": "./lib/*.js", "default": "./lib/*"}]
            )
        elif key == "./package.json":
            field[key] = "./package.json"
        else:
            field[key] = _value(rng, files)
    return field


def _imports(rng: random.Random, files: list[str]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "#dep": rng.choice(["pkg-a", "pkg-b/lib/main", "./lib/util.js", "missing-dep"]),
        "#internal/*": rng.choice(["./lib/*.js", "./lib/*", "pkg-c/lib/*"]),
        "#cond": _conditional(rng, files, 0),
        "#missing": "./nope.js",
        "#bad": rng.choice(["../x.js", "./../x.js", "./node_modules/y.js", ".hidden.js"]),
        "#arr": [_target(rng, files), _target(rng, files)],
        "#ext": "./lib/main",
    }
    return dict(rng.sample(sorted(field.items()), k=rng.randint(2, len(field))))


def _browser(rng: random.Random, files: list[str]) -> Any:
    if rng.random() < 0.3:
        return "./" + rng.choice(files)
    return {
        "./lib/main.js": "./browser.js",
        "./lib/util.js": False,
        "lib/index.js": "./lib/util.js",
        "./dist/cjs.js": "./missing.js",
        "fs": False,
        "pkg-b": "./browser.js",
        "./index.js": rng.choice(["./browser.js", "./module.js"]),
        "./module.js": None,
        "./constructor": "./browser.js",
    }


def make_package(tree: Tree, rng: random.Random, folder: str, name: str, *, weird: bool = False) -> None:
    """A package at ``folder`` with random files and description-file fields."""
    files = rng.sample(PACKAGE_FILES, k=rng.randint(3, 10))
    if rng.random() < 0.5 and "index.js" not in files:
        files.append("index.js")
    for rel in files:
        tree.file(f"{folder}/{rel}", f"// {name}/{rel}\n")
    if "sub/index.js" in files or "sub/entry.js" in files:
        tree.file(f"{folder}/sub/package.json", {"main": rng.choice(["entry.js", "./entry", "missing.js", ".."])})
    if "lib/main.js" in files and rng.random() < 0.2:
        tree.link(f"{folder}/lib/alias.js", "main.js")
    manifest: dict[str, Any] = {"name": name if rng.random() < 0.9 else "other-name", "version": "1.0.0"}
    for field in ("main", "loader", "module"):
        if rng.random() < 0.45:
            manifest[field] = rng.choice(MAIN_VALUES + [f for f in files if rng.random() < 0.2])
    if rng.random() < 0.3:
        manifest["browser"] = _browser(rng, files)
    if rng.random() < 0.6:
        manifest["exports"] = _exports(rng, files)
    if rng.random() < 0.3:
        manifest["imports"] = _imports(rng, files)
    if rng.random() < 0.15:
        manifest["pkg"] = {"main": rng.choice(files)}
    if weird and rng.random() < 0.5:
        tree.file(
            f"{folder}/package.json",
            rng.choice([b"{,}", b"\xef\xbb\xbf{}", b"", b"null", b"[]", b'"text"', b"7", b'{"main": NaN}']),
        )
    elif weird and rng.random() < 0.3:
        tree.dir(f"{folder}/package.json")
    else:
        tree.file(f"{folder}/package.json", manifest)


@dataclass
class Case:
    contexts: list[str]
    requests: list[str]
    options: dict[str, BundlerOptions]


def generate_case(seed: int, root: Path) -> Case:
    """One seeded tree under ``root``, the folders to ask from, the requests, and the option sets."""
    rng = random.Random(seed)
    tree = Tree(root)
    app = "app"
    shared = "shared_modules"
    names = rng.sample(PACKAGE_NAMES, k=rng.randint(6, len(PACKAGE_NAMES)))
    app_manifest: dict[str, Any] = {"name": "app", "version": "1.0.0"}
    if rng.random() < 0.6:
        app_manifest["exports"] = {".": "./src/index.js", "./feature": {"node": "./src/util.js"}, "./*": "./src/*.js"}
    if rng.random() < 0.7:
        app_manifest["imports"] = _imports(rng, ["src/index.js", "src/util.js", "lib/main.js"])
    if rng.random() < 0.5:
        app_manifest["browser"] = {"./src/util.js": "./src/browser-util.js", "pkg-a": False, "./src/old.js": False}
    tree.file(f"{app}/package.json", app_manifest)
    for rel in [
        "src/index.js",
        "src/util.js",
        "src/browser-util.js",
        "src/data.json",
        "src/lib/index.js",
        "src/a#b.js",
        "src/x.mjs",
        "src/mod.wasm",
        "src/addon.node",
        "src/comp/main.js",
        "src/file.ts",
        "src/q?x.js",
        "lib/main.js",
        "index.js",
    ]:
        tree.file(f"{app}/{rel}", f"// {rel}\n")
    tree.file(f"{app}/src/comp/package.json", {"main": rng.choice(["./main.js", "main", "missing.js"])})
    # A second description file name (the "strict" option set reads bower.json after package.json).
    tree.file(f"{app}/src/bowered/bower.json", {"name": "bowered", "main": rng.choice(["entry.js", "missing.js"])})
    tree.file(f"{app}/src/bowered/entry.js", "")
    tree.file(f"{app}/node_modules/bower-only/bower.json", {"name": "bower-only", "main": "lib/entry"})
    tree.file(f"{app}/node_modules/bower-only/lib/entry.js", "")
    tree.file(f"{app}/node_modules/single.js", "// single-file module\n")
    tree.file(f"{app}/web_modules/pkg-a/index.js", "// web_modules copy\n")

    placements: dict[str, str] = {}
    for name in names:
        where = rng.choice(["hoisted", "pnpm", "pnpm", "pnpm-hidden", "shared", "nested"])
        placements[name] = where
        flat = name.replace("/", "+")
        weird = rng.random() < 0.12 and name not in ("builder",)
        if where == "hoisted":
            make_package(tree, rng, f"{app}/node_modules/{name}", name, weird=weird)
        elif where in ("pnpm", "pnpm-hidden"):
            real = f"{app}/node_modules/.pnpm/{flat}@1.0.0/node_modules/{name}"
            make_package(tree, rng, real, name, weird=weird)
            if where == "pnpm":
                up = "../" if "/" in name else ""
                tree.link(f"{app}/node_modules/{name}", f"{up}.pnpm/{flat}@1.0.0/node_modules/{name}")
            if rng.random() < 0.5:
                up = "../" if "/" in name else ""
                tree.link(f"{app}/node_modules/.pnpm/node_modules/{name}", f"{up}../{flat}@1.0.0/node_modules/{name}")
        elif where == "shared":
            make_package(tree, rng, f"{shared}/{name}", name, weird=weird)
        else:
            make_package(tree, rng, f"{app}/node_modules/pkg-host/node_modules/{name}", name, weird=weird)
    tree.file(f"{app}/node_modules/pkg-host/package.json", {"name": "pkg-host", "main": "index.js"})
    tree.file(f"{app}/node_modules/pkg-host/index.js", "")

    # The builder of seed 002: its loaders are linked only inside its own .pnpm folder.
    builder_real = f"{app}/node_modules/.pnpm/builder@1.0.0/node_modules/builder"
    tree.file(f"{builder_real}/package.json", {"name": "builder", "main": "index.js"})
    tree.file(f"{builder_real}/index.js", "")
    tree.link(f"{app}/node_modules/builder", ".pnpm/builder@1.0.0/node_modules/builder")
    for loader in ("css-loader", "style-loader"):
        where = placements.get(loader)
        if where in ("pnpm", "pnpm-hidden"):
            tree.link(
                f"{app}/node_modules/.pnpm/builder@1.0.0/node_modules/{loader}",
                f"../../{loader}@1.0.0/node_modules/{loader}",
            )

    # Links of every kind.
    tree.link(f"{app}/node_modules/linked-file.js", "../src/util.js")
    tree.link(f"{app}/node_modules/dangling", "../nowhere")
    tree.link(f"{app}/node_modules/loop", "loop")
    tree.link(f"{app}/node_modules/chain1", "chain2")
    tree.link(f"{app}/node_modules/chain2", "builder")
    tree.link(f"{app}/node_modules/abs-link", tree.abs(builder_real))
    # The kernel follows "builder" before "..": the link leads into builder's .pnpm folder, while
    # enhanced-resolve rewrites the path text (and reports a path that does not exist).
    tree.file(f"{app}/node_modules/.pnpm/builder@1.0.0/node_modules/tricky-target/index.js", "")
    tree.link(f"{app}/node_modules/tricky", "builder/../tricky-target")
    good = f"{app}/node_modules/.pnpm/good@1.0.0/node_modules/good"
    for rel in ("cjs.js", "esm.mjs", "loader.js", "browser.js", "index.js", "main.js", "module.js", "feature.js"):
        tree.file(f"{good}/{rel}", "")
    tree.file(f"{good}/lib/util.js", "")
    tree.file(
        f"{good}/package.json",
        {
            "name": "good",
            "main": "./main.js",
            "loader": "./loader.js",
            "module": "./module.js",
            "browser": {"./main.js": "./browser.js", "./lib/util.js": False},
            "exports": {
                ".": {
                    "loader": "./loader.js",
                    "browser": "./browser.js",
                    "require": "./cjs.js",
                    "import": "./esm.mjs",
                    "default": "./index.js",
                },
                "./feature": "./feature",
                "./lib/*": "./lib/*.js",
                "./package.json": "./package.json",
            }
            if rng.random() < 0.7
            else None,
        },
    )
    tree.link(f"{app}/node_modules/good", ".pnpm/good@1.0.0/node_modules/good")
    tree.link(f"{app}/node_modules/dot-link", "./.pnpm/builder@1.0.0/node_modules/builder/./")
    make_package(tree, rng, f"{app}/packages/ws", "ws")
    tree.file(f"{app}/packages/ws/node_modules/ws-dep/index.js", "")
    tree.link(f"{app}/node_modules/ws", "../packages/ws")
    tree.dir(f"{app}/packages/ws2")
    tree.file(f"{app}/packages/ws2/package.json", {"name": "ws2"})
    tree.link(f"{app}/packages/ws2/node_modules", "../../node_modules")
    tree.link(f"{app}/src/linked-dir", "../lib")
    tree.link(f"{app}/src/abs-file.js", tree.abs(f"{app}/lib/main.js"))

    base = str(root)
    app_abs = tree.abs(app)
    shared_abs = tree.abs(shared)
    contexts = [
        app_abs,
        f"{app_abs}/src",
        f"{app_abs}/src/comp",
        tree.abs(builder_real),
        f"{app_abs}/node_modules/builder",
        f"{app_abs}/packages/ws",
        f"{app_abs}/packages/ws2",
        f"{app_abs}/node_modules/pkg-host",
        base,
    ]
    for name, where in placements.items():
        if where in ("pnpm", "pnpm-hidden") and rng.random() < 0.4:
            contexts.append(tree.abs(f"{app}/node_modules/.pnpm/{name.replace('/', '+')}@1.0.0/node_modules/{name}"))

    requests: list[str] = []
    for name in [*names, "ws", "ws-dep", "pkg-host", "app", "missing-pkg", "good", "good"]:
        requests += [name + sub for sub in rng.sample(SUBPATHS, k=9)]
    requests += [
        "single",
        "linked-file",
        "linked-file.js",
        "dangling",
        "loop",
        "chain1",
        "chain1/index",
        "abs-link",
        "tricky",
        "dot-link",
        "ws/lib/main",
        "pkg-host/node_modules/pkg-a",
        "./src/index",
        "./src",
        "./src/",
        "./src/lib",
        "./src/data",
        "./src/data.json",
        "./src/a#b",
        "./src/a#b.js",
        "./src/x",
        "./src/x.mjs",
        "./src/mod",
        "./src/addon",
        "./src/comp",
        "./src/comp/",
        "./src/bowered",
        "bower-only",
        "./src/file",
        "./src/q?x",
        "./src/util?q#h",
        "./src/util#frag",
        "./src/linked-dir/main",
        "./src/abs-file",
        "./src/old",
        "./src/util",
        "./index",
        "./lib/main",
        "../app",
        "../app/",
        ".",
        "..",
        "./",
        "./missing",
        "./node_modules/pkg-a",
        "/src/index",
        "/src/util.js",
        f"{app_abs}/src/index",
        f"{app_abs}/src/util",
        f"{app_abs}/src/",
        f"file://{app_abs}/src/util.js",
        "#dep",
        "#internal/util",
        "#internal/main",
        "#cond",
        "#missing",
        "#bad",
        "#arr",
        "#ext",
        "#nope",
        "#",
        "#dep/",
        "aliased",
        "aliased/lib/main",
        "exact",
        "exact/x",
        "exact-abs",
        "exact-abs/x",
        "ignored",
        "ignored/x",
        "arr",
        "wild/main",
        "wild/deep/x",
        "@alias/util",
        "@alias",
        "loop-a",
        "pkg-d/x",
        "zzz",
        "fb-only",
        "fs",
        "",
    ]
    rng.shuffle(requests)

    alias: tuple[tuple[str, Any], ...] = (
        ("aliased", "pkg-host"),
        ("exact$", "./src/util"),
        ("exact-abs$", f"{app_abs}/src/util"),
        ("ignored", False),
        ("arr", ("missing-pkg", "pkg-host", "pkg-c")),
        ("wild/*", "pkg-c/lib/*"),
        ("@alias", f"{app_abs}/src"),
        (f"{app_abs}/src/old.js", f"{app_abs}/src/util.js"),
        ("pkg-d", "pkg-d/lib"),
        ("loop-a", "loop-b"),
        ("loop-b", "loop-a"),
        ("z*", False),
    )
    options = {
        "loader": webpack_loader_defaults(),
        "node": webpack_normal_defaults("node", context=app_abs),
        "web": webpack_normal_defaults("web", context=app_abs),
        "esm": webpack_normal_defaults("node", dependency="esm", mode="development"),
        "custom": BundlerOptions(
            modules=("web_modules", "node_modules", shared_abs),
            alias=alias,
            fallback=(("fb-only", "good"), ("fs", False)),
            extensions=(".js", ".json", ".ts"),
            main_fields=(("pkg", "main"), "main", "loader"),
            main_files=("index", "main"),
            condition_names=("custom", "require", "node"),
            alias_fields=("browser",),
        ),
        "shared-first": BundlerOptions(
            modules=(shared_abs, "node_modules"),
            condition_names=("import", "browser"),
            symlinks=False,
            extensions=(".mjs", ".js"),
        ),
        "strict": BundlerOptions(
            extensions=("", ".js"),
            condition_names=("require",),
            fully_specified=rng.random() < 0.5,
            prefer_relative=True,
            description_files=("package.json", "bower.json"),
            exports_fields=(("exports",), "exports"),
            imports_fields=(),
        ),
    }
    return Case(contexts, requests, options)


def build_queries(seeds: range, root: Path) -> tuple[dict[str, BundlerOptions], list[dict[str, Any]]]:
    """Every request under every option set of each seeded tree, each asked from one context (the
    project's folders more often than the others). Option sets are named per seed (paths differ)."""
    options: dict[str, BundlerOptions] = {}
    queries: list[dict[str, Any]] = []
    for seed in seeds:
        case = generate_case(seed, root / f"seed{seed}")
        rng = random.Random(seed * 7919)
        weights = [6, 4, 1, 2, 1] + [1] * (len(case.contexts) - 5)
        for name, option in case.options.items():
            options[f"{seed}:{name}"] = option
            for request in case.requests:
                context = rng.choices(case.contexts, weights)[0]
                queries.append({"id": len(queries), "config": f"{seed}:{name}", "context": context, "request": request})
    return options, queries


def _report(wrong: list[Disagreement]) -> str:
    lines = []
    for item in wrong[:15]:
        ours = item.ours if isinstance(item.ours, str) else (item.ours.resolved, item.ours.error)
        lines.append(f"{item.config} in {item.context}: {item.request!r}\n  theirs: {item.theirs}\n  ours:   {ours}")
    return "\n".join(lines)


@requires_node
@needs_tools
@pytest.mark.node
def test_generated_trees_agree_with_enhanced_resolve(tmp_path: Path) -> None:
    options, queries = build_queries(range(30), tmp_path)
    count, wrong, wrong_text = compare(options, queries)
    print(
        f"bundler vs enhanced-resolve: {count} queries, {len(wrong)} outcome mismatches, "
        f"{len(wrong_text)} error-text mismatches"
    )
    assert count >= 40000
    assert wrong == [], _report(wrong)
    assert wrong_text == [], _report(wrong_text)


@requires_node
@needs_tools
@pytest.mark.node
def test_both_presets_agree_on_every_request(tmp_path: Path) -> None:
    """The two webpack presets, every request from every context of two trees (no sampling)."""
    options: dict[str, BundlerOptions] = {}
    queries: list[dict[str, Any]] = []
    for seed in (100, 101):
        case = generate_case(seed, tmp_path / f"seed{seed}")
        for preset in ("loader", "node"):
            options[f"{seed}:{preset}"] = case.options[preset]
            queries += [
                {"id": len(queries), "config": f"{seed}:{preset}", "context": context, "request": request}
                for context in case.contexts[:4]
                for request in case.requests
            ]
    count, wrong, wrong_text = compare(options, queries)
    assert count >= 1000
    assert wrong == [], _report(wrong)
    assert wrong_text == [], _report(wrong_text)


@requires_node
@needs_tools
@pytest.mark.node
def test_seed_002_example_matches_webpack() -> None:
    """examples/pnpm-string-loader: the wrapper's loaders are found from its folder, not the project."""
    root = str(EXAMPLE.resolve())
    wrapper = str(Path(f"{root}/node_modules/@sc-build/app-builder").resolve())
    options = {"loader": webpack_loader_defaults(), "node": webpack_normal_defaults("node", context=root)}
    queries = [
        {"id": index, "config": config, "context": context, "request": request}
        for index, (config, context, request) in enumerate(
            (config, context, request)
            for config in options
            for context, request in [
                (root, "css-loader"),
                (root, "style-loader"),
                (wrapper, "css-loader"),
                (wrapper, "style-loader"),
                (wrapper, "webpack"),
                (root, "@sc-build/app-builder"),
                (root, "./src/index"),
            ]
        )
    ]
    count, wrong, wrong_text = compare(options, queries)
    assert count == 14 and wrong == [] and wrong_text == []
    result = BundlerResolver(DiskFS(), webpack_loader_defaults()).resolve("css-loader", root)
    assert result.error == f"Can't resolve 'css-loader' in '{root}'"
    assert BundlerResolver(DiskFS(), webpack_loader_defaults()).resolve("css-loader", wrapper).ok
