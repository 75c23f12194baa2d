"""Compose files: each service's build stage and the mounts over its file system."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["ComposeError", "Mount", "Service", "parse_compose"]


class ComposeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Mount:
    kind: str  # "bind", "volume" (named), "anonymous"
    source: str | None
    target: str
    line: int


@dataclass(slots=True)
class Service:
    name: str
    dockerfile: str | None = None  # relative to the compose file's folder
    context: str = "."
    target: str | None = None  # build stage
    image: str | None = None
    mounts: list[Mount] = field(default_factory=list)
    entrypoint: list[str] | None = None
    line: int = 0


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _mount(entry: Any, text: str) -> Mount | None:
    if isinstance(entry, str):
        parts = entry.split(":")
        if len(parts) == 1:
            return Mount("anonymous", None, parts[0], _line_of(text, entry))
        source, target = parts[0], parts[1]
        kind = "bind" if source.startswith((".", "/", "~", "$")) else "volume"
        return Mount(kind, source, target, _line_of(text, entry))
    if isinstance(entry, dict):
        target = str(entry.get("target", ""))
        kind = str(entry.get("type", "volume"))
        source = entry.get("source")
        if kind == "volume" and not source:
            kind = "anonymous"
        return Mount(kind, str(source) if source else None, target, _line_of(text, f"target: {target}"))
    return None


def parse_compose(text: str, where: str) -> list[Service]:
    try:
        data = load_yaml(text)
    except YAMLError as error:
        raise ComposeError(f"{where}: not valid YAML ({str(error).splitlines()[0]})") from None
    services = data.get("services") if isinstance(data, dict) else None
    if not isinstance(services, dict):
        return []
    found = []
    for name, spec in services.items():
        if not isinstance(spec, dict):
            continue
        service = Service(str(name), image=spec.get("image"), line=_line_of(text, f"{name}:"))
        build = spec.get("build")
        if isinstance(build, str):
            service.context = build
            service.dockerfile = posixpath.join(build, "Dockerfile")
        elif isinstance(build, dict):
            service.context = str(build.get("context", "."))
            service.dockerfile = posixpath.join(service.context, str(build.get("dockerfile", "Dockerfile")))
            service.target = build.get("target")
        for entry in spec.get("volumes") or ():
            mount = _mount(entry, text)
            if mount is not None:
                service.mounts.append(mount)
        entrypoint = spec.get("entrypoint")
        if isinstance(entrypoint, str):
            service.entrypoint = entrypoint.split()
        elif isinstance(entrypoint, list):
            service.entrypoint = [str(item) for item in entrypoint]
        found.append(service)
    return found
