"""Node.js module resolution (CommonJS and ESM), exact to node v20, over a FileSystem view."""

from nmdoctor.resolve.errors import ResolutionError
from nmdoctor.resolve.lookup import Probe
from nmdoctor.resolve.resolver import ImportKind, Resolution, ResolveOptions, Resolver

__all__ = ["ImportKind", "Probe", "Resolution", "ResolutionError", "ResolveOptions", "Resolver"]
