"""Module resolution over a FileSystem view: node's (``node/``: CommonJS and ESM, exact to node 20,
22, 24 and 26, and Yarn PnP) and webpack's (``webpack/``: enhanced-resolve, for bundler mode).
``errors`` and ``fileurl`` are shared by both.

The names below are node's resolver, loaded on first use, so that a module of this package that
needs none of it (``node.search_paths``, ``node.pnp_state``: what ``ls`` uses) does not pay for
the resolver's import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nmdoctor.resolve.errors import ResolutionError
    from nmdoctor.resolve.node.lookup import Probe
    from nmdoctor.resolve.node.resolver import ImportKind, Resolution, ResolveOptions, Resolver

__all__ = ["ImportKind", "Probe", "Resolution", "ResolutionError", "ResolveOptions", "Resolver"]

_HOMES = {
    "ResolutionError": "nmdoctor.resolve.errors",
    "Probe": "nmdoctor.resolve.node.lookup",
    "ImportKind": "nmdoctor.resolve.node.resolver",
    "Resolution": "nmdoctor.resolve.node.resolver",
    "ResolveOptions": "nmdoctor.resolve.node.resolver",
    "Resolver": "nmdoctor.resolve.node.resolver",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
