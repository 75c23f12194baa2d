"""The checks, by family; importing this package registers them all."""

from nmdoctor.diagnostics.rules import duplicates, links, resolution, undeclared

__all__ = ["duplicates", "links", "resolution", "undeclared"]
