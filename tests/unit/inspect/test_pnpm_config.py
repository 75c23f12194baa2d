"""pnpm settings read from the project: packageExtensions."""

from __future__ import annotations

from nmdoctor.inspect.pnpm_config import package_extensions
from nmdoctor.vfs import MemoryFS

EXTENSION = {"peerDependencies": {"eslint": "*"}}


def test_package_json_pnpm_field_and_workspace_yaml() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": {
                "name": "app",
                "pnpm": {"packageExtensions": {"react-scripts@*": EXTENSION, "a@1": {"dependencies": {"b": "1"}}}},
            },
            "/app/pnpm-workspace.yaml": "packageExtensions:\n  a@1:\n    peerDependencies:\n      c: '^2'\n",
        }
    )
    assert package_extensions(fs, "/app") == {
        "react-scripts@*": EXTENSION,
        "a@1": {"peerDependencies": {"c": "^2"}},
    }


def test_nothing_configured_or_unreadable() -> None:
    assert package_extensions(MemoryFS.from_mapping({"/app/package.json": {"name": "app"}}), "/app") == {}
    broken = MemoryFS.from_mapping({"/app/package.json": {"name": "app"}, "/app/pnpm-workspace.yaml": "a: [\n"})
    assert package_extensions(broken, "/app") == {}


def test_pnpm_11_and_later_read_no_package_json_pnpm_field() -> None:
    """pnpm 11.29.0 and 12.26.0 ignore package.json's ``pnpm.packageExtensions`` (their installs of
    tests/installs/peer_scenarios.py's peer-extensions make no peer variant of ext-kit; pnpm 10.34.8's
    do), and read pnpm-workspace.yaml's."""
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": {"name": "app", "pnpm": {"packageExtensions": {"react-scripts@*": EXTENSION}}},
            "/app/pnpm-workspace.yaml": "packageExtensions:\n  a@1:\n    peerDependencies:\n      c: '^2'\n",
        }
    )
    assert package_extensions(fs, "/app", 10) == {
        "react-scripts@*": EXTENSION,
        "a@1": {"peerDependencies": {"c": "^2"}},
    }
    for major in (11, 12):
        assert package_extensions(fs, "/app", major) == {"a@1": {"peerDependencies": {"c": "^2"}}}
