"""Packages served by the test registry and the projects installed from them."""

from __future__ import annotations

import json
from typing import Any

WEBPACK_CONFIG = "module.exports = { module: { rules: [{ test: /\\.css$/, use: ['css-loader'] }] } };\n"

PACKAGES: list[dict[str, Any]] = [
    {
        "name": "a",
        "version": "1.0.0",
        "main": "index.js",
        "dependencies": {"c": "^1.0.0", "d": "^1.0.0"},
        "files": {"index.js": "require('c'); require('d');\n"},
    },
    {
        "name": "b",
        "version": "1.0.0",
        "main": "index.js",
        "dependencies": {"c": "^2.0.0"},
        "files": {"index.js": "require('c');\n"},
    },
    {"name": "c", "version": "1.0.0"},
    {"name": "c", "version": "2.0.0"},
    {"name": "d", "version": "1.0.0"},
    {
        "name": "builder",
        "version": "1.0.0",
        "main": "index.js",
        "dependencies": {"webpack": "^5.0.0", "css-loader": "^6.0.0"},
        "files": {
            "index.js": "module.exports = require('./webpack.config.js');\n",
            "webpack.config.js": WEBPACK_CONFIG,
        },
    },
    {"name": "webpack", "version": "5.0.0"},
    {
        "name": "css-loader",
        "version": "6.0.0",
        "main": "dist/cjs.js",
        "files": {"dist/cjs.js": "module.exports = function loader(source) { return source; };\n"},
    },
    {"name": "lodash", "version": "3.0.0"},
    {"name": "lodash", "version": "4.0.0", "files": {"index.js": "module.exports = {};\n" + "// " + "x" * 4000 + "\n"}},
    {"name": "ui", "version": "1.0.0", "dependencies": {"lodash": "^4.0.0"}},
    {"name": "react", "version": "17.0.2"},
    {"name": "react", "version": "18.3.1"},
    {"name": "ui-lib", "version": "1.0.0", "dependencies": {"react": "^17.0.0"}},
    {"name": "react-plugin", "version": "1.0.0", "peerDependencies": {"react": "^17.0.0"}},
    {"name": "charts", "version": "1.0.0", "dependencies": {"lodash": "^4.0.0"}},
    # Contested hoisting: shared@2 is wanted by two packages that come first by name, shared@1 by
    # three that come later. Dependencies are listed out of name order on purpose (managers that walk
    # package.json order and those that sort must both be matched).
    {"name": "shared", "version": "1.0.0"},
    {"name": "shared", "version": "2.0.0"},
    {"name": "left-a", "version": "1.0.0", "dependencies": {"shared": "^2.0.0", "left-b": "^1.0.0"}},
    {"name": "left-b", "version": "1.0.0", "dependencies": {"shared": "^2.0.0"}},
    {"name": "right-a", "version": "1.0.0", "dependencies": {"shared": "^1.0.0"}},
    {"name": "right-b", "version": "1.0.0", "dependencies": {"shared": "^1.0.0"}},
    {"name": "right-c", "version": "1.0.0", "dependencies": {"shared": "^1.0.0"}},
    # Contested hoisting: util@1 is met first, util@2 has more dependents; a plugin whose peer
    # (host) its parent provides in another version than the project does.
    {"name": "util", "version": "1.0.0"},
    {"name": "util", "version": "2.0.0"},
    {"name": "tool-a", "version": "1.0.0", "dependencies": {"util": "^1.0.0"}},
    {"name": "tool-b", "version": "1.0.0", "dependencies": {"util": "^2.0.0"}},
    {"name": "tool-c", "version": "1.0.0", "dependencies": {"util": "^2.0.0"}},
    {"name": "tool-d", "version": "1.0.0", "dependencies": {"util": "^2.0.0", "tool-a": "^1.0.0"}},
    {"name": "host", "version": "1.0.0"},
    {"name": "host", "version": "2.0.0"},
    {"name": "plug", "version": "1.0.0", "dependencies": {"util": "^1.0.0"}, "peerDependencies": {"host": "*"}},
    {"name": "wrap", "version": "1.0.0", "dependencies": {"host": "^2.0.0", "plug": "^1.0.0"}},
    # A dependency cycle below a version conflict (babel-core@6 <-> babel-register@6 under a
    # project on babel-core@7-bridge): the cycle member hoisted to the top needs its own copy.
    {"name": "cyc-core", "version": "6.0.0", "dependencies": {"cyc-register": "^6.0.0"}},
    {"name": "cyc-core", "version": "7.0.0"},
    {"name": "cyc-register", "version": "6.0.0", "dependencies": {"cyc-core": "^6.0.0"}},
    {"name": "cyc-runner", "version": "1.0.0", "dependencies": {"cyc-core": "^6.0.0"}},
    # A name both a dependency and a peer: provided by the parent (ajv-formats' ajv under a
    # package on ajv ~8.13), or not (vitest's vite under a project without vite).
    {"name": "schema", "version": "8.1.0"},
    {"name": "schema", "version": "8.2.0", "dependencies": {"uri": "^1.0.0"}},
    {"name": "uri", "version": "1.0.0"},
    {
        "name": "formats",
        "version": "1.0.0",
        "dependencies": {"schema": "^8.0.0"},
        "peerDependencies": {"schema": "^8.0.0"},
    },
    {"name": "core-lib", "version": "1.0.0", "dependencies": {"schema": "~8.1.0", "formats": "^1.0.0"}},
    {"name": "bundler", "version": "1.0.0"},
    # ... and one the parent provides outside the dependency's range (create-t3-turbo: expo gives
    # expo-router @expo/metro-runtime 6.1.1 against its ^6.1.2): an unmet peer, not a mismatch.
    {"name": "metro-rt", "version": "1.0.0"},
    {"name": "metro-rt", "version": "1.1.0"},
    {
        "name": "router",
        "version": "1.0.0",
        "dependencies": {"metro-rt": "^1.1.0"},
        "peerDependencies": {"metro-rt": "^1.1.0"},
    },
    {"name": "expo-kit", "version": "1.0.0", "dependencies": {"metro-rt": "1.0.0", "router": "^1.0.0"}},
    {
        "name": "runner",
        "version": "1.0.0",
        "dependencies": {"bundler": "^1.0.0"},
        "peerDependencies": {"bundler": "^1.0.0"},
    },
]

