"""`migrate --to pnpm` of an npm or yarn project plans what `pnpm import` then installs.

`pnpm import` resolves every range again, preferring the versions the old lockfile holds, the highest
first: a range npm or yarn locked to an older copy moves to a newer locked one it admits, and the
older copy is gone. The ground truth is real pnpm 10.34.8 and 12.26.0 (`pnpm import`, then a frozen install) on
lockfiles real npm 11 and yarn 1.22.22 wrote in two steps, as projects grow: first with only the old
version published, then with a newer one that another package pins.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from nmdoctor.api import load_project
from nmdoctor.migrate import migrate
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import NEW_PNPM, install, install_in, new_pnpm_ready, pnpm_import, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(
        not tools_available(), reason="npm, and tests/node_tools installed (npm ci --prefix tests/node_tools)"
    ),
]

FIRST = [
    {"name": "lint", "version": "7.20.0"},
    {"name": "plugin", "version": "1.0.0", "peerDependencies": {"lint": "^7.0.0"}},
    {"name": "tool", "version": "1.0.0", "dependencies": {"lint": "^7.11.0", "plugin": "1.0.0"}},
    {"name": "strict", "version": "1.0.0", "dependencies": {"lint": "~7.20.0"}},
]
LATER = [
    {"name": "lint", "version": "7.25.0"},
    {"name": "wrap", "version": "1.0.0", "dependencies": {"lint": "7.25.0"}},
]


def _edges(graph: object) -> set[tuple[str, str, str | None]]:
    return {
        (edge.source.label, edge.name, edge.target.label if edge.target else None)
        for edge in graph.edges  # type: ignore[attr-defined]
        if not edge.source.is_project
    }


def _grown(mode: str, root: Path, resolutions: dict[str, str] | None = None, pnpm_mode: str = "pnpm-isolated") -> Path:
    """The project installed with ``tool`` and ``strict`` first, then ``wrap`` added; switched to
    pnpm in ``root/switched`` (``resolutions`` renamed as the selector findings' fixes say)."""
    manifest: dict[str, object] = {"name": "app", "version": "1.0.0"}
    manifest["dependencies"] = {"tool": "1.0.0", "strict": "1.0.0"}
    if resolutions:
        manifest["resolutions"] = resolutions
    with Registry(FIRST) as registry:
        project = install(manifest, {}, mode, registry.url, root / "today")
        for package in LATER:
            registry._add(package)
        manifest["dependencies"] = {"tool": "1.0.0", "strict": "1.0.0", "wrap": "1.0.0"}
        (project / "package.json").write_text(json.dumps(manifest, indent=2))
        install_in(project, mode, registry.url)
        switched = root / "switched"
        shutil.copytree(project, switched, ignore=shutil.ignore_patterns("node_modules"))
        if resolutions:
            with pytest.raises(RuntimeError, match="ERR_PNPM_INVALID_SELECTOR"):
                pnpm_import(switched, registry.url)
            fs = DiskFS()
            findings = migrate(load_project(str(project), fs=fs), fs, "pnpm").findings
            refused = [item for item in findings if item.code == "unsupported-override-selector"]
            # no packageManager pins pnpm: a warning (pnpm 11 and later ignore the field instead)
            assert [(item.from_, item.line, item.severity.value) for item in refused] == [
                ("package.json", 10 + index, "warning") for index in range(len(resolutions))
            ]
            overrides = {}
            for item in refused:
                selector, entry = re.match(
                    r'remove "([^"]+)".*add `("[^`]+)` under `overrides:`', item.fix or ""
                ).groups()
                key, _, value = entry.partition(": ")
                overrides[json.loads(key)] = json.loads(value)
                del manifest["resolutions"][selector]  # type: ignore[index]
            (switched / "package.json").write_text(json.dumps(manifest, indent=2))
            (switched / "pnpm-workspace.yaml").write_text(json.dumps({"overrides": overrides}))
        pnpm_import(switched, registry.url, mode=pnpm_mode)
    return project


@pytest.mark.parametrize("pnpm_mode", ["pnpm-isolated", "pnpm12-isolated"])
@pytest.mark.parametrize("mode", ["npm-hoisted", "yarn-classic"])
def test_the_plan_follows_pnpm_import_to_the_highest_locked_version(tmp_path: Path, mode: str, pnpm_mode: str) -> None:
    """pnpm 12.26.0's import locks the same versions as pnpm 10.34.8's."""
    if pnpm_mode in NEW_PNPM and not new_pnpm_ready(pnpm_mode):
        pytest.skip(f"{pnpm_mode}: its pnpm or the pinned node 24 of tests/node_tools/versions is not installed")
    project = _grown(mode, tmp_path, pnpm_mode=pnpm_mode)
    fs = DiskFS()
    today = load_project(str(project), fs=fs)
    assert ("tool@1.0.0", "lint", "lint@7.20.0") in _edges(today)  # the lockfile kept the older copy
    result = migrate(today, fs, "pnpm")
    real = load_project(str(tmp_path / "switched"), fs=fs)
    assert _edges(result.planned) == _edges(real)
    # tool's ^7.11.0 moves to 7.25.0 under pnpm; strict's ~7.20.0 keeps 7.20.0
    assert ("tool@1.0.0", "lint", "lint@7.25.0") in _edges(real)
    assert ("strict@1.0.0", "lint", "lint@7.20.0") in _edges(real)
    changed = {
        (source, name, new)
        for source, name, new in _edges(real)
        if (source, name, new) not in _edges(today) and any(item[:2] == (source, name) for item in _edges(today))
    }
    reported = {
        (item.package.name + "@" + item.package.version, item.request, item.message.split("`")[3])
        for item in result.findings
        if item.code == "resolution-changed" and item.package is not None
    }
    assert reported == changed


def test_yarn_path_selectors_are_refused_and_the_moved_ones_pin_as_planned(tmp_path: Path) -> None:
    """pnpm 10.34.8 refuses yarn's `tool/lint` and `**/plugin` keys (ERR_PNPM_INVALID_SELECTOR);
    moved to pnpm-workspace.yaml's overrides as the fixes say (`tool>lint`, `plugin`), pnpm import
    installs, keeps tool's pinned 7.20.0, and the plan (which leaves an overridden name as locked)
    equals that install."""
    project = _grown("yarn-classic", tmp_path, {"tool/lint": "7.20.0", "**/plugin": "1.0.0"})
    fs = DiskFS()
    real = load_project(str(tmp_path / "switched"), fs=fs)
    planned = migrate(load_project(str(project), fs=fs), fs, "pnpm").planned
    assert ("tool@1.0.0", "lint", "lint@7.20.0") in _edges(real)
    assert _edges(planned) == _edges(real)


def test_an_npm_override_pnpm_does_not_read_is_a_warning_whose_fix_keeps_it(tmp_path: Path) -> None:
    """npm's `overrides` forces strict's `lint@~7.20.0` up to 7.25.0; pnpm 10.34.8 reads no such
    field, so `pnpm import` gives strict a 7.20.x again. The fix, the same override under
    pnpm-workspace.yaml's `overrides:`, keeps 7.25.0."""
    manifest: dict[str, object] = {"name": "app", "version": "1.0.0", "dependencies": {"strict": "1.0.0"}}
    manifest["overrides"] = {"lint": "7.25.0"}
    with Registry([*FIRST, *LATER]) as registry:
        project = install(manifest, {}, "npm-hoisted", registry.url, tmp_path / "npm")
        fs = DiskFS()
        today = load_project(str(project), fs=fs)
        assert ("strict@1.0.0", "lint", "lint@7.25.0") in _edges(today)
        [found] = [item for item in migrate(today, fs, "pnpm").findings if item.from_ == "package.json"]
        assert (found.code, found.severity.value, found.request) == ("resolution-changed", "warning", "lint")
        assert (
            found.fix
            == 'add `"lint": "7.25.0"` under `overrides:` in pnpm-workspace.yaml (pnpm\'s key for the same override)'
        )
        as_is = tmp_path / "as-is"
        shutil.copytree(project, as_is, ignore=shutil.ignore_patterns("node_modules"))
        pnpm_import(as_is, registry.url)
        assert ("strict@1.0.0", "lint", "lint@7.20.0") in _edges(load_project(str(as_is), fs=fs))
        fixed = tmp_path / "fixed"
        shutil.copytree(project, fixed, ignore=shutil.ignore_patterns("node_modules"))
        (fixed / "pnpm-workspace.yaml").write_text(json.dumps({"overrides": {"lint": "7.25.0"}}))
        pnpm_import(fixed, registry.url)
    assert ("strict@1.0.0", "lint", "lint@7.25.0") in _edges(load_project(str(fixed), fs=fs))


@pytest.mark.parametrize("mode", ["pnpm-isolated", "pnpm11-isolated", "pnpm12-isolated"])
def test_a_yarn_resolution_pnpm_11_ignores_is_a_warning_whose_fix_keeps_it(tmp_path: Path, mode: str) -> None:
    """yarn's `resolutions` forces strict's `lint@~7.20.0` up to 7.25.0: pnpm 10.34.8 applies it,
    pnpm 11.29.0 ignores the field (strict gets 7.20.0 again). No packageManager pins pnpm, so a
    warning; its fix (the override in pnpm-workspace.yaml) keeps 7.25.0 under both."""
    manifest: dict[str, object] = {"name": "app", "version": "1.0.0", "dependencies": {"strict": "1.0.0"}}
    manifest["resolutions"] = {"lint": "7.25.0"}
    with Registry([*FIRST, *LATER]) as registry:
        project = install(manifest, {}, "yarn-classic", registry.url, tmp_path / "yarn")
        fs = DiskFS()
        today = load_project(str(project), fs=fs)
        assert ("strict@1.0.0", "lint", "lint@7.25.0") in _edges(today)
        [found] = [item for item in migrate(today, fs, "pnpm").findings if item.from_ == "package.json"]
        assert (found.code, found.severity.value, found.request) == ("resolution-changed", "warning", "lint")
        assert "pnpm 11 and later ignore" in found.message
        as_is = tmp_path / "as-is"
        shutil.copytree(project, as_is, ignore=shutil.ignore_patterns("node_modules"))
        pnpm_import(as_is, registry.url, mode=mode)
        kept = "7.25.0" if mode == "pnpm-isolated" else "7.20.0"
        assert ("strict@1.0.0", "lint", f"lint@{kept}") in _edges(load_project(str(as_is), fs=fs))
        fixed = tmp_path / "fixed"
        shutil.copytree(project, fixed, ignore=shutil.ignore_patterns("node_modules"))
        (fixed / "pnpm-workspace.yaml").write_text(json.dumps({"overrides": {"lint": "7.25.0"}}))
        pnpm_import(fixed, registry.url, mode=mode)
    assert ("strict@1.0.0", "lint", "lint@7.25.0") in _edges(load_project(str(fixed), fs=fs))
