"""pnpm's ``shared-workspace-lockfile=false`` under the real pnpm: every workspace package gets its
own pnpm-lock.yaml and its own store (``node_modules/.pnpm``, ``node_modules/.modules.yaml``), and
its lockfile records the overrides pnpm applied to it (pnpm 10: the root's; pnpm 9.15.9 applied a
package's own ``pnpm.overrides`` and not the root's, as universal-ember/reactiveweb's lockfiles
show). ``verify`` compares each package with its own lockfile (reactiveweb drew 5,730
extraneous-package warnings and 18 version-mismatch errors when everything was compared with the
root's, under the root's overrides), and a package missing from a workspace package's store is
still found.

The registry holds ``inner`` 1.0.0 and 2.0.0 and ``old-user``, which declares ``inner@^1.0.0``. The
root overrides ``inner`` to 2.0.0; workspace package ``a`` declares ``inner@1.0.0`` itself, which
pnpm 10 overrides and pnpm 9 keeps; ``b`` sets the root's override itself; ``c`` links ``b``
(``workspace:*``, not injected), so code of c loads b's store too. Installed by the pinned pnpm 10
and pnpm 9. The stores of root and a are apart (a copy in each is no doppelganger), b's and c's
are not.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.inspect.workspaces import own_lockfile_folders
from nmdoctor.model.manifest import manifest_from_json
from nmdoctor.vfs import DiskFS
from tests.conftest import requires_node
from tests.installs.managers import install, tools_available
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not tools_available(), reason="npm, and tests/node_tools installed"),
]

PACKAGES = [
    {"name": "inner", "version": "1.0.0"},
    {"name": "inner", "version": "2.0.0"},
    {"name": "old-user", "version": "1.0.0", "dependencies": {"inner": "^1.0.0"}},
]
ROOT = {
    "name": "root",
    "version": "1.0.0",
    "private": True,
    "dependencies": {"old-user": "1.0.0"},
    "pnpm": {"overrides": {"inner": "2.0.0"}},
}
FILES = {
    "pnpm-workspace.yaml": "packages:\n  - packages/*\nsharedWorkspaceLockfile: false\n",
    ".npmrc": "shared-workspace-lockfile=false\n",
    "packages/a/package.json": json.dumps(
        {"name": "a", "version": "1.0.0", "dependencies": {"old-user": "1.0.0", "inner": "1.0.0"}}
    ),
    "packages/c/package.json": json.dumps(
        {"name": "c", "version": "1.0.0", "dependencies": {"old-user": "1.0.0", "b": "workspace:*"}}
    ),
    "packages/b/package.json": json.dumps(
        {
            "name": "b",
            "version": "1.0.0",
            "dependencies": {"old-user": "1.0.0"},
            "pnpm": {"overrides": {"inner": "2.0.0"}},
        }
    ),
}


# inner under the root, a and b: what each pnpm installed (read from the stores below).
INNER = {
    "pnpm-isolated": ("inner@2.0.0", "inner@2.0.0", "inner@2.0.0"),
    "pnpm9-isolated": ("inner@2.0.0", "inner@1.0.0", "inner@2.0.0"),
}


@pytest.fixture(scope="module", params=sorted(INNER))
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dedicated").resolve()
    with Registry(PACKAGES) as registry:
        return install(ROOT, FILES, request.param, registry.url, root / request.param)


def _inner_of_old_user(store: Path) -> list[str]:  # the only inner in each store
    return sorted(path.name for path in store.glob("inner@*"))


def _verify(project: Path) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(main, ["verify", str(project), "--json"])
    return result.exit_code, json.loads(result.output)["findings"]


def test_each_workspace_package_is_installed_from_its_own_lockfile(project: Path) -> None:
    # What pnpm did: a lockfile and a store per package, with the overrides its lockfile records.
    for name in ("a", "b", "c"):
        assert (project / "packages" / name / "pnpm-lock.yaml").is_file()
        assert (project / "packages" / name / "node_modules" / ".modules.yaml").is_file()
    stores = [
        project / "node_modules",
        project / "packages" / "a" / "node_modules",
        project / "packages" / "b" / "node_modules",
    ]
    assert tuple(_inner_of_old_user(store / ".pnpm")[0] for store in stores) == INNER[project.name]
    manifest = manifest_from_json(ROOT)
    assert own_lockfile_folders(DiskFS(), str(project), manifest) == [
        f"{project}/packages/a",
        f"{project}/packages/b",
        f"{project}/packages/c",
    ]


def test_verify_is_clean_and_check_reports_no_mismatch(project: Path) -> None:
    assert _verify(project) == (0, [])
    result = CliRunner().invoke(main, ["check", str(project), "--format", "json", "--no-cache"])
    found = json.loads(result.output)["findings"]
    codes = {item["code"] for item in found}
    assert "version-mismatch" not in codes and "extraneous-package" not in codes
    # Copies in stores no process loads together are not doppelgangers; b's and c's are.
    copies = {
        item["message"].split("`")[1]: sorted(re.findall(r"packages/(\w)/node_modules", item["message"]))
        for item in found
        if item["code"] == "doppelganger"
    }
    assert copies == {"old-user@1.0.0": ["b", "c"], "inner@2.0.0": ["b", "c"]}


def test_a_package_missing_from_a_workspace_store_is_found(project: Path, tmp_path: Path) -> None:
    copy = tmp_path / "app"
    shutil.copytree(project, copy, symlinks=True)
    shutil.rmtree(copy / "packages" / "a" / "node_modules" / ".pnpm" / "old-user@1.0.0")
    code, found = _verify(copy)
    assert code == 1
    assert {(item["code"], item["package"]["path"]) for item in found if item["severity"] == "error"} == {  # type: ignore[index]
        ("missing-dependency", "packages/a/node_modules/.pnpm/old-user@1.0.0/node_modules/old-user"),
    }
