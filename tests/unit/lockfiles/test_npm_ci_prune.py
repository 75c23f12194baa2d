"""The npm lockfile model is what a successful ``npm ci`` installs (lockfiles/npm_ci.py): a stale
entry nested where the copy above now satisfies the edge is deduped away with what only it needs,
as is every other dedupable copy of that sweep, and an entry nothing reaches is pruned; a stale
entry newer than the copy above, or with none above, stays. Each case was installed with npm 11
(tests/installs/test_npm_ci_prune.py runs them against real npm)."""

from __future__ import annotations

import json
from typing import Any

from nmdoctor.lockfiles.npm import read_npm_lockfile

LEAF_DEPS = {"1.0.0": {"sub": "^1.0.0"}, "1.1.0": {"sub": "^2.0.0"}, "1.2.0": {"sub": "^2.0.0"}}


def _entry(name: str, version: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "version": version,
        "resolved": f"https://registry.example/{name}/-/{name}-{version}.tgz",
        "integrity": f"sha512-{name}-{version}",
    }
    deps = LEAF_DEPS.get(version) if name == "leaf" else {"leaf": "^1.1.0"} if name == "user" else None
    if deps:
        entry["dependencies"] = deps
    return entry


def _lock(
    root: dict[str, str],
    workspaces: dict[str, dict[str, str]],
    entries: dict[str, str],
    *,
    overrides: dict[str, str] | None = None,
) -> tuple[set[str], dict[tuple[str, str], str | None]]:
    """The model's keys and edge targets for a lockfile of ``entries`` (location -> version)."""
    manifest: dict[str, Any] = {"name": "root", "version": "1.0.0", "workspaces": ["packages/*"], "dependencies": root}
    if overrides:
        manifest["overrides"] = overrides
    packages: dict[str, Any] = {"": {k: v for k, v in manifest.items() if k != "overrides"}}
    for name, deps in workspaces.items():
        packages[f"packages/{name}"] = {"name": name, "version": "1.0.0", "dependencies": deps}
        packages[f"node_modules/{name}"] = {"resolved": f"packages/{name}", "link": True}
    for location, version in entries.items():
        packages[location] = _entry(location.rpartition("node_modules/")[2], version)
    text = json.dumps({"name": "root", "lockfileVersion": 3, "packages": packages})
    lock = read_npm_lockfile(text, "/p/package-lock.json", manifest)
    return set(lock.packages), {(edge.source, edge.name): edge.target for edge in lock.edges}


def test_a_stale_nested_entry_the_root_copy_satisfies_is_left_out_with_what_only_it_needs() -> None:
    keys, edges = _lock(
        {"leaf": "1.2.0"},
        {"a": {"leaf": "1.2.0"}},
        {
            "node_modules/leaf": "1.2.0",
            "node_modules/sub": "2.0.0",
            "packages/a/node_modules/leaf": "1.0.0",
            "packages/a/node_modules/sub": "1.0.0",
        },
    )
    assert "packages/a/node_modules/leaf" not in keys
    assert "packages/a/node_modules/sub" not in keys
    assert edges[("packages/a", "leaf")] == "node_modules/leaf"  # no lockfile drift either


def test_a_range_the_root_copy_satisfies_drops_the_stale_copy_too() -> None:
    keys, _ = _lock(
        {"leaf": "1.1.0"},
        {"a": {"leaf": "^1.1.0"}},
        {"node_modules/leaf": "1.1.0", "node_modules/sub": "2.0.0", "packages/a/node_modules/leaf": "1.0.0"},
    )
    assert "packages/a/node_modules/leaf" not in keys


def test_a_stale_entry_newer_than_the_satisfying_root_copy_stays() -> None:
    keys, edges = _lock(
        {"leaf": "1.1.0"},
        {"a": {"leaf": "1.1.0"}},
        {"node_modules/leaf": "1.1.0", "node_modules/sub": "2.0.0", "packages/a/node_modules/leaf": "1.2.0"},
    )
    assert "packages/a/node_modules/leaf" in keys
    assert edges[("packages/a", "leaf")] == "packages/a/node_modules/leaf"


def test_a_stale_entry_with_no_copy_above_stays() -> None:
    keys, _ = _lock(
        {"sub": "2.0.0"},
        {"a": {"leaf": "1.1.0"}},
        {"node_modules/sub": "2.0.0", "packages/a/node_modules/leaf": "1.2.0"},
    )
    assert "packages/a/node_modules/leaf" in keys


def test_a_stale_transitive_entry_the_root_reaches_is_left_out() -> None:
    keys, _ = _lock(
        {"user": "1.0.0", "leaf": "1.2.0"},
        {},
        {
            "node_modules/user": "1.0.0",
            "node_modules/leaf": "1.2.0",
            "node_modules/sub": "2.0.0",
            "node_modules/user/node_modules/leaf": "1.0.0",
            "node_modules/user/node_modules/sub": "1.0.0",
        },
    )
    assert not {"node_modules/user/node_modules/leaf", "node_modules/user/node_modules/sub"} & keys


