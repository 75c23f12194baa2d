"""Which container files a folder holds, and reading them (Dockerfiles, compose files, contexts)."""

from __future__ import annotations

import json
import posixpath
import re

from nmdoctor.docker.dockerignore import excluded, read_patterns
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = [
    "compose_files",
    "context_ignores",
    "dockerfile_names",
    "is_workspace",
    "read_text",
    "standalone_context",
]

_DOCKERFILE = re.compile(
    r"^(?:[Dd]ockerfile|Containerfile)(?:[._-].+)?$|^.+\.(?:[Dd]ockerfile|Containerfile)$", re.IGNORECASE
)
COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")


def read_text(fs: FileSystem, path: str) -> str | None:
    try:
        stat = fs.stat(path)
        if stat is None or stat.kind is not Kind.FILE:
            return None
        return fs.read_bytes(path).decode("utf-8", "replace")
    except FileSystemError:
        return None


def _names(fs: FileSystem, folder: str) -> list[str]:
    try:
        return sorted(fs.listdir(folder))
    except FileSystemError:
        return []


def dockerfile_names(fs: FileSystem, folder: str) -> list[str]:
    """Dockerfile, dockerfile, Dockerfile.*, Dockerfile_*, *.Dockerfile, *.dockerfile, Containerfile."""
    return [
        name
        for name in _names(fs, folder)
        if _DOCKERFILE.match(name)
        and not name.endswith(".dockerignore")
        and read_text(fs, f"{folder}/{name}") is not None
    ]


def compose_files(fs: FileSystem, folder: str) -> list[str]:
    """The files ``docker compose`` reads in ``folder`` without -f: the first standard name and its override."""
    for name in COMPOSE_NAMES:
        if read_text(fs, f"{folder}/{name}") is not None:
            stem = name.rsplit(".", 1)[0]
            overrides = [f"{stem}.override.yaml", f"{stem}.override.yml"]
            if stem == "compose":
                overrides += ["docker-compose.override.yaml", "docker-compose.override.yml"]
            override = next((item for item in overrides if read_text(fs, f"{folder}/{item}") is not None), None)
            return [name] + ([override] if override else [])
    return []


def standalone_context(fs: FileSystem, dockerfile: str) -> str:
    """Build context of a Dockerfile no compose file names: its folder, or the nearest folder above
    (at most two up) holding the package.json its folder lacks, as in ``docker build -f docker/Dockerfile .``."""
    folder = posixpath.dirname(dockerfile)
    if read_text(fs, f"{folder}/package.json") is not None or read_text(fs, f"{folder}/.dockerignore") is not None:
        return folder
    candidate = folder
    for _ in range(2):
        candidate = posixpath.dirname(candidate)
        if read_text(fs, f"{candidate}/package.json") is not None:
            return candidate
    return folder


def is_workspace(fs: FileSystem, context: str) -> bool:
    if read_text(fs, f"{context}/pnpm-workspace.yaml") is not None:
        return True
    text = read_text(fs, f"{context}/package.json")
    try:
        manifest = json.loads(text) if text else None
    except ValueError:
        return False
    return isinstance(manifest, dict) and bool(manifest.get("workspaces"))


def context_ignores(fs: FileSystem, context: str, dockerfile: str, path: str) -> bool | None:
    """Is ``path`` left out of ``context``? None when there is no ignore file. A
    ``<Dockerfile>.dockerignore`` beside the Dockerfile wins over the context's .dockerignore."""
    text = read_text(fs, f"{dockerfile}.dockerignore")
    if text is None:
        text = read_text(fs, f"{context}/.dockerignore")
    if text is None:
        return None
    return excluded(read_patterns(text), path)
