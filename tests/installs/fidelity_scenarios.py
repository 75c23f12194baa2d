"""Projects whose fresh installs once drew false findings from ``verify``/``check`` (issue 14):
bundled packages, platform-skipped optionals, optional peers, names with ``_``, store folder names
long enough to be hashed, links to plain folders, and workspaces."""

from __future__ import annotations

import json
from typing import Any

LONG_NAME = "long-name-" + "x" * 110  # "<name>@1.0.0" is past pnpm's 120-character folder names

FIDELITY_PACKAGES: list[dict[str, Any]] = [
    {"name": "inner", "version": "1.0.0"},
    {"name": "inner", "version": "2.0.0"},
    # Ships its own copy of inner@2 in the tarball: npm marks it inBundle, no manager fetches it.
    {
        "name": "bundler",
        "version": "1.0.0",
        "dependencies": {"inner": "^2.0.0"},
        "bundleDependencies": ["inner"],
        "files": {
            "index.js": "require('inner');\n",
            "node_modules/inner/package.json": json.dumps({"name": "inner", "version": "2.0.0"}),
            "node_modules/inner/index.js": "module.exports = 2;\n",
        },
    },
    # Installable only on Windows / arm64: every manager skips them here, as optional dependencies.
    {"name": "native-win", "version": "1.0.0", "os": ["win32"]},
    {"name": "native-arm", "version": "1.0.0", "cpu": ["arm64"]},
    {
        "name": "fsw",
        "version": "1.0.0",
        "optionalDependencies": {"native-win": "^1.0.0", "native-arm": "^1.0.0"},
    },
    # A peer nobody provides, declared optional.
    {"name": "maybe", "version": "1.0.0"},
    {
        "name": "opt-user",
        "version": "1.0.0",
        "peerDependencies": {"maybe": "^1.0.0"},
        "peerDependenciesMeta": {"maybe": {"optional": True}},
    },
    {"name": "@types/babel__core", "version": "7.1.0"},
    {"name": "host", "version": "1.0.0"},
    {"name": "plug", "version": "1.0.0", "peerDependencies": {"host": "*"}},
    {"name": LONG_NAME, "version": "1.0.0"},
    {"name": "a", "version": "1.0.0", "dependencies": {"d": "^1.0.0"}},
    {"name": "b", "version": "1.0.0"},
    {"name": "d", "version": "1.0.0"},
    {"name": "d", "version": "1.1.0"},
    {"name": "pre", "version": "2.0.0-beta.1"},
    {"name": "pre-user", "version": "1.0.0", "dependencies": {"pre": "^2.0.0-beta.0"}},
    # A prerelease host for a peer range its release satisfies: pnpm and yarn 4 install it without
    # a peer warning, npm refuses it (ERESOLVE), yarn 1 warns.
    {"name": "beta-host", "version": "1.1.0-beta.1"},
    {"name": "beta-plug", "version": "1.0.0", "peerDependencies": {"beta-host": "^1.0.0"}},
]
PRERELEASE_PEER = {"beta-host": "1.1.0-beta.1", "beta-plug": "^1.0.0"}

_COMMON = {
    "bundler": "^1.0.0",
    "inner": "^1.0.0",
    "fsw": "^1.0.0",
    "opt-user": "^1.0.0",
    "@types/babel__core": "^7.1.0",
    "plug": "^1.0.0",
    "host": "^1.0.0",
    LONG_NAME: "^1.0.0",
}

# How each manager spells a dependency on a plain folder of the project (not a workspace).
LOCAL_SPEC = {"npm": "file:./vendor/local", "pnpm": "link:./vendor/local", "yarn": "link:./vendor/local"}
LOCAL_FILES = {"vendor/local/package.json": json.dumps({"name": "local", "version": "1.0.0"})}


def fidelity_project(manager: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The project for ``manager`` ("npm", "pnpm", "yarn", "berry")."""
    spec = LOCAL_SPEC.get(manager, "link:./vendor/local")
    manifest = {
        "name": "fidelity",
        "version": "1.0.0",
        "dependencies": {**_COMMON, "local": spec, **(PRERELEASE_PEER if manager == "pnpm" else {})},
        "optionalDependencies": {"native-win": "^1.0.0"},
    }
    return manifest, dict(LOCAL_FILES)


WORKSPACES: tuple[dict[str, Any], dict[str, str]] = (
    {
        "name": "mono",
        "version": "0.0.0",
        "private": True,
        "workspaces": ["packages/*"],
        "dependencies": {"b": "^1.0.0"},
    },
    {
        "packages/web/package.json": json.dumps(
            {"name": "web", "version": "1.0.0", "dependencies": {"lib": "1.0.0", "b": "^1.0.0"}}
        ),
        "packages/lib/package.json": json.dumps(
            {"name": "lib", "version": "1.0.0", "dependencies": {"a": "^1.0.0", "fsw": "^1.0.0"}}
        ),
    },
)


# yarn berry's own protocols: resolutions, catalog:, portal:, link:, patch:, and prereleases.
D_PATCH = """diff --git a/index.js b/index.js
--- a/index.js
+++ b/index.js
@@ -1 +1 @@
-module.exports = {};
+module.exports = { patched: true };
"""
BERRY: tuple[dict[str, Any], dict[str, str]] = (
    {
        "name": "berry-app",
        "version": "1.0.0",
        "dependencies": {
            "a": "^1.0.0",
            "b": "catalog:",
            "host": "patch:host@npm%3A1.0.0#./patches/host.patch",
            "pre-user": "^1.0.0",
            "portal-pkg": "portal:./vendor/portal",
            "local": "link:./vendor/local",
            **PRERELEASE_PEER,
        },
        "resolutions": {"d": "1.1.0"},
    },
    {
        **LOCAL_FILES,
        "vendor/portal/package.json": json.dumps(
            {"name": "portal-pkg", "version": "1.0.0", "dependencies": {"d": "^1.0.0"}}
        ),
        "patches/host.patch": D_PATCH,
    },
)
BERRY_YARNRC = {"catalog": {"b": "^1.0.0"}}
