"""What a project or workspace declares, and the monorepo rule that lets a workspace use what an
enclosing package declares: shared by the import rules and the webpack-loader rule."""

from __future__ import annotations

from nmdoctor.model.manifest import Manifest

__all__ = ["declared_above", "declared_names"]


def declared_names(manifest: Manifest) -> set[str]:
    """Every name ``manifest`` declares, dev and optional peers included."""
    return {item.name for item in manifest.declared(include_dev=True)} | set(manifest.optional_peers)


def declared_above(ancestors: dict[str, set[str]], owner: str, name: str, folder: str | None) -> bool:
    """A workspace's import of a package that an enclosing package (the monorepo root) declares and
    node finds in that package's own node_modules: it resolves by design under every layout."""
    for path, declared in ancestors.items():
        inside = path != owner and owner.startswith(path + "/") and name in declared
        if inside and (folder is None or folder == f"{path}/node_modules/{name}"):
            return True
    return False
