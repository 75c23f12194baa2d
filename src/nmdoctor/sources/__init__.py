"""Reading a project's own source: which modules each JS/TS file imports, and where."""

from nmdoctor.sources.files import source_files
from nmdoctor.sources.imports import ImportKind, ImportSite, parse_imports

__all__ = ["ImportKind", "ImportSite", "parse_imports", "source_files"]
