"""Package and edge sets of a lockfile, as nmdoctor models it and as each manager lists it
(`npm ls --all --json --package-lock-only`, `pnpm list -r --depth Infinity --json --lockfile-only`,
`yarn info -AR --json`), in one vocabulary so that they can be compared: used by
benchmarks/field_lockfiles.py and tests/field/test_field_lockfiles.py."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from nmdoctor.lockfiles import Lockfile, read_lockfile
from nmdoctor.lockfiles.detect import find_lockfile, manifest_json
from nmdoctor.lockfiles.pnpm import read_pnpm_lockfile
from nmdoctor.lockfiles.pnpm_modules import StoreNaming
from nmdoctor.model.manifest import DependencyKind
from nmdoctor.vfs import DiskFS

FIELD = Path(__file__).resolve().parent / "lockfiles"
MISSING = "(missing)"
PROJECT = Path("<project>")  # the project folder, as the recorded listings spell it


def read_model(folder: Path) -> Lockfile:
    fs = DiskFS()
    path = find_lockfile(fs, str(folder))
    assert path is not None, folder
    if path.endswith("/pnpm-lock.yaml"):  # named as the pnpm that lists it (10) names store folders
        return read_pnpm_lockfile(Path(path).read_text(), path, naming=StoreNaming(10))
    return read_lockfile(fs, path, manifest_json(fs, str(folder)))


# -- nmdoctor's sets ------------------------------------------------------------------------------
def _label(lock: Lockfile, key: str | None) -> str:
    """name@version, named as `npm ls` names it: by its folder (an alias by the alias)."""
    if key is None:
        return MISSING
    package = lock.packages[key]
    while package.link_to is not None and package.link_to in lock.packages:
        package = lock.packages[package.link_to]
    name = package.name
    if package.path and "node_modules/" in package.path:
        name = package.path.rpartition("node_modules/")[2]
    return f"{name}@{package.version}"


def ours_npm(lock: Lockfile) -> tuple[set[str], set[str]]:
    packages = {_label(lock, key) for key, item in lock.packages.items() if item.link_to is None}
    edges = {f"{_label(lock, edge.source)} > {edge.name} > {_label(lock, edge.target)}" for edge in lock.edges}
    # npm lists each workspace as a dependency of the root; the model holds them as importers.
    root = _label(lock, "")
    for item in lock.importers():
        if item.path:
            edges.add(f"{root} > {item.name} > {item.name}@{item.version}")
    return packages, edges


def _pnpm_id(lock: Lockfile, project: Path, key: str | None) -> str:
    if key is None:
        return MISSING
    package = lock.packages[key]
    if package.is_importer or package.local:
        return str(project / package.path) if package.path else str(project)
    return str(package.path).removeprefix("node_modules/")


def ours_pnpm(lock: Lockfile, project: Path) -> tuple[set[str], set[str]]:
    packages = {_pnpm_id(lock, project, key) for key, item in lock.packages.items() if not item.is_importer}
    edges = {
        f"{_pnpm_id(lock, project, edge.source)} > {edge.name} > {_pnpm_id(lock, project, edge.target)}"
        for edge in lock.edges
        if edge.target is not None or edge.kind is not DependencyKind.PEER  # unresolved peers: not listed
    }
    return packages, edges


def ours_berry(lock: Lockfile) -> tuple[set[str], set[str]]:
    packages = set(lock.packages)
    edges = {
        f"{edge.source} > {edge.name} > {edge.target or MISSING}"
        for edge in lock.edges
        if edge.kind is not DependencyKind.PEER  # yarn info lists a package's own dependencies
    }
    return packages, edges


# -- the managers' sets ---------------------------------------------------------------------------
def npm_sets(output: str) -> tuple[set[str], set[str]]:
    root = json.loads(output)
    packages: set[str] = set()
    edges: set[str] = set()

    def visit(node: dict[str, Any], label: str) -> None:
        for name, child in (node.get("dependencies") or {}).items():
            version = child.get("version")
            target = f"{child.get('name', name)}@{version}" if version else MISSING
            if version:
                packages.add(target)
            edges.add(f"{label} > {name} > {target}")
            if child.get("dependencies"):
                visit(child, target)

    top = f"{root.get('name')}@{root.get('version')}"
    packages.add(top)
    visit(root, top)
    return packages, edges


def pnpm_sets(output: str, project: Path) -> tuple[set[str], set[str]]:
    packages: set[str] = set()
    edges: set[str] = set()

    def ident(node: dict[str, Any]) -> str:
        path = str(node.get("path", ""))
        return str(project) + path[len("<project>") :] if path.startswith("<project>") else path

    def visit(node: dict[str, Any], source: str) -> None:
        for field in ("dependencies", "devDependencies", "optionalDependencies"):
            for name, child in (node.get(field) or {}).items():
                target = ident(child)
                if not str(child.get("version", "")).startswith("link:"):
                    packages.add(target)
                edges.add(f"{source} > {name} > {target}")
                visit(child, target)

    for importer in json.loads(output):
        visit(importer, ident(importer))
    return packages, edges


def berry_sets(output: str) -> tuple[set[str], set[str]]:
    packages: set[str] = set()
    edges: set[str] = set()
    patch_sources: set[str] = set()
    for line in output.splitlines():
        row = json.loads(line)
        value = row["value"]
        packages.add(value)
        reference = value[value.find("@", 1) + 1 :]
        if reference.startswith("patch:"):
            patch_sources.add(unquote(reference[len("patch:") :].split("#", 1)[0]))
        for dependency in row["children"].get("Dependencies", ()):
            descriptor = dependency["descriptor"]
            name = descriptor[: descriptor.find("@", 1)]
            locator = dependency.get("locator") or MISSING
            if locator.find("@virtual:", 1) != -1:  # a package instance with its peers: the package
                at = locator.find("@", 1)
                locator = locator[: at + 1] + locator[locator.index("#", at) + 1 :]
            edges.add(f"{value} > {name} > {locator}")
    # A package locked only as the source of a patch: yarn lists it (and its dependencies), but
    # installs the patched one in its place.
    depended = {edge.rsplit(" > ", 1)[1] for edge in edges}
    sources = {source for source in patch_sources if source not in depended}
    packages -= sources
    edges = {edge for edge in edges if edge.split(" > ", 1)[0] not in sources}
    return packages, edges


def manager_sets(kind: str, output: str, project: Path) -> tuple[set[str], set[str]]:
    if kind == "npm":
        return npm_sets(output)
    if kind == "pnpm":
        return pnpm_sets(output, project)
    return berry_sets(output)


def our_sets(lock: Lockfile, project: Path) -> tuple[set[str], set[str]]:
    if lock.kind == "npm":
        return ours_npm(lock)
    if lock.kind == "pnpm":
        return ours_pnpm(lock, project)
    return ours_berry(lock)


def recorded(folder: Path) -> dict[str, Any] | None:
    """The manager's listing recorded beside the lockfile (MANAGER.json), if any."""
    path = folder / "MANAGER.json"
    return json.loads(path.read_text()) if path.exists() else None
