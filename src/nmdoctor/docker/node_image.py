"""The node a container runs: the ``FROM node:TAG`` of the stage ``docker build`` ships.

``docker`` judges a project as that node unless ``--node-version`` says otherwise. The official
image's tags name a line (``node:22``, ``node:22-alpine``), a release (``node:24.1.0-slim``,
``node:22.12``), a code name (``node:jod``) or an alias (``node:lts``, ``node:current``,
``node:latest``, no tag). A line stands for its newest release nmdoctor knows; ``X.Y`` for
``X.Y.0``; ``lts`` for the newest LTS line (26), ``current``/``latest`` for the newest line.
A tag left as ``${ARG}`` without a default, or another image, names no version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nmdoctor.docker.dockerfile import Stage, parse_dockerfile
from nmdoctor.docker.project import dockerfile_names, read_text
from nmdoctor.resolve.node.versions import LATEST, NodeVersion, parse_node_version
from nmdoctor.vfs.base import FileSystem

__all__ = ["ImageNode", "image_libc", "image_major", "node_of_image", "runtime_node"]

# The official image's code-name tags (node:iron, node:jod-alpine, ...).
_CODENAMES = {"hydrogen": 18, "iron": 20, "jod": 22, "krypton": 24}
_NEWEST_LTS = 26
_IMAGE = re.compile(
    r"^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)/)?(?:library/)?node(?::([^@]+))?(?:@.*)?$"
)
_NUMBER = re.compile(r"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$")
# Google's distroless node images: the major in the name (nodejs20-debian12) or, for the older
# single repository, in the tag (gcr.io/distroless/nodejs:18)
# The official image's Debian variants (``node:22``, ``node:22-slim``, ``node:20-bookworm-slim``): glibc
_DEBIAN_VARIANT = re.compile(r"^(?:(?:jessie|stretch|buster|bullseye|bookworm|trixie)(?:-slim)?|slim)?$")
_DISTROLESS = re.compile(r"^gcr\.io/distroless/nodejs(?:(\d+)(?:-[\w.]+)?(?::[\w.-]+)?|:(\d+)(?:-[\w.-]+)?)(?:@.*)?$")


@dataclass(frozen=True, slots=True)
class ImageNode:
    """The node of a Dockerfile's shipped stage, and where it is written."""

    version: NodeVersion
    source: str  # "Dockerfile:12 FROM node:22-alpine"


def node_of_image(image: str) -> NodeVersion | None:
    """The node version of an image reference (``node:22-alpine`` ...), None for another image."""
    match = _IMAGE.match(image.strip())
    if match is None:
        return None
    tag = (match.group(1) or "latest").lower()
    word = tag.split("-", 1)[0]
    number = _NUMBER.match(word)
    if number is not None:
        return parse_node_version(word)
    if word == "lts":
        return LATEST[_NEWEST_LTS]
    if word in ("current", "latest"):
        return LATEST[max(LATEST)]
    if word in _CODENAMES:
        return parse_node_version(str(_CODENAMES[word]))
    return None


def image_major(image: str) -> int | None:
    """The node major an image runs: the official node image's tag (``node:22-alpine``, ``node:lts``)
    or a distroless node image's (``gcr.io/distroless/nodejs20-debian12``); None when unknown."""
    version = node_of_image(image)
    if version is not None:
        return version.major
    match = _DISTROLESS.match(image.strip())
    if match is None or not (match.group(1) or match.group(2)):
        return None
    return int(match.group(1) or match.group(2))


def image_libc(image: str) -> str | None:
    """The C library a node image's addons must be built for: ``"musl"`` for the official image's
    Alpine tags, ``"glibc"`` for its Debian tags and for distroless (Debian) images; None when unknown
    (another image, a tag left as ``${ARG}``)."""
    text = image.strip()
    match = _IMAGE.match(text)
    if match is None:
        return "glibc" if _DISTROLESS.match(text) else None
    tag = (match.group(1) or "latest").lower()
    if "alpine" in tag:
        return "musl"
    if node_of_image(text) is None:
        return None
    variant = tag.split("-", 1)[1] if "-" in tag else ""
    return "glibc" if _DEBIAN_VARIANT.match(variant) else None


def _root(stage: Stage) -> Stage:
    return stage.chain()[-1]


def runtime_node(fs: FileSystem, folder: str) -> ImageNode | None:
    """The node of the last stage (the one ``docker build`` ships) of the folder's Dockerfile
    (``Dockerfile`` first, else the first of the others by name), None without a node image."""
    names = dockerfile_names(fs, folder)
    names.sort(key=lambda name: name != "Dockerfile")
    for name in names:
        text = read_text(fs, f"{folder}/{name}")
        if text is None:
            continue
        stages = parse_dockerfile(text, lambda _name: False, False, lambda _name: False, lambda _name: None)
        if not stages:
            continue
        root = _root(stages[-1])
        version = node_of_image(root.base)
        if version is not None:
            return ImageNode(version, f"{name}:{root.line} FROM {root.base}")
    return None
