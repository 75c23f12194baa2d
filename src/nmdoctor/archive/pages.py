"""The pages an Electron app's main code loads, and the classic scripts each page runs.

``win.loadFile('index.html')`` or ``loadURL(`file://${__dirname}/index.html`)``: the page runs its
``<script src="app.js">`` in the renderer; with ``nodeIntegration`` such a script calls ``require``,
which node resolves from the page's folder, and the modules it requires resolve from their own.
Those requires are part of the packed app as much as the main process's. A page's scripts are found
by name only (``<script src>`` relative to the page, not a module script, not a URL): nothing here
runs the page.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["page_paths", "page_scripts"]

_PAGE = re.compile(rb"""['"`]([^'"`\s<>]{0,200}?\.html?)(?:[?#][^'"`\s]*)?['"`]""")
_SCRIPT = re.compile(rb"<script\b([^>]*)>", re.IGNORECASE)
_SRC = re.compile(rb"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_MODULE = re.compile(rb"""\btype\s*=\s*["']?module\b""", re.IGNORECASE)
_MAX_PAGE_BYTES = 2 * 1024 * 1024


def _is_file(fs: FileSystem, path: str) -> bool:
    stat = fs.stat(path)
    return stat is not None and stat.kind is Kind.FILE


def page_paths(fs: FileSystem, source: bytes, file: str, root: str) -> list[str]:
    """The HTML files named by ``file``'s string literals that exist in the app, looked up beside
    ``file`` and at the app's root (``${__dirname}/`` and ``file://`` prefixes dropped)."""
    found = []
    for match in _PAGE.finditer(source):
        name = match.group(1).decode("utf-8", "replace")
        name = name.rpartition("}")[2].removeprefix("file://").lstrip("/")
        if not name or "://" in name or name.startswith(".."):
            continue
        for base in (posixpath.dirname(file), root):
            path = posixpath.normpath(posixpath.join(base, name))
            if path.startswith(root.rstrip("/") + "/") and _is_file(fs, path):
                found.append(path)
                break
    return list(dict.fromkeys(found))


def page_scripts(fs: FileSystem, page: str) -> list[str]:
    """The classic scripts ``page`` loads from the app's own files, in their order."""
    try:
        text = fs.read_bytes(page)
    except FileSystemError:
        return []
    if len(text) > _MAX_PAGE_BYTES:
        return []
    scripts = []
    for tag in _SCRIPT.finditer(text):
        attributes = tag.group(1)
        source = _SRC.search(attributes)
        if source is None or _MODULE.search(attributes):
            continue
        raw = next(group for group in source.groups() if group is not None).decode("utf-8", "replace")
        if not raw or "://" in raw or raw.startswith(("//", "/", "data:")):
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), raw.split("?")[0].split("#")[0]))
        if _is_file(fs, path):
            scripts.append(path)
    return scripts
