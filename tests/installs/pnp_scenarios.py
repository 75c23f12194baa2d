"""Packages and projects for the PnP comparisons: peers (met, unmet, two virtual instances),
workspaces, an alias, an unplugged package, ``exports``/``imports``/``main`` in their forms, an
undeclared require that yarn's top-level fallback saves and one it does not."""

from __future__ import annotations

from typing import Any

EXPORTS = {
    ".": {"import": "./esm.mjs", "module-sync": "./sync.js", "require": "./cjs.js", "default": "./cjs.js"},
    "./feature/*": "./features/*.js",
    "./feature/private/*": None,
    "./data": "./data.json",
    "./dir/": "./lib/",
    "./package.json": "./package.json",
}

PACKAGES: list[dict[str, Any]] = [
    {"name": "c", "version": "1.0.0"},
    {"name": "c", "version": "2.0.0", "files": {"index.js": "", "extra.js": "", "lib/index.js": ""}},
    {
        "name": "ex",
        "version": "1.0.0",
        "exports": EXPORTS,
        "files": {
            "esm.mjs": "",
            "sync.js": "",
            "cjs.js": "",
            "features/a.js": "",
            "features/private/b.js": "",
            "data.json": "{}",
            "lib/x.js": "",
            "index.js": "",
        },
    },
    {"name": "mainpkg", "version": "1.0.0", "main": "lib/entry", "files": {"lib/entry.js": "", "index.js": ""}},
    {"name": "dirmain", "version": "1.0.0", "main": "lib", "files": {"lib/index.js": ""}},
    {"name": "mainbad", "version": "1.0.0", "main": "nowhere.js", "files": {"index.js": ""}},
    {"name": "mainnone", "version": "1.0.0", "main": "nowhere.js", "files": {"other.js": ""}},
    {"name": "jsononly", "version": "1.0.0", "files": {"index.json": "{}"}},
    {
        "name": "imp",
        "version": "1.0.0",
        "dependencies": {"c": "^2.0.0"},
        "imports": {
            "#dep": "c",
            "#int": "./internal.js",
            "#star/*": "./star/*.js",
            "#cond": {"require": "./internal.js"},
        },
        "files": {"index.js": "", "internal.js": "", "star/s.js": ""},
    },
    {"name": "host", "version": "1.0.0"},
    {"name": "host", "version": "2.0.0"},
    {"name": "plug", "version": "1.0.0", "peerDependencies": {"host": "*"}},
    {"name": "wrap", "version": "1.0.0", "dependencies": {"host": "^2.0.0", "plug": "^1.0.0"}},
    {"name": "needy", "version": "1.0.0", "peerDependencies": {"ghost": "*"}},
    {"name": "ghost", "version": "1.0.0"},
    {"name": "middle", "version": "1.0.0", "dependencies": {"plug": "^1.0.0"}},
    {"name": "sneaky", "version": "1.0.0", "files": {"index.js": "require('c');\n"}},
    {"name": "@s/x", "version": "1.0.0", "dependencies": {"c": "^1.0.0"}, "files": {"index.js": "", "sub/y.js": ""}},
    {"name": "unpl", "version": "1.0.0", "files": {"index.js": "", "bin/tool.js": ""}},
    {"name": "e", "version": "1.0.0"},
    {"name": "has-e", "version": "1.0.0", "dependencies": {"e": "^1.0.0"}},
    {"name": "sneaky2", "version": "1.0.0", "files": {"index.js": "require('e');\n"}},
]

# name -> (package.json, files, more .yarnrc.yml settings)
PROJECTS: dict[str, tuple[dict[str, Any], dict[str, str], dict[str, Any]]] = {
    "graph": (
        {
            "name": "app",
            "version": "1.0.0",
            "dependencies": {
                "c": "^2.0.0",
                "alias-c": "npm:c@^1.0.0",
                "ex": "^1.0.0",
                "mainpkg": "^1.0.0",
                "dirmain": "^1.0.0",
                "mainbad": "^1.0.0",
                "mainnone": "^1.0.0",
                "jsononly": "^1.0.0",
                "imp": "^1.0.0",
                "host": "^1.0.0",
                "plug": "^1.0.0",
                "wrap": "^1.0.0",
                "needy": "^1.0.0",
                "middle": "^1.0.0",
                "sneaky": "^1.0.0",
                "@s/x": "^1.0.0",
                "unpl": "^1.0.0",
            },
            "dependenciesMeta": {"unpl": {"unplugged": True}},
            "imports": {"#own": "./src/own.js"},
            "exports": {".": "./src/own.js"},
        },
        {"src/own.js": "", "src/index.js": "", "lib/util.js": "", "data.json": "{}"},
        {},
    ),
    "workspaces": (
        {
            "name": "mono",
            "version": "1.0.0",
            "private": True,
            "workspaces": ["packages/*"],
            "dependencies": {"c": "^2.0.0", "host": "^2.0.0"},
        },
        {
            "packages/ws-a/package.json": (
                '{"name": "ws-a", "version": "1.0.0", "dependencies": {"ws-b": "workspace:*", "plug": "^1.0.0",'
                ' "host": "^1.0.0"}}'
            ),
            "packages/ws-a/index.js": "require('ws-b');\nrequire('c');\n",
            "packages/ws-b/package.json": (
                '{"name": "ws-b", "version": "1.0.0", "exports": {".": "./main.js", "./util": "./util.js"},'
                ' "peerDependencies": {"host": "*"}, "dependencies": {"c": "^1.0.0"}}'
            ),
            "packages/ws-b/main.js": "",
            "packages/ws-b/util.js": "",
        },
        {},
    ),
    "fallback-all": (
        {"name": "app", "version": "1.0.0", "dependencies": {"c": "^2.0.0", "sneaky": "^1.0.0", "middle": "^1.0.0"}},
        {"index.js": ""},
        {"pnpFallbackMode": "all"},
    ),
    "fallback-none": (
        {"name": "app", "version": "1.0.0", "dependencies": {"c": "^2.0.0", "sneaky": "^1.0.0"}},
        {"index.js": ""},
        {"pnpFallbackMode": "none", "pnpIgnorePatterns": ["./ignored/**"]},
    ),
    # The state in .pnp.data.json, a packageExtensions fix for sneaky's undeclared require, and (the
    # test deletes it after the install) a package whose zip is missing from the cache.
    "extensions": (
        {"name": "app", "version": "1.0.0", "dependencies": {"sneaky": "^1.0.0", "jsononly": "^1.0.0", "c": "^2.0.0"}},
        {"index.js": ""},
        {"pnpEnableInlining": False, "packageExtensions": {"sneaky@*": {"dependencies": {"c": "^1.0.0"}}}},
    ),
    # pnpMode: loose: yarn fills the fallback pool with what node_modules hoisting would reach.
    "loose": (
        {"name": "app", "version": "1.0.0", "dependencies": {"has-e": "^1.0.0", "sneaky2": "^1.0.0", "c": "^2.0.0"}},
        {"index.js": ""},
        {"pnpMode": "loose"},
    ),
}