# name -> (package.json, project files)
PROJECTS: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "phantom": (
        {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "b": "^1.0.0"}},
        {"src/index.js": "const a = require('a');\nconst d = require('d');\n"},
    ),
    "wrapper": (
        {"name": "site", "version": "1.0.0", "dependencies": {"builder": "^1.0.0"}},
        {"src/index.js": "require('./style.css');\n", "src/style.css": "body {}\n"},
    ),
    "dopple": (
        {"name": "dash", "version": "1.0.0", "dependencies": {"lodash": "^3.0.0", "ui": "^1.0.0", "charts": "^1.0.0"}},
        {},
    ),
    "clean": (
        {"name": "tidy", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "b": "^1.0.0", "d": "^1.0.0"}},
        {"src/index.js": "require('a');\nrequire('d');\n"},
    ),
}

# Projects for the layout planners only (tests/installs/test_planned_layouts.py), where the managers'
# placement rules disagree: popularity against first come, peers, workspaces with conflicts.
PLANNER_PROJECTS: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "contested": (
        {
            "name": "fight",
            "version": "1.0.0",
            "dependencies": {
                "tool-a": "^1.0.0",
                "tool-b": "^1.0.0",
                "tool-c": "^1.0.0",
                "tool-d": "^1.0.0",
                "host": "^1.0.0",
                "plug": "^1.0.0",
                "wrap": "^1.0.0",
            },
        },
        {},
    ),
    "workspaces": (
        {"name": "mono", "version": "0.0.0", "private": True, "workspaces": ["packages/*"]},
        {
            "packages/web/package.json": json.dumps(
                {"name": "web", "version": "1.0.0", "dependencies": {"lib": "1.0.0", "b": "^1.0.0"}}
            ),
            "packages/lib/package.json": json.dumps(
                {"name": "lib", "version": "1.0.0", "dependencies": {"a": "^1.0.0"}}
            ),
        },
    ),
    "workspaces-conflict": (
        {
            "name": "suite",
            "version": "0.0.0",
            "private": True,
            "workspaces": ["packages/*"],
            "dependencies": {"lodash": "^3.0.0", "tool-a": "^1.0.0"},
        },
        {
            "packages/app/package.json": json.dumps(
                {
                    "name": "app",
                    "version": "1.0.0",
                    "dependencies": {"ui": "^1.0.0", "kit": "1.0.0", "tool-b": "^1.0.0"},
                }
            ),
            "packages/kit/package.json": json.dumps(
                {"name": "kit", "version": "1.0.0", "dependencies": {"lodash": "^4.0.0", "tool-c": "^1.0.0"}}
            ),
        },
    ),
    # Who takes the top slot for shared: npm's first placement (shared@2, via left-a, first by name)
    # or a hoister that counts dependents (shared@1, wanted by three).
    "contested-order": (
        {
            "name": "tug",
            "version": "1.0.0",
            "dependencies": {"right-c": "^1.0.0", "left-a": "^1.0.0", "right-a": "^1.0.0", "right-b": "^1.0.0"},
        },
        {},
    ),
}

# Workspaces named like registry packages (bvaughn/react-window's integrations `next` and `vite`):
# npm links each workspace first, so the project's own `c` is the workspace and a@1's `d` is nested;
# yarn 1 gives the top folder to the packages and leaves such a workspace unlinked.
PLANNER_PROJECTS["workspace-named-like-a-dependency"] = (
    {
        "name": "twin",
        "version": "0.0.0",
        "private": True,
        "workspaces": ["packages/*"],
        "dependencies": {"c": "^1.0.0", "a": "^1.0.0"},
    },
    {
        "packages/cw/package.json": json.dumps({"name": "c", "version": "0.0.0", "dependencies": {"c": "^2.0.0"}}),
        "packages/dw/package.json": json.dumps({"name": "d", "version": "0.0.0", "dependencies": {"d": "1.0.0"}}),
    },
)

# The cycle above, reached through a package nested for the conflict (yarn 1 only).
CYCLE_PROJECT: tuple[dict[str, Any], dict[str, str]] = (
    {"name": "cycle", "version": "1.0.0", "dependencies": {"cyc-core": "^7.0.0", "cyc-runner": "^1.0.0"}},
    {},
)

# The names both dependencies and peers above (lockfile placement cases).
DEP_AND_PEER_PROJECT: tuple[dict[str, Any], dict[str, str]] = (
    {
        "name": "both",
        "version": "1.0.0",
        "dependencies": {"core-lib": "^1.0.0", "runner": "^1.0.0", "expo-kit": "^1.0.0"},
    },
    {},
)
