"""``nmdoctor resolve`` in a Yarn Plug'n'Play project: which project owns a module, the PnP
resolver for it, and the fix an ``--explain`` of an undeclared or missing-peer request prints."""

from __future__ import annotations

import os
from typing import TextIO

from nmdoctor.cli.errors import InputError
from nmdoctor.resolve import Resolution, ResolveOptions
from nmdoctor.resolve.node.pnp import PnpResolver
from nmdoctor.resolve.node.pnp_state import Locator, PnpError, find_pnp_root, read_pnp_state
from nmdoctor.vfs import DiskFS, FileSystem
from nmdoctor.vfs.pnpfs import PnpFS, archive_part, resolve_virtual

__all__ = ["PnpResolvers", "pnp_parent", "render_pnp_help"]


class PnpResolvers:
    """One PnP resolver per project (and per set of options), found from the requiring module."""

    def __init__(self, fs: FileSystem | None = None) -> None:
        self.disk = fs or DiskFS()
        self.fs = PnpFS(self.disk)
        self._roots: dict[str, str | None] = {}
        self._resolvers: dict[tuple[str, ResolveOptions], PnpResolver] = {}

    def root_for(self, parent: str) -> str | None:
        """The folder of the ``.pnp.cjs`` that owns ``parent`` (a module path), or None."""
        folder = os.path.dirname(resolve_virtual(parent))
        archive = archive_part(folder)
        if archive is not None:
            folder = os.path.dirname(archive)
        if folder not in self._roots:
            self._roots[folder] = find_pnp_root(self.disk, folder)
        return self._roots[folder]

    def for_parent(self, parent: str, options: ResolveOptions) -> PnpResolver | None:
        root = self.root_for(parent)
        if root is None:
            return None
        key = (root, options)
        if key not in self._resolvers:
            try:
                state = read_pnp_state(self.disk, root)
            except PnpError as error:
                raise InputError(str(error)) from None
            self._resolvers[key] = PnpResolver(state, self.fs, options)
        return self._resolvers[key]


def pnp_parent(path: str) -> str | None:
    """``--from`` inside a zip of the cache or a virtual path (neither exists on disk as such): the
    module path as yarn's runtime names it; None for ordinary paths."""
    absolute = os.path.abspath(path)
    if resolve_virtual(absolute) != absolute or archive_part(absolute) is not None:
        return absolute
    return None


def _installed(resolver: PnpResolver, name: str) -> list[Locator]:
    return [
        locator
        for locator in resolver.state.locators()
        if locator.name == name and not str(locator.reference).startswith("virtual:")
    ]


def _version(locator: Locator) -> str | None:
    reference = str(locator.reference)
    return reference[4:] if reference.startswith("npm:") else None


def render_pnp_help(resolver: PnpResolver, result: Resolution, name: str, out: TextIO) -> None:
    """Where the package is in the PnP state, and the fix for the issuer that cannot reach it."""
    if result.ok:
        return
    issuer = resolver.find_package_locator(os.path.dirname(result.parent) + "/")
    copies = _installed(resolver, name)
    if copies:
        out.write(f"\n{name} is installed ({', '.join(str(copy) for copy in copies)}), but ")
        out.write("Plug'n'Play lets a package reach only what its own package.json declares.\n")
    if issuer is None or not copies:
        return
    version = next((found for found in (_version(copy) for copy in copies) if found), None)
    is_root = issuer.name is None or issuer in resolver.state.dependency_tree_roots
    message = result.message or ""
    if "(a peer dependency)" in message:
        out.write(
            f"Fix: {issuer.name} asks for {name} as a peer; add {name} to the dependencies of the package\n"
            f"that depends on {issuer.name} (the ancestors named above), then run yarn install.\n"
        )
    elif is_root:
        out.write(f'Fix: add "{name}": "{version or "*"}" to the dependencies of {issuer.name or "the project"}.\n')
    elif version is not None:
        out.write(
            "Fix: declare the missing dependency for this package in .yarnrc.yml, then run yarn install:\n"
            "  packageExtensions:\n"
            f'    "{issuer.name}@*":\n'
            "      dependencies:\n"
            f'        {name}: "{version}"\n'
        )
