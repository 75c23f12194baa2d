"""lockfile-drift compares versions as semver does: build metadata is ignored."""

from __future__ import annotations

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.vfs import MemoryFS


def _drift(installed: str) -> list[str]:
    lock = {
        "name": "app",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "requires": True,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {"@hot-loader/react-dom": "^16.14.0"}},
            "node_modules/@hot-loader/react-dom": {"version": "16.14.0"},
        },
    }
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": {
                "name": "app",
                "version": "1.0.0",
                "dependencies": {"@hot-loader/react-dom": "^16.14.0"},
            },
            "/app/package-lock.json": lock,
            "/app/node_modules/.package-lock.json": {},
            "/app/node_modules/@hot-loader/react-dom/package.json": {
                "name": "@hot-loader/react-dom",
                "version": installed,
            },
        }
    )
    graph = read_installed_tree(fs, "/app")
    locked = read_lockfile(fs, "/app/package-lock.json", manifest_json(fs, "/app"))
    return [item.message for item in verify_tree(graph, locked) if item.code == "lockfile-drift"]


def test_build_metadata_is_not_drift() -> None:
    # @hot-loader/react-dom 16.14.0's package.json says "16.14.0+4.13.0"; npm, yarn and pnpm lock it
    # as 16.14.0 (pterodactyl's panel: two false lockfile-drift errors on its pnpm install)
    assert _drift("16.14.0+4.13.0") == []
    assert _drift("16.14.1") == [
        "`@hot-loader/react-dom@16.14.1` is installed at node_modules/@hot-loader/react-dom but the lockfile locks "
        "`@hot-loader/react-dom@16.14.0` there"
    ]
