"""yarn berry's package extensions: dependencies and peers yarn adds to packages' manifests.

yarn.lock records each package's dependencies as its manifest declares them; yarn adds, when it
loads the lockfile, the extensions its compat plugin always registers (``terser@<=5.10.0`` gets
``acorn``, ``@babel/parser`` gets ``@babel/types``: the list is ``data/yarn_package_extensions.json``,
read from the pinned yarn) and then the project's own ``packageExtensions`` from ``.yarnrc.yml``.
An extension fills only a name the package does not already declare; the first one wins. A
selector ``name@range`` matches a version as yarn's ``satisfiesWithPrereleases`` does: compared
with every bound as it is (semver's ``includePrerelease``), and failing that with the prerelease
tags of the version and the bounds dropped (many built-in selectors are bounded by a prerelease:
``gatsby-cli@<3.14.0-next.1``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from nmdoctor.model.specs import satisfies

__all__ = ["PackageExtensions", "types_peer"]

_FIELDS = ("dependencies", "peerDependencies", "peerDependenciesMeta")
_TAG = re.compile(r"(\d+\.\d+\.\d+)[-+][0-9A-Za-z.+-]*")


def _matches(version: str, range_: str) -> bool:
    import nodesemver

    try:
        bounds = nodesemver.make_range(range_, loose=True)
        parsed = nodesemver.make_semver(version, loose=True)
    except (ValueError, TypeError):
        return False
    if any(all(bound.test(parsed) for bound in group) for group in bounds.set):
        return True
    return bool(satisfies(_TAG.sub(r"\1", version), _TAG.sub(r"\1", range_)))


@cache
def _builtin() -> tuple[tuple[str, dict[str, Any]], ...]:
    data = json.loads(resources.files("nmdoctor").joinpath("data/yarn_package_extensions.json").read_text())
    return tuple((str(selector), extension) for selector, extension in data["extensions"])


def types_peer(name: str) -> str:
    """The ``@types`` package yarn pairs with a peer: ``react`` -> ``@types/react``,
    ``@scope/name`` -> ``@types/scope__name``."""
    return "@types/" + (name[1:].replace("/", "__") if name.startswith("@") else name)


def _selector(text: str) -> tuple[str, str]:
    """``@babel/parser@*`` -> (``@babel/parser``, ``*``); a bare name admits every version."""
    at = text.find("@", 1)
    if at == -1:
        return text, "*"
    range_ = text[at + 1 :]
    return text[:at], range_[len("npm:") :] if range_.startswith("npm:") else range_


class PackageExtensions:
    """The extensions that apply to a project: yarn's built-in ones, then ``user`` (``.yarnrc.yml``
    ``packageExtensions``: selector -> {dependencies, peerDependencies, peerDependenciesMeta})."""

    def __init__(self, user: Mapping[str, Any] | None = None) -> None:
        self.by_name: dict[str, list[tuple[str, dict[str, Any], bool]]] = {}
        pairs: Iterable[tuple[str, Any, bool]] = (
            *((selector, extension, True) for selector, extension in _builtin()),
            *((selector, extension, False) for selector, extension in (user or {}).items()),
        )
        for selector, extension, builtin in pairs:
            if isinstance(extension, dict):
                name, range_ = _selector(str(selector))
                self.by_name.setdefault(name, []).append((range_, extension, builtin))

    def apply(
        self, name: str, version: str, entry: dict[str, Any], *, builtin_added: set[str] | None = None
    ) -> dict[str, Any]:
        """``entry`` (a lockfile entry) with the extensions for ``name@version`` added (a copy when
        one applies). ``builtin_added`` collects the dependencies a built-in extension added."""
        candidates = self.by_name.get(name)
        if not candidates or not version:
            return entry
        extended: dict[str, Any] | None = None
        for range_, extension, builtin in candidates:
            if not _matches(version, range_):
                continue
            if extended is None:
                extended = {**entry, **{field: dict(entry.get(field) or {}) for field in _FIELDS}}
            for field in ("dependencies", "peerDependencies"):
                added = extension.get(field)
                for dependency, spec in added.items() if isinstance(added, dict) else ():
                    fresh = str(dependency) not in extended[field]
                    if builtin and field == "dependencies" and builtin_added is not None and fresh:
                        builtin_added.add(str(dependency))
                    extended[field].setdefault(str(dependency), str(spec))
            metas = extension.get("peerDependenciesMeta")
            for peer, meta in metas.items() if isinstance(metas, dict) else ():
                if isinstance(meta, dict):
                    metas_now = extended["peerDependenciesMeta"]
                    metas_now[str(peer)] = {**metas_now.get(str(peer), {}), **meta}
        if extended is None:
            return entry
        for peer in extended["peerDependenciesMeta"]:  # a described peer is a peer (of any version)
            extended["peerDependencies"].setdefault(peer, "*")
        return extended

    def declared(self, name: str, version: str, manifest: Mapping[str, Any]) -> set[str]:
        """Every name yarn lets the package ``name@version`` (``manifest``: its package.json)
        require, as its ``Configuration.normalizePackage`` makes them: the manifest's dependencies,
        optional dependencies and peers with the extensions' added, each name of
        ``peerDependenciesMeta`` (a peer of any version, even with no peerDependencies entry), and
        the optional ``@types`` peer yarn pairs with each peer outside the ``@types`` scope."""
        entry = {field: manifest.get(field) if isinstance(manifest.get(field), dict) else {} for field in _FIELDS}
        extended = self.apply(name, version, entry)
        optional = manifest.get("optionalDependencies")
        names = {str(key) for key in optional} if isinstance(optional, dict) else set()
        for field in _FIELDS:
            names.update(str(key) for key in extended.get(field) or {})
        peers = {str(key) for field in _FIELDS[1:] for key in extended.get(field) or {}}
        names.update(types_peer(peer) for peer in peers if not peer.startswith("@types/"))
        return names
