"""unresolvable-import in a module that workspaces' vite configs share (field batch 23,
2026-12-07): vite bundles the config and the modules it imports by relative paths with esbuild;
a bare import its resolver does not find from the shared module's folder stays a bare import in
the bundle, which vite writes beside the config that imports it and node resolves from there
(vite 6, `bundleConfigFile`: `{ path: undefined, external: true }` when `tryNodeResolve` finds
nothing; the bundle is `<config>.timestamp-<n>.mjs`)."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS

CODES = ["phantom-dependency", "unresolvable-import"]
SHARED = "import { defineConfig } from 'vite';\nexport default defineConfig({});\n"


def findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=CODES) if item.from_]


def _tree(*packages: tuple[str, bool, bool]) -> dict[str, object]:
    """``packages``: (name, declares vite, its vite.config.ts imports the shared config)."""
    tree: dict[str, object] = {
        "/app/package.json": {"name": "mono", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]},
        "/app/packages/vite.config.default.ts": SHARED,
    }
    for name, declares, imports in packages:
        tree[f"/app/packages/{name}/package.json"] = {
            "name": name,
            "version": "1.0.0",
            "scripts": {"build": "vite build"},
            "devDependencies": {"vite": "^6.2.0"} if declares else {},
        }
        if declares:
            tree[f"/app/packages/{name}/node_modules/vite/package.json"] = {"name": "vite", "version": "6.4.2"}
        if imports:
            tree[f"/app/packages/{name}/vite.config.ts"] = (
                "import config from '../vite.config.default';\nexport default config;\n"
            )
    return tree


def test_a_shared_config_module_works_through_the_configs_that_bundle_it() -> None:
    """posthog-js's packages/rrweb/vite.config.default.ts, in a folder without package.json,
    imports `vite`; every rrweb package's vite.config.ts imports it and declares vite. Works by
    accident: a warning, not an error."""
    found = [(item.from_, item.severity) for item in findings(_tree(("record", True, True), ("replay", True, True)))]
    assert found == [("packages/vite.config.default.ts", Severity.WARNING)]


def test_a_shared_config_module_stays_an_error_where_a_config_cannot_reach_the_name() -> None:
    for tree in (
        _tree(("record", True, True), ("replay", False, True)),  # replay's build fails
        _tree(("record", True, False)),  # no config imports it: whatever loads it is not vite's bundle
    ):
        found = [(item.from_, item.severity) for item in findings(tree)]
        assert ("packages/vite.config.default.ts", Severity.ERROR) in found
