"""The project's overrides as the manager applies them: pnpm's `catalog:` override values, and the
overrides that govern a workspace package installed from a lockfile of its own."""

from __future__ import annotations

import json

from nmdoctor.inspect.overrides import Overrides, lockfile_overrides, overrides_from, project_overrides
from nmdoctor.vfs import MemoryFS


def test_a_catalog_override_is_the_catalog_s_range() -> None:
    # vue-macros' pnpm-workspace.yaml: `overrides: {vite: 'catalog:'}` with `catalog: {vite: ^7.1.7}`;
    # pnpm records the direct dependency `vite: catalog:` in the lockfile as ^7.1.7.
    workspace = {
        "overrides": {"vite": "catalog:", "@babel/parser": "catalog:babel", "oxc-parser": "catalog:"},
        "catalog": {"vite": "^7.1.7"},
        "catalogs": {"babel": {"@babel/parser": "^7.28.4"}},
    }
    found = overrides_from({}, workspace, "pnpm")
    assert found.spec_for("vite", "catalog:") == "^7.1.7"
    assert found.spec_for("@babel/parser", "^7.0.0") == "^7.28.4"
    assert found.spec_for("oxc-parser", "^0.90.0") is None  # no such catalog entry here: undecided


def test_a_workspace_package_with_its_own_lockfile_takes_the_overrides_it_records() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/app/packages/a/pnpm-lock.yaml": (
                "lockfileVersion: '9.0'\n\nsettings:\n  autoInstallPeers: true\n\n"
                "overrides:\n  inner: 2.0.0\n  '@s/x': ^1.0.0\n\nimporters:\n\n  .: {}\n"
            ),
            "/app/packages/b/pnpm-lock.yaml": "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n",
        }
    )
    root = Overrides({"inner": "3.0.0", "other": "1.0.0"})
    recorded = lockfile_overrides(fs, "/app/packages/a", root)
    assert recorded.spec_for("inner", "^1.0.0") == "2.0.0"
    assert recorded.spec_for("@s/x", "^0.1.0") == "^1.0.0"
    assert recorded.spec_for("other", "^0.5.0") == "^0.5.0"
    # pnpm 9 records none of the root's: whether it applied them cannot be told
    unrecorded = lockfile_overrides(fs, "/app/packages/b", root)
    assert unrecorded.spec_for("inner", "^1.0.0") is None and unrecorded.spec_for("zod", "^3") == "^3"
    together = Overrides(root.everywhere, root.somewhere, (("/app/packages/a", recorded),))
    assert together.for_source("/app/packages/a/node_modules/.pnpm/x@1.0.0/node_modules/x") is recorded
    assert together.for_source("/app/packages/ab") is together
    assert together.for_source("/app/node_modules/x") is together


def _pnpm_project(installed_by: str, pinned: str | None = None) -> MemoryFS:
    manifest = {
        "name": "app",
        "dependencies": {"a": "1.0.0"},
        "pnpm": {"overrides": {"b": "2.0.0"}},
        "resolutions": {"c": "1.0.0"},
        **({"packageManager": pinned} if pinned else {}),
    }
    return MemoryFS.from_mapping(
        {
            "/app/package.json": manifest,
            "/app/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
            "/app/pnpm-workspace.yaml": "overrides:\n  d: 3.0.0\n",
            # pnpm writes it as indented JSON
            "/app/node_modules/.modules.yaml": json.dumps({"packageManager": installed_by}, indent=2),
        }
    )


def test_pnpm_11_and_12_apply_only_pnpm_workspace_yaml_overrides() -> None:
    """Real pnpm 12.26.0 installs b@1.0.0 under package.json's ``pnpm.overrides`` ``b: 2.0.0`` (and
    records no ``overrides:`` in pnpm-lock.yaml); pnpm 10.34.8 installs b@2.0.0: verify and check
    reported version-mismatch errors on the fresh pnpm 12 install
    (tests/installs/test_pnpm11_settings.py). pnpm 11 and 12 ignore ``resolutions`` too."""
    for installed_by in ("pnpm@11.29.0", "pnpm@12.26.0"):
        found = project_overrides(_pnpm_project(installed_by), "/app", layout="pnpm-isolated")
        assert set(found.everywhere) == {"d"}
    found = project_overrides(_pnpm_project("pnpm@10.34.8"), "/app", layout="pnpm-isolated")
    assert set(found.everywhere) == {"b", "c", "d"}
    pinned = project_overrides(_pnpm_project("pnpm@10.34.8", "pnpm@12.26.0"), "/app", layout="pnpm-isolated")
    assert set(pinned.everywhere) == {"d"}
