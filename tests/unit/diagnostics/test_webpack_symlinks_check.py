"""check's webpack-symlinks-off on the layout a lockfile makes (the installed layout is compared with
the real enhanced-resolve in tests/differential/test_materialize_vs_node.py)."""

from __future__ import annotations

import json

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.project.session import lockfile_model
from nmdoctor.vfs import MemoryFS

_PNPM_LOCK = (
    "lockfileVersion: '9.0'\n"
    "importers:\n  .:\n    dependencies:\n      router-dom: {specifier: ^5, version: 5.3.4}\n"
    "packages:\n  router-dom@5.3.4:\n    resolution: {integrity: sha512-d}\n"
    "  router@5.3.4:\n    resolution: {integrity: sha512-r}\n"
    "snapshots:\n  router-dom@5.3.4:\n    dependencies: {router: 5.3.4}\n  router@5.3.4: {}\n"
)
_MANIFEST = json.dumps({"name": "app", "version": "1.0.0", "dependencies": {"router-dom": "^5"}})
_OFF = "module.exports = {\n  entry: './src/index.js',\n  resolve: { symlinks: false },\n};\n"


def codes(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    _lock, graph = lockfile_model(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["webpack-symlinks-off"])
    return [(item.code, item.from_, item.line) for item in found]


def test_symlinks_off_under_pnpms_isolated_layout_from_its_lockfile() -> None:
    mapping = {"/app/package.json": _MANIFEST, "/app/pnpm-lock.yaml": _PNPM_LOCK, "/app/webpack.config.js": _OFF}
    assert codes(mapping) == [("webpack-symlinks-off", "webpack.config.js", 3)]


def test_a_public_hoist_puts_the_dependency_where_the_link_looks() -> None:
    mapping = {
        "/app/package.json": _MANIFEST,
        "/app/pnpm-lock.yaml": _PNPM_LOCK,
        "/app/webpack.config.js": _OFF,
        "/app/.npmrc": "public-hoist-pattern[]=router\n",
    }
    assert codes(mapping) == []


def test_symlinks_on_or_a_hoisted_layout_is_not_judged() -> None:
    on = {
        "/app/package.json": _MANIFEST,
        "/app/pnpm-lock.yaml": _PNPM_LOCK,
        "/app/webpack.config.js": "module.exports = {};\n",
    }
    assert codes(on) == []
    hoisted = {
        "/app/package.json": _MANIFEST,
        "/app/pnpm-lock.yaml": _PNPM_LOCK,
        "/app/webpack.config.js": _OFF,
        "/app/.npmrc": "node-linker=hoisted\n",
    }
    assert codes(hoisted) == []


def test_an_npm_workspace_link_finds_its_nested_dependencies_through_its_real_folder() -> None:
    # node_modules/ui is a link to packages/ui; webpack looks in node_modules/ui/node_modules, which is
    # packages/ui/node_modules on disk, where npm nested ui's own react: found, nothing fails
    lock = {
        "name": "mono",
        "lockfileVersion": 3,
        "packages": {
            "": {"name": "mono", "workspaces": ["packages/*"], "dependencies": {"react": "^17"}},
            "node_modules/react": {"version": "17.0.2"},
            "node_modules/ui": {"resolved": "packages/ui", "link": True},
            "packages/ui": {"name": "ui", "version": "1.0.0", "dependencies": {"react": "^18"}},
            "packages/ui/node_modules/react": {"version": "18.3.1"},
        },
    }
    mapping = {
        "/app/package.json": json.dumps(
            {"name": "mono", "workspaces": ["packages/*"], "dependencies": {"react": "^17", "ui": "*"}}
        ),
        "/app/packages/ui/package.json": json.dumps(
            {"name": "ui", "version": "1.0.0", "dependencies": {"react": "^18"}}
        ),
        "/app/package-lock.json": json.dumps(lock),
        "/app/webpack.config.js": _OFF,
    }
    assert codes(mapping) == []
