"""What a lockfile says: locked packages, where each is to be installed, and the edges between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nmdoctor.model.manifest import DependencyKind

__all__ = ["LockedEdge", "LockedPackage", "Lockfile", "LockfileError", "executables", "mapping_or_none"]


class LockfileError(ValueError):
    """A lockfile that cannot be read; the message names the file and the problem."""


def mapping_or_none(value: Any, path: str, where: str) -> dict[str, Any]:
    """``value`` where the lockfile format holds a mapping (absent or empty: ``{}``): any other
    shape is a lockfile no manager wrote, refused by name rather than read as something else."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LockfileError(f"{path}: {where} is not a mapping")
    return value


@dataclass(slots=True)
class LockedPackage:
    """One locked instance. ``key`` is the lockfile's own identity for it (npm: its location; pnpm:
    its dep path; yarn: its resolution). ``path`` is where it is installed, relative to the project
    root (``""`` for the root itself), when the lockfile says or implies it."""

    key: str
    name: str
    version: str
    path: str | None
    is_importer: bool = False  # the project or a workspace
    link_to: str | None = None  # key of the package a link entry stands for
    resolved: str | None = None
    integrity: str | None = None
    dev: bool | None = None
    optional: bool | None = None
    # npm's ``devOptional``: in both the dev and the optional trees, so npm omits it only when told
    # to omit both (``dev`` and ``optional`` above are then true as well).
    dev_optional: bool = False
    # The package's declared peers, where the lockfile records them (npm, pnpm): name -> range.
    peer_dependencies: dict[str, str] = field(default_factory=dict)
    optional_peers: frozenset[str] = frozenset()
    # Shipped inside its dependent's tarball (npm ``inBundle``): no manager installs it from the lockfile.
    in_bundle: bool = False
    # Names the package bundles in its own tarball (pnpm records them, not their versions).
    bundled: tuple[str, ...] = ()
    # A folder of the project's own (``link:``/``file:`` to a folder that is not a workspace): its
    # manifest is on disk, the lockfile locks no version.
    local: bool = False
    # A ``file:`` dependency on a project folder that pnpm copies into its store (relative to the
    # project): installed like a registry package, versioned by that folder's package.json.
    directory: str | None = None
    # os/cpu/libc -> values: where the package can be installed (see lockfiles.platform).
    platforms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # ``engines.node`` where the lockfile records it (pnpm, npm v2/v3): pnpm and npm skip an optional
    # package whose range the installing node does not satisfy.
    node_engine: str | None = None
    # The executables the package links into node_modules/.bin (name, file), where the lockfile
    # records them (npm's packages, yarn berry's ``bin:``); pnpm records only whether there are any.
    bins: tuple[tuple[str, str], ...] = ()


def executables(value: object) -> tuple[tuple[str, str], ...]:
    """A lockfile entry's ``bin`` map (executable -> file), the entries that name both."""
    if not isinstance(value, dict):
        return ()
    return tuple((str(name), file) for name, file in value.items() if isinstance(file, str) and file and name)


@dataclass(frozen=True, slots=True)
class LockedEdge:
    source: str  # package key
    name: str
    spec: str
    kind: DependencyKind
    target: str | None  # package key, or None when the lockfile has no entry for it


@dataclass(slots=True)
class Lockfile:
    kind: str  # "npm", "pnpm", "yarn-classic", "yarn-berry"
    version: str  # lockfileVersion (npm, pnpm) or the yarn format version
    path: str
    packages: dict[str, LockedPackage] = field(default_factory=dict)
    edges: list[LockedEdge] = field(default_factory=list)
    # npm: the entries marked ``"extraneous": true`` (location -> version), left out of ``packages``
    # since ``npm ci`` does not install them; ``npm install`` writes them for copies it leaves on disk
    # (a copy placed for an optional peer that nothing else reaches).
    extraneous: dict[str, str] = field(default_factory=dict)
    # yarn berry: the names locked under a protocol a plugin resolves (``ignore:``): what the plugin
    # installs for them the lockfile does not say, so it is neither missing nor extraneous.
    plugin_names: set[str] = field(default_factory=set)

    def importers(self) -> list[LockedPackage]:
        return [package for package in self.packages.values() if package.is_importer]

    def by_path(self) -> dict[str, LockedPackage]:
        return {package.path: package for package in self.packages.values() if package.path is not None}
