"""Archives built in memory for the unit tests.

``build_asar`` writes the layout @electron/asar 3.4.1 writes (docs/reference/packaging.md §1, checked
against the real packer in tests/differential/test_asar_real.py): size pickle, header pickle with
the JSON padded to 4 bytes, contents in header order, string offsets, SHA256 integrity with 4 MiB
blocks and the trailing empty block.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import tarfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BLOCK = 4 * 1024 * 1024


@dataclass(frozen=True)
class Link:
    target: str  # relative to the archive root, as the header stores it


@dataclass(frozen=True)
class Unpacked:
    content: bytes


def integrity(content: bytes, block: int = BLOCK) -> dict[str, Any]:
    blocks = [hashlib.sha256(content[i : i + block]).hexdigest() for i in range(0, len(content), block)]
    if len(content) % block == 0:
        blocks.append(hashlib.sha256(b"").hexdigest())
    return {"algorithm": "SHA256", "hash": hashlib.sha256(content).hexdigest(), "blockSize": block, "blocks": blocks}


def pickle_header(header: object, *, raw: bytes | None = None) -> bytes:
    text = raw if raw is not None else json.dumps(header).encode()
    padded = text + b"\0" * (-len(text) % 4)
    header_size = len(padded) + 8
    return struct.pack("<4I", 4, header_size, header_size - 4, len(text)) + padded


def build_asar(entries: Mapping[str, object]) -> bytes:
    """An asar of ``{path: content}``; a dict is a folder's own header fields (``{"unpacked": True}``)."""
    root: dict[str, Any] = {"files": {}}
    data = bytearray()
    for path, content in entries.items():
        node = root
        *folders, name = path.split("/")
        for folder in folders:
            node = node["files"].setdefault(folder, {"files": {}})
        if isinstance(content, dict):
            node["files"].setdefault(name, {"files": {}}).update(content)
        elif isinstance(content, Link):
            node["files"][name] = {"link": content.target}
        elif isinstance(content, Unpacked):
            node["files"][name] = {
                "size": len(content.content),
                "unpacked": True,
                "integrity": integrity(content.content),
            }
        else:
            assert isinstance(content, str | bytes), path
            raw = content.encode() if isinstance(content, str) else content
            node["files"][name] = {"size": len(raw), "offset": str(len(data)), "integrity": integrity(raw)}
            data += raw
    return pickle_header(root) + bytes(data)


def zip_bytes(members: Mapping[str, bytes | str], links: Mapping[str, str] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        for name, target in (links or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (0o120777 << 16) & 0xFFFF0000
            archive.writestr(info, target)
    return buffer.getvalue()


def tar_bytes(
    members: Mapping[str, bytes | str],
    links: Mapping[str, str] | None = None,
    hardlinks: Mapping[str, str] | None = None,
    mode: str = "w:gz",
) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            raw = data.encode() if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
        for name, target in (hardlinks or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.LNKTYPE
            info.linkname = target
            archive.addfile(info)
    return buffer.getvalue()


def manifest(name: str, version: str, **fields: Any) -> str:
    return json.dumps({"name": name, "version": version, **fields})


def seed_tree(*, flattened: bool = False, nested_dropped: bool = False) -> dict[str, str]:
    """Seed 004's shape: the app uses react-dom 18, its dependency ui-kit needs react-dom 17 (nested).

    ``flattened``: the nested 17 was written over the top-level 18 (what electron-builder did);
    ``nested_dropped``: the nested copy was left out and the top-level 18 kept.
    """
    tree = {
        "package.json": manifest(
            "app",
            "1.0.0",
            main="main.js",
            dependencies={"ui-kit": "1.0.0", "react-dom": "^18.0.0"},
            devDependencies={"electron": "30.0.0", "jest": "^29.0.0"},
        ),
        "main.js": "const { app } = require('electron');\nrequire('ui-kit');\nrequire('./lib/window');\n",
        "lib/window.js": "module.exports = require('react-dom');\n",
        "node_modules/ui-kit/package.json": manifest("ui-kit", "1.0.0", dependencies={"react-dom": "^17.0.0"}),
        "node_modules/ui-kit/index.js": "require('react-dom');\n",
        "node_modules/ui-kit/node_modules/react-dom/package.json": manifest("react-dom", "17.0.2"),
        "node_modules/ui-kit/node_modules/react-dom/index.js": "module.exports = 17;\n",
        "node_modules/react-dom/package.json": manifest("react-dom", "18.3.1"),
        "node_modules/react-dom/index.js": "module.exports = 18;\n",
    }
    if flattened:
        for name in ("package.json", "index.js"):
            tree[f"node_modules/react-dom/{name}"] = tree.pop(f"node_modules/ui-kit/node_modules/react-dom/{name}")
    if nested_dropped:
        for name in ("package.json", "index.js"):
            del tree[f"node_modules/ui-kit/node_modules/react-dom/{name}"]
    return tree
