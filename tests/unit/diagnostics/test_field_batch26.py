"""Rules from field batch 26 (tests/field/blind/judgments-2026-12-08-check26.json), each grounded in
the real tool named at its test."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.model.overrides import overrides_from
from nmdoctor.project.session import Project
from nmdoctor.vfs import MemoryFS


def _lockfile_findings(tree: dict[str, object]) -> list[tuple[str, str, str | None]]:
    """``check --lockfile`` of the tree: (code, severity, request) of each finding."""
    found: list[Finding] = Project("/app", MemoryFS.from_mapping(tree), from_lockfile=True).findings()
    return sorted((item.code, item.severity.value, item.request) for item in found)


# Written by the real pnpm 10.12.1 (`pnpm install --lockfile-only`) for the manifest and
# pnpm-workspace.yaml below; `pnpm install --frozen-lockfile` then installs ms 2.1.3 from it.
CATALOG_RESOLUTION_LOCK = """\
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

overrides:
  ms: ^2.1.1

importers:

  .:
    dependencies:
      ms:
        specifier: ^2.1.1
        version: 2.1.3

packages:

  ms@2.1.3:
    resolution: {integrity: INTEGRITY}

snapshots:

  ms@2.1.3: {}
""".replace(
    "INTEGRITY", "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA=="
)


def test_a_catalog_resolution_under_pnpm_is_the_catalog_s_range() -> None:
    """pnpm reads package.json ``resolutions`` as overrides and resolves a ``catalog:`` value there as
    in its own overrides (pnpm 10.12.1, the lockfile above): the direct ``ms: catalog:`` is recorded
    with the catalog's range, which is no drift (antfu-collective/vitesse-lite's ``vite``)."""
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "pt",
            "private": True,
            "dependencies": {"ms": "catalog:"},
            "resolutions": {"ms": "catalog:"},
        },
        "/app/pnpm-workspace.yaml": "packages: []\ncatalog:\n  ms: ^2.1.1\n",
        "/app/pnpm-lock.yaml": CATALOG_RESOLUTION_LOCK,
    }
    assert [item for item in _lockfile_findings(tree) if item[0] == "lockfile-drift"] == []


def test_a_catalog_resolution_without_the_catalog_is_undecided() -> None:
    """A ``catalog:`` resolution whose catalog is not in pnpm-workspace.yaml names no range nmdoctor
    can judge by: undecided, as a ``catalog:`` pnpm override is."""
    workspace = {"catalogs": {"build": {"vite": "^6.3.5"}}}
    found = overrides_from({"resolutions": {"vite": "catalog:build", "unplugin": "catalog:other"}}, workspace, "pnpm")
    assert found.spec_for("vite", "catalog:build") == "^6.3.5"
    assert found.spec_for("unplugin", "^2.0.0") is None
