"""Folders a code generator writes and the repository does not hold: the client ``prisma generate``
writes where a schema's generator sets ``output`` (lootlog's apps/api: ``output = "../generated/client"``,
imported as ``generated/client`` through tsconfig's ``baseUrl``). The folder is gitignored, so from
the files alone an import of it cannot be told missing: it exists once the generator has run."""

from __future__ import annotations

import posixpath
import re

from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, VPath
from nmdoctor.vfs.documents import read_json

__all__ = ["prisma_outputs"]

# a generator block and its output setting (the schema language's own syntax: `output = "path"`)
_GENERATOR = re.compile(rb"generator\s+\w+\s*\{([^}]*)\}")
_OUTPUT = re.compile(rb"""^\s*output\s*=\s*["']([^"'\n]+)["']""", re.MULTILINE)
_SCHEMA_FOLDERS = ("prisma", "prisma/schema", "")


def _schemas(fs: FileSystem, folder: VPath) -> list[VPath]:
    """The Prisma schema files of the package at ``folder``: package.json's ``prisma.schema`` (a file or
    a folder of them), else the default places (prisma/schema.prisma, schema.prisma, prisma/schema/)."""
    manifest = read_json(fs, f"{folder}/package.json")
    settings = manifest.get("prisma") if isinstance(manifest, dict) else None
    named = settings.get("schema") if isinstance(settings, dict) else None
    places = [posixpath.normpath(posixpath.join(folder, named))] if isinstance(named, str) else []
    places += [f"{folder}/{sub}" if sub else folder for sub in _SCHEMA_FOLDERS]
    found: list[VPath] = []
    for place in places:
        stat = fs.stat(place)
        if stat is not None and stat.kind is Kind.FILE and place.endswith(".prisma"):
            found.append(place)
            continue
        try:
            names = fs.listdir(place)
        except FileSystemError:
            continue
        found += [f"{place}/{name}" for name in sorted(names) if name.endswith(".prisma")]
    return list(dict.fromkeys(found))


def prisma_outputs(fs: FileSystem, folder: VPath) -> list[tuple[VPath, VPath]]:
    """(output folder, schema file) for each generator of the package's Prisma schemas that writes
    outside node_modules, as absolute paths."""
    outputs: list[tuple[VPath, VPath]] = []
    for schema in _schemas(fs, folder):
        try:
            text = fs.read_bytes(schema)
        except FileSystemError:
            continue
        for block in _GENERATOR.finditer(text):
            for output in _OUTPUT.finditer(block.group(1)):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(schema), output.group(1).decode()))
                if "/node_modules/" not in target + "/":
                    outputs.append((target, schema))
    return outputs
