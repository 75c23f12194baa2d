"""Node.js module resolution (CommonJS and ESM), exact to node 20, 22, 24 and 26, over a FileSystem view.

The names below load the resolver on first use, so that a module of this package that needs none
of it (``search_paths``, ``pnp_state``: what ``ls`` uses) does not pay for the resolver's import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nmdoctor.resolve.errors import ResolutionError
    from nmdoctor.resolve.lookup import Probe
    from nmdoctor.resolve.resolver import ImportKind, Resolution, ResolveOptions, Resolver

__all__ = ["ImportKind", "Probe", "Resolution", "ResolutionError", "ResolveOptions", "Resolver"]

_HOMES = {
    "ResolutionError": "nmdoctor.resolve.errors",
    "Probe": "nmdoctor.resolve.lookup",
    "ImportKind": "nmdoctor.resolve.resolver",
    "Resolution": "nmdoctor.resolve.resolver",
    "ResolveOptions": "nmdoctor.resolve.resolver",
    "Resolver": "nmdoctor.resolve.resolver",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(home), name)
