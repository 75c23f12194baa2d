"""Node.js module resolution (CommonJS and ESM), exact to node 20, 22, 24 and 26, over a FileSystem view."""

from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.resolve.lookup import Probe
from nmdoctor.resolve.resolver import ImportKind, Resolution, ResolveOptions, Resolver

__all__ = ["ImportKind", "Probe", "Resolution", "ResolutionError", "ResolveOptions", "Resolver"]