STALE_UNDER_USER = {
    "node_modules/user": "1.0.0",
    "node_modules/leaf": "1.2.0",
    "node_modules/sub": "2.0.0",
    "node_modules/user/node_modules/leaf": "1.0.0",
    "node_modules/user/node_modules/sub": "1.0.0",
}


def test_a_stale_transitive_entry_reached_only_through_a_workspace_stays_without_a_sweep() -> None:
    # npm queues the root, the workspaces and what the root reaches without a link: `user` is none.
    keys, _ = _lock({"leaf": "1.2.0"}, {"a": {"user": "1.0.0"}}, STALE_UNDER_USER)
    assert "node_modules/user/node_modules/leaf" in keys


def test_a_sweep_started_elsewhere_takes_every_dedupable_copy() -> None:
    keys, _ = _lock(
        {"leaf": "1.2.0"},
        {"a": {"user": "1.0.0"}, "b": {"leaf": "1.2.0"}},
        {**STALE_UNDER_USER, "packages/b/node_modules/leaf": "1.0.0"},
    )
    assert not {"node_modules/user/node_modules/leaf", "packages/b/node_modules/leaf"} & keys


def test_a_valid_older_duplicate_goes_only_when_a_sweep_runs() -> None:
    entries = {
        "node_modules/leaf": "1.2.0",
        "node_modules/sub": "2.0.0",
        "packages/a/node_modules/leaf": "1.0.0",
        "packages/a/node_modules/sub": "1.0.0",
    }
    keys, _ = _lock({"leaf": "1.2.0"}, {"a": {"leaf": "^1.0.0"}}, entries)
    assert "packages/a/node_modules/leaf" in keys
    keys, _ = _lock(
        {"leaf": "1.2.0"},
        {"a": {"leaf": "^1.0.0"}, "b": {"leaf": "1.2.0"}},
        {**entries, "packages/b/node_modules/leaf": "1.0.0"},
    )
    assert "packages/a/node_modules/leaf" not in keys


def test_an_override_judges_the_edge() -> None:
    keys, _ = _lock(
        {"leaf": "1.2.0"},
        {"a": {"leaf": "^1.0.0"}},
        {"node_modules/leaf": "1.2.0", "node_modules/sub": "2.0.0", "packages/a/node_modules/leaf": "1.0.0"},
        overrides={"leaf": "1.2.0"},
    )
    assert "packages/a/node_modules/leaf" not in keys


def test_an_override_only_somewhere_leaves_the_entry() -> None:
    keys, _ = _lock(
        {"leaf": "1.2.0"},
        {"a": {"leaf": "^1.0.0"}},
        {"node_modules/leaf": "1.2.0", "node_modules/sub": "2.0.0", "packages/a/node_modules/leaf": "1.0.0"},
        overrides={"user": {"leaf": "1.2.0"}},  # type: ignore[dict-item]
    )
    assert "packages/a/node_modules/leaf" in keys


def test_an_entry_nothing_reaches_is_left_out() -> None:
    keys, _ = _lock(
        {"leaf": "1.2.0"},
        {},
        {"node_modules/leaf": "1.2.0", "node_modules/sub": "2.0.0", "node_modules/extra": "1.0.0"},
    )
    assert "node_modules/extra" not in keys
    assert {"node_modules/leaf", "node_modules/sub"} <= keys


def test_a_consistent_lockfile_is_read_whole() -> None:
    entries = {
        "node_modules/leaf": "1.2.0",
        "node_modules/sub": "2.0.0",
        "packages/a/node_modules/leaf": "1.0.0",
        "packages/a/node_modules/sub": "1.0.0",
    }
    keys, _ = _lock({"leaf": "1.2.0"}, {"a": {"leaf": "1.0.0"}}, entries)
    assert set(entries) <= keys


def test_a_workspace_s_link_no_one_declares_stays() -> None:
    keys, _ = _lock({}, {"a": {}}, {})
    assert {"packages/a", "node_modules/a"} <= keys


def test_a_link_to_a_folder_the_lockfile_lacks_is_read() -> None:
    # ...while a sweep runs (the stale leaf under user), which resolves every edge.
    deps = {"tool": "file:../tool", "leaf": "1.2.0", "user": "1.0.0"}
    manifest = {"name": "root", "version": "1.0.0", "dependencies": deps}
    packages = {
        "": manifest,
        "node_modules/tool": {"resolved": "../tool", "link": True},
        "node_modules/leaf": _entry("leaf", "1.2.0"),
        "node_modules/sub": _entry("sub", "2.0.0"),
        "node_modules/user": _entry("user", "1.0.0"),
        "node_modules/user/node_modules/leaf": _entry("leaf", "1.0.0"),
    }
    text = json.dumps({"name": "root", "lockfileVersion": 3, "packages": packages})
    lock = read_npm_lockfile(text, "/p/package-lock.json", manifest)
    assert {"node_modules/tool", "node_modules/leaf", "node_modules/sub"} <= set(lock.packages)
    assert "node_modules/user/node_modules/leaf" not in lock.packages
