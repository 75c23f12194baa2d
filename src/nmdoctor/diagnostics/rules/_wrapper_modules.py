"""The modules a build wrapper builds its webpack rules in.

A build wrapper (a dependency that brings webpack and runs it against the project: seed 002's
builder, @rails/webpacker) names loaders by string in whatever module builds its rules
(webpacker 5: package/rules/babel.js, package/utils/get_style_rule.js), not only in files named
webpack.config.*. webpack looks those names up from the project's folder, so they are followed from
the wrapper's entry point through its relative requires.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.model.graph import Instance
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["MAX_WRAPPER_MODULES", "wrapper_modules"]

MAX_WRAPPER_MODULES = 200
_RELATIVE = re.compile(rb"""\brequire\(\s*['"](\.{1,2}/[^'"\n]+)['"]\s*\)|\bfrom\s+['"](\.{1,2}/[^'"\n]+)['"]""")
_SUFFIXES = ("", ".js", ".cjs", "/index.js", "/index.cjs")
_NOT_RUN = ("__tests__", "test", "tests", "node_modules", "examples")  # what webpack never runs of it
_LOADER = re.compile(rb"""\bloader\s*:\s*['"]|\bresolveLoader\b""")


def _module_file(fs: FileSystem, base: str) -> str | None:
    for suffix in _SUFFIXES:
        stat = fs.stat(base + suffix)
        if stat is not None and stat.kind is Kind.FILE and (base + suffix).endswith((".js", ".cjs")):
            return base + suffix
    return None


def wrapper_modules(fs: FileSystem, wrapper: Instance) -> list[str]:
    """The wrapper's modules its entry point (``main``, else index.js) reaches through relative
    requires that name a loader by string (``loader: '...'``) or set ``resolveLoader``, in the order
    they are reached."""
    raw = wrapper.manifest.raw if isinstance(wrapper.manifest.raw, dict) else {}
    main = raw.get("main") if isinstance(raw.get("main"), str) else "index.js"
    start = _module_file(fs, posixpath.normpath(posixpath.join(wrapper.path, str(main))))
    pending = [start] if start is not None else []
    seen: set[str] = set(pending)
    found: list[str] = []
    while pending and len(seen) <= MAX_WRAPPER_MODULES:
        path = pending.pop(0)
        try:
            source = fs.read_bytes(path)
        except FileSystemError:
            continue
        if _LOADER.search(source):
            found.append(path)
        for match in _RELATIVE.finditer(source):
            specifier = (match.group(1) or match.group(2)).decode("utf-8", "replace")
            target = _module_file(fs, posixpath.normpath(posixpath.join(posixpath.dirname(path), specifier)))
            if target is None or target in seen or not target.startswith(wrapper.path + "/"):
                continue
            if any(part in _NOT_RUN for part in target[len(wrapper.path) + 1 :].split("/")[:-1]):
                continue
            seen.add(target)
            pending.append(target)
    return found
