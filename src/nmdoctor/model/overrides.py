"""The project's version overrides: npm ``overrides``, pnpm ``overrides``, yarn ``resolutions``.

A manager that applies an override installs the override's version whatever range the dependent's
own package.json declares, so judging that edge against the declared range would report a
mismatch the manager chose on purpose. ``Overrides.spec_for`` answers what an edge should be judged
against: the declared range when no override names the package, the override's spec when one
applies to every edge of that name, and None (do not judge) when an override applies only under
some parent or to some versions, which the files alone do not settle for a given edge.

Where they are read: the root package.json (``overrides`` for npm, ``pnpm.overrides``,
``resolutions`` for yarn and for pnpm, which honours it too) and ``pnpm-workspace.yaml``
``overrides`` (pnpm 10).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.vfs.base import VPath

__all__ = [
    "OVERRIDE_FIELDS",
    "Overrides",
    "overrides_from",
    "pnpm_catalogs",
    "split_pnpm_selector",
    "split_selector",
    "yarn_chain",
]


@dataclass(frozen=True, slots=True)
class Overrides:
    """``everywhere``: name -> spec for overrides of every edge of a name; ``somewhere``: the names
    overridden only under a parent, for some versions, or by a reference nmdoctor cannot follow."""

    everywhere: dict[str, str] = field(default_factory=dict)
    somewhere: frozenset[str] = frozenset()
    # Workspace packages installed from a lockfile of their own (pnpm's shared-workspace-lockfile=false),
    # by folder: their own overrides govern what is installed in them.
    apart: tuple[tuple[VPath, Overrides], ...] = ()
    # Names of ``somewhere`` overridden only under named parents (pnpm's ``a>b``, ``a@1>b``), by name:
    # those parents' names. A dependency declared by a package of another name is not under them.
    under: dict[str, frozenset[str]] = field(default_factory=dict)

    def for_source(self, path: VPath) -> Overrides:
        """The overrides that govern the dependencies of the package installed at ``path``."""
        for folder, own in self.apart:
            if path == folder or path.startswith(folder + "/"):
                return own
        return self

    def spec_for(self, name: str, declared: str) -> str | None:
        """The spec an edge to ``name`` declared as ``declared`` is installed by; None: undecidable."""
        if name in self.somewhere:
            return None
        return self.everywhere.get(name, declared)

    def direct_spec_for(self, owner: str | None, name: str, declared: str) -> str | None:
        """The spec pnpm installs a dependency ``name`` that the workspace package named ``owner``
        declares as ``declared`` by: an override under a parent applies to it only where ``owner``
        is that parent (pnpm 11.29.0 records ``ms: catalog:`` of a package ``a`` under overrides
        ``{ms: 2.1.3, debug>ms: 2.1.2, foo>ms: 2.0.0}`` as 2.1.3, and of a package ``foo`` as
        2.0.0); None: undecidable."""
        parents = self.under.get(name)
        if parents is None or owner is None or owner in parents:
            return self.spec_for(name, declared)
        return self.everywhere.get(name, declared)

    def __bool__(self) -> bool:
        return bool(self.everywhere or self.somewhere or self.apart)


def split_selector(selector: str) -> tuple[str, bool]:
    """``name`` or ``name@range`` -> (name, has a range)."""
    at = selector.find("@", 1)
    return (selector, False) if at == -1 else (selector[:at], True)


class _Collector:
    def __init__(self, references: dict[str, str], catalogs: dict[str, dict[str, str]] | None = None) -> None:
        self.references = references  # the root's declared specs, for npm/pnpm "$name"
        self.catalogs = catalogs or {}  # pnpm-workspace.yaml's catalogs by name ("default" for `catalog`)
        self.everywhere: dict[str, str] = {}
        self.somewhere: set[str] = set()
        self.parents: dict[str, set[str]] = {}  # name -> parents it is overridden under, by name
        self.unsure: set[str] = set()  # names overridden somewhere in a way no parent name bounds

    def value(self, spec: str) -> str | None:
        if spec.startswith("$"):
            return self.references.get(spec[1:])
        return spec

    def catalog_value(self, name: str, spec: str | None) -> str | None:
        """``spec`` with a ``catalog:`` reference replaced by the catalog's range, as pnpm applies it
        (vue-macros: `vite: 'catalog:'` is recorded in the lockfile as the catalog's ^7.1.7); a
        catalog not found here leaves it undecided (None)."""
        if spec is not None and spec.startswith("catalog:"):
            return self.catalogs.get(spec[len("catalog:") :] or "default", {}).get(name)
        return spec

    def add(self, name: str, spec: str | None, *, unconditional: bool, parent: str | None = None) -> None:
        if not unconditional or spec is None or spec == "-" or self.everywhere.get(name, spec) != spec:
            self.somewhere.add(name)
            if parent is not None and spec is not None and spec != "-":
                self.parents.setdefault(name, set()).add(parent)
            else:
                self.unsure.add(name)
        else:
            self.everywhere[name] = spec

    def under(self) -> dict[str, frozenset[str]]:
        return {name: frozenset(found) for name, found in self.parents.items() if name not in self.unsure}

    def npm(self, tree: Any, *, top: bool) -> None:
        if not isinstance(tree, dict):
            return
        for key, item in tree.items():
            if key == ".":
                continue
            name, ranged = split_selector(str(key))
            if isinstance(item, str):
                self.add(name, self.value(item), unconditional=top and not ranged)
            elif isinstance(item, dict):
                own = item.get(".")
                if isinstance(own, str):
                    self.add(name, self.value(own), unconditional=top and not ranged)
                self.npm(item, top=False)

    def pnpm(self, tree: Any) -> None:
        """pnpm ``overrides``: ``b``, ``b@1``, ``a>b``, ``a@1>b@2``."""
        if not isinstance(tree, dict):
            return
        for key, item in tree.items():
            parent, target = split_pnpm_selector(str(key))
            name, ranged = split_selector(target)
            spec = self.catalog_value(name, self.value(item) if isinstance(item, str) else None)
            parent_name = split_selector(parent)[0] if parent and not ranged else None
            self.add(name, spec, unconditional=not parent and not ranged, parent=parent_name)

    def yarn(self, tree: Any) -> None:
        """yarn ``resolutions``: ``b``, ``b@npm:1`` (berry), ``a/b``, ``**/b``, ``a/**/b``. pnpm reads
        them as overrides and resolves a ``catalog:`` value as it does in its own (pnpm 10.12.1:
        ``resolutions: {ms: "catalog:"}`` is recorded as the catalog's range, under ``overrides:``
        and as the specifier of a direct ``ms``; antfu-collective/vitesse-lite's ``vite``)."""
        if not isinstance(tree, dict):
            return
        for key, item in tree.items():
            chain = yarn_chain(str(key))
            if not chain:
                continue
            name, ranged = split_selector(chain[-1])
            anywhere = len(chain) == 1 or (len(chain) == 2 and chain[0] == "**")
            spec = self.catalog_value(name, self.value(item) if isinstance(item, str) else None)
            self.add(name, spec, unconditional=anywhere and not ranged)


_PNPM_DELIMITER = re.compile(r"[^ |@]>")


def split_pnpm_selector(selector: str) -> tuple[str, str]:
    """A pnpm override key -> (parent selector or "", target selector), split as pnpm splits it
    (@pnpm/parse-overrides, the same in pnpm 8.15.9, 10.34.8 and 11.29.0): at the first `>` that
    follows neither a space, `|` nor `@`, so a range's `>=` stays in its selector
    (``serialize-javascript@>=5.0.0 <7.0.5``; ``a@1>b``)."""
    selector = selector.strip()
    found = _PNPM_DELIMITER.search(selector)
    if found is None:
        return "", selector
    return selector[: found.start() + 1], selector[found.start() + 2 :].strip()


def yarn_chain(selector: str) -> list[str]:
    """``a/@s/b/**/c`` -> ``["a", "@s/b", "**", "c"]``."""
    chain: list[str] = []
    for part in selector.split("/"):
        if chain and chain[-1].startswith("@") and "/" not in chain[-1] and chain[-1] != "**":
            chain[-1] = f"{chain[-1]}/{part}"
        elif part:
            chain.append(part)
    return chain


def _references(manifest: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for section in ("peerDependencies", "optionalDependencies", "devDependencies", "dependencies"):
        value = manifest.get(section)
        if isinstance(value, dict):
            found.update({str(key): item for key, item in value.items() if isinstance(item, str)})
    return found


# Which fields each manager reads: npm only its ``overrides``; pnpm ``pnpm.overrides``,
# ``pnpm-workspace.yaml`` ``overrides`` and yarn's ``resolutions`` (for compatibility); yarn only
# ``resolutions``; bun both ``overrides`` and ``resolutions``. None: the manager is not known.
OVERRIDE_FIELDS = {
    "npm": frozenset({"overrides"}),
    "pnpm": frozenset({"pnpm", "resolutions", "workspace"}),
    "yarn": frozenset({"resolutions"}),
    "bun": frozenset({"overrides", "resolutions"}),
}
_ALL = frozenset({"overrides", "pnpm", "resolutions", "workspace"})


def overrides_from(manifest: dict[str, Any], workspace: Any = None, manager: str | None = None) -> Overrides:
    """The overrides a root package.json (and the parsed ``pnpm-workspace.yaml``, if any) declare,
    as ``manager`` reads them (every field when it is not known). A field the manager may read
    though nmdoctor cannot tell (npm's ``overrides`` under pnpm) leaves its names undecided."""
    read = OVERRIDE_FIELDS.get(manager or "", _ALL)
    collector = _Collector(_references(manifest), pnpm_catalogs(workspace))
    if "overrides" in read:
        collector.npm(manifest.get("overrides"), top=True)
    elif manager == "pnpm":
        undecided = _Collector(collector.references)
        undecided.npm(manifest.get("overrides"), top=True)
        collector.somewhere.update(undecided.everywhere, undecided.somewhere)
    pnpm = manifest.get("pnpm")
    if isinstance(pnpm, dict) and "pnpm" in read:
        collector.pnpm(pnpm.get("overrides"))
    if "resolutions" in read:
        collector.yarn(manifest.get("resolutions"))
    if isinstance(workspace, dict) and "workspace" in read:
        collector.pnpm(workspace.get("overrides"))
    return Overrides(dict(collector.everywhere), frozenset(collector.somewhere), under=collector.under())


def pnpm_catalogs(workspace: Any) -> dict[str, dict[str, str]]:
    """pnpm-workspace.yaml's ``catalog`` (the ``default`` catalog) and named ``catalogs``."""
    if not isinstance(workspace, dict):
        return {}
    found: dict[str, dict[str, str]] = {}
    named = workspace.get("catalogs") if isinstance(workspace.get("catalogs"), dict) else {}
    for name, entries in [("default", workspace.get("catalog")), *named.items()]:
        if isinstance(entries, dict):
            found.setdefault(str(name), {}).update(
                {str(key): str(value) for key, value in entries.items() if isinstance(value, str | int | float)}
            )
    return found
