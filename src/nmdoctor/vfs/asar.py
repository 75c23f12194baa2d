"""An Electron asar archive as a FileSystem, mounted at a path (usually the archive's own).

Archives are untrusted input: the header is size-checked before it is read, every name and link is
checked to stay inside the archive, and every file's offset and size must lie inside the data. A
violation is an ``AsarError`` naming the archive and the problem, never a read outside the file.
"""

from __future__ import annotations

import json
import posixpath
import struct
from collections.abc import Sequence
from typing import Any

from nmdoctor.vfs._walk import LinkFollowing
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, Stat, VPath

__all__ = ["MAX_HEADER_BYTES", "AsarError", "AsarFS"]

MAX_HEADER_BYTES = 256 * 1024 * 1024  # far above any real app's header; refuses absurd sizes cheaply
_MAX_DEPTH = 256


class AsarError(ValueError):
    """The archive is not a well-formed asar; the message names the archive and the problem."""


class AsarFS(LinkFollowing):
    """Read-only view of ``data`` (an asar's bytes) at ``mount``; ``unpacked`` serves the files the
    header marks unpacked (``<archive>.unpacked/<path>``), as Electron does."""

    def __init__(
        self,
        data: bytes,
        mount: VPath,
        name: str = "app.asar",
        unpacked: FileSystem | None = None,
        unpacked_root: VPath | None = None,
    ) -> None:
        self.name = name
        self.mount = mount.rstrip("/") or "/"
        self.unpacked = unpacked
        self.unpacked_root = unpacked_root
        self._data = data
        header, self._data_start = self._read_header(data)
        self._nodes: dict[str, dict[str, Any]] = {}
        self._children: dict[str, list[str]] = {}
        self._index("", header, 0)

    # -- header ---------------------------------------------------------------------------------
    def _fail(self, problem: str) -> AsarError:
        return AsarError(f"{self.name}: {problem}")

    def _read_header(self, data: bytes) -> tuple[dict[str, Any], int]:
        if len(data) < 16:
            raise self._fail("too short to be an asar archive")
        size_payload, header_size, _payload, json_length = struct.unpack_from("<4I", data, 0)
        if size_payload != 4:
            raise self._fail("not an asar archive (bad size pickle)")
        if header_size > MAX_HEADER_BYTES or json_length > header_size or 16 + json_length > len(data):
            raise self._fail(f"header of {json_length} bytes does not fit in the archive")
        try:
            header = json.loads(data[16 : 16 + json_length].decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise self._fail(f"header is not JSON ({error})") from None
        if not isinstance(header, dict) or not isinstance(header.get("files"), dict):
            raise self._fail("header has no root folder")
        return header, 8 + header_size

    def _index(self, path: str, node: dict[str, Any], depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise self._fail("folders nested too deep")
        self._nodes[path] = node
        files = node.get("files")
        if files is None:
            self._check_leaf(path, node)
            return
        if not isinstance(files, dict):
            raise self._fail(f"{path or '/'}: files is not an object")
        names = []
        for name, child in files.items():
            if not isinstance(name, str) or name in ("", ".", "..") or "/" in name or "\\" in name or "\0" in name:
                raise self._fail(f"{path or '/'}: invalid entry name {name!r}")
            if not isinstance(child, dict):
                raise self._fail(f"{path}/{name}: entry is not an object")
            names.append(name)
            self._index(f"{path}/{name}" if path else name, child, depth + 1)
        self._children[path] = sorted(names)

    def _check_leaf(self, path: str, node: dict[str, Any]) -> None:
        if "link" in node:
            link = node["link"]
            if not isinstance(link, str) or link.startswith("/") or posixpath.normpath(link).startswith(".."):
                raise self._fail(f"{path}: link {link!r} leaves the archive")
            return
        size = node.get("size")
        if not isinstance(size, int) or size < 0:
            raise self._fail(f"{path}: invalid size {size!r}")
        if node.get("unpacked"):
            return
        try:
            offset = int(node.get("offset", ""))
        except (TypeError, ValueError):
            raise self._fail(f"{path}: invalid offset {node.get('offset')!r}") from None
        if offset < 0 or self._data_start + offset + size > len(self._data):
            raise self._fail(f"{path}: offset {offset} and size {size} lie outside the archive")

    # -- FileSystem -----------------------------------------------------------------------------
    def _inner(self, path: VPath) -> str | None:
        if path == self.mount:
            return ""
        if path.startswith(self.mount + "/"):
            return path[len(self.mount) + 1 :]
        return None

    def _lstat_exact(self, path: VPath) -> Stat | None:
        inner = self._inner(path)
        if inner is None:
            # The folders above the mount point exist, so that the walk can reach it.
            return Stat(Kind.DIR) if self.mount == path or self.mount.startswith(path.rstrip("/") + "/") else None
        node = self._nodes.get(inner)
        if node is None:
            return None
        if "files" in node:
            return Stat(Kind.DIR)
        if "link" in node:
            return Stat(Kind.SYMLINK)
        return Stat(Kind.FILE, int(node.get("size", 0)))

    def _readlink_exact(self, path: VPath) -> str:
        inner = self._inner(path)
        node = self._nodes.get(inner or "", {}) if inner is not None else {}
        if "link" not in node:
            raise FileSystemError(f"not a symbolic link: {path}")
        target = f"{self.mount}/{node['link']}"
        return posixpath.relpath(target, posixpath.dirname(path))

    def is_unpacked(self, path: VPath) -> bool:
        inner = self._inner(self.realpath(path))
        return bool(inner is not None and self._nodes.get(inner, {}).get("unpacked"))

    def read_bytes(self, path: VPath) -> bytes:
        real = self.realpath(path)
        inner = self._inner(real)
        node = self._nodes.get(inner) if inner is not None else None
        if node is None or "files" in node or "link" in node:
            raise FileSystemError(f"not a file in {self.name}: {path}")
        if node.get("unpacked"):
            if self.unpacked is None or self.unpacked_root is None:
                raise FileSystemError(f"{path}: unpacked file, and no {self.name}.unpacked folder")
            return self.unpacked.read_bytes(f"{self.unpacked_root}/{inner}")
        start = self._data_start + int(node["offset"])
        return self._data[start : start + int(node["size"])]

    def listdir(self, path: VPath) -> Sequence[str]:
        real = self.realpath(path)
        inner = self._inner(real)
        if inner is None:
            if self.mount.startswith(real.rstrip("/") + "/"):
                return [self.mount[len(real.rstrip("/")) + 1 :].split("/")[0]]
            raise FileSystemError(f"not in {self.name}: {path}")
        if inner not in self._children:
            raise FileSystemError(f"not a folder in {self.name}: {path}")
        return list(self._children[inner])
