"""Compose files: each service's build, user, command and the mounts over its file system.

Files are read the way ``docker compose`` reads them: ``${VAR}``, ``${VAR:-default}``,
``${VAR-default}`` and ``$$`` are substituted from the project's ``.env`` (and the defaults), and
later files (``compose.override.yaml``, or each ``-f`` after the first) merge into earlier ones:
services by name, mappings key by key, ``volumes`` by container path, other values replaced.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["ComposeError", "Mount", "Service", "load_services", "read_env_file"]

_VARIABLE = re.compile(
    r"\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))"
)


class ComposeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Mount:
    kind: str  # "bind", "volume" (named), "anonymous", "tmpfs"
    source: str | None
    target: str
    line: int
    file: str  # the compose file that declares it
    nocopy: bool = False


@dataclass(slots=True)
class Service:
    name: str
    file: str  # the compose file that declares the service first
    dockerfile: str | None = None  # relative to the compose file's folder
    context: str = "."
    target: str | None = None  # build stage
    image: str | None = None
    user: str | None = None
    working_dir: str | None = None
    mounts: list[Mount] = field(default_factory=list)
    entrypoint: list[str] | None = None
    command: list[str] | None = None
    line: int = 0


def read_env_file(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[name.strip()] = value
    return values


def _substitute(value: str, env: dict[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1) or match.group(4)
        operator, word = match.group(2), match.group(3) or ""
        current = env.get(name)
        if operator == ":-":
            return current if current else _substitute(word, env)
        if operator == "-":
            return current if current is not None else _substitute(word, env)
        if operator == ":+":
            return _substitute(word, env) if current else ""
        if operator == "+":
            return _substitute(word, env) if current is not None else ""
        return current or ""

    return _VARIABLE.sub(replace, value)


def _substitute_all(data: Any, env: dict[str, str]) -> Any:
    if isinstance(data, str):
        return _substitute(data, env)
    if isinstance(data, list):
        return [_substitute_all(item, env) for item in data]
    if isinstance(data, dict):
        return {key: _substitute_all(value, env) for key, value in data.items()}
    return data


def _line_of(text: str, needle: str, start: int = 0) -> int:
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _service_at(text: str, name: str) -> int:
    """Where the key of service ``name`` sits: the least indented ``name:`` inside the top-level
    ``services:`` block, not an earlier mention of it (``depends_on: {name: ...}``); -1 if absent."""
    top = re.search(r"^services:[ \t]*(?:#.*)?$", text, re.MULTILINE)
    begin = top.end() if top else 0
    after = re.compile(r"^[^\s#]", re.MULTILINE).search(text, begin)
    end = after.start() if after else len(text)
    key = re.compile(rf"^([ \t]+)[\"']?{re.escape(name)}[\"']?:[ \t]*(?:#.*)?$", re.MULTILINE)
    best: tuple[int, int] | None = None
    for match in key.finditer(text, begin, end):
        if best is None or len(match.group(1)) < best[0]:
            best = (len(match.group(1)), match.start() + len(match.group(1)))
    return best[1] if best else text.find(f"{name}:")


def _target(entry: Any) -> str | None:
    if isinstance(entry, str):
        parts = entry.split(":")
        if len(parts) >= 2 and len(parts[0]) == 1 and parts[1].startswith(("\\", "/")) and len(parts) > 2:
            parts = [parts[0] + ":" + parts[1], *parts[2:]]  # C:\path
        return (parts[1] if len(parts) >= 2 else parts[0]).rstrip("/") or "/"
    if isinstance(entry, dict):
        return str(entry.get("target", "")).rstrip("/") or "/"
    return None


def _merge_service(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if key == "volumes" and isinstance(value, list) and isinstance(base.get(key), list):
            targets = {_target(entry) for entry in value}
            merged[key] = [entry for entry in base[key] if _target(entry) not in targets] + value
        elif key == "build" and isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = {**base[key], **value}
        elif key == "build" and isinstance(value, dict) and isinstance(base.get(key), str):
            merged[key] = {"context": base[key], **value}
        else:
            merged[key] = value
    return merged


def _mount(entry: Any, file: str, text: str, service_at: int) -> Mount | None:
    if isinstance(entry, str):
        parts = entry.split(":")
        line = _line_of(text, entry, service_at) or _line_of(text, entry)
        if not line and len(parts) >= 2:  # substituted from ${VAR}: find the container path
            line = _line_of(text, f":{parts[1]}", service_at) or _line_of(text, f":{parts[1]}")
        if len(parts) == 1:
            return Mount("anonymous", None, parts[0].rstrip("/") or "/", line, file)
        source, target = parts[0], parts[1].rstrip("/") or "/"
        options = parts[2].split(",") if len(parts) > 2 else []
        kind = "bind" if source.startswith((".", "/", "~")) or not source else "volume"
        return Mount(kind, source, target, line, file, "nocopy" in options)
    if isinstance(entry, dict):
        target = str(entry.get("target", "")).rstrip("/") or "/"
        kind = str(entry.get("type", "volume"))
        source = entry.get("source")
        if kind == "volume" and not source:
            kind = "anonymous"
        volume = entry.get("volume")
        nocopy = bool(isinstance(volume, dict) and volume.get("nocopy"))
        line = _line_of(text, f"target: {entry.get('target', '')}", service_at) or _line_of(text, f"{target}")
        return Mount(kind, str(source) if source else None, target, line, file, nocopy)
    return None


def _words(value: Any) -> list[str] | None:
    if isinstance(value, str):
        try:
            return shlex.split(value)
        except ValueError:
            return value.split()
    if isinstance(value, list):
        return [str(item) for item in value]
    return None


def _extended(name: str, services: dict[str, dict[str, Any]], seen: tuple[str, ...]) -> dict[str, Any]:
    """A service with ``extends: {service: base}`` (or ``extends: base``) of the same project: the base's
    configuration with the service's own merged over it, as compose does (volumes by container path).
    A base in another file (``file:``) is not read: the service keeps only its own keys."""
    spec = services[name]
    reference = spec.get("extends")
    base = reference.get("service") if isinstance(reference, dict) else reference
    if not isinstance(base, str) or base not in services or base in seen or base == name:
        return spec
    if isinstance(reference, dict) and reference.get("file"):
        return spec
    inherited = _extended(base, services, (*seen, name))
    own = {key: value for key, value in spec.items() if key != "extends"}
    return _merge_service({key: value for key, value in inherited.items() if key != "depends_on"}, own)


def load_services(files: list[tuple[str, str]], env: dict[str, str]) -> list[Service]:
    """The services of ``files`` ((path relative to the project folder, text), merged in order)."""
    merged: dict[str, dict[str, Any]] = {}
    first_file: dict[str, str] = {}
    declared: dict[int, tuple[str, str]] = {}  # id(volume entry) -> (file, text)
    alive: list[Any] = []  # keeps the entries whose ids ``declared`` holds
    for path, text in files:
        try:
            data = load_yaml(text)
        except YAMLError as error:
            raise ComposeError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
        if data is None:
            continue
        if not isinstance(data, dict):
            raise ComposeError(f"{path}: not a compose file (the top level is not a mapping)")
        data = _substitute_all(data, env)
        services = data.get("services")
        if services is None:
            continue
        if not isinstance(services, dict):
            raise ComposeError(f"{path}: `services` is not a mapping")
        for name, spec in services.items():
            if not isinstance(spec, dict):
                spec = {}
            for entry in spec.get("volumes") or ():
                declared[id(entry)] = (path, text)
                alive.append(entry)
            name = str(name)
            if name in merged:
                merged[name] = _merge_service(merged[name], spec)
            else:
                merged[name], first_file[name] = dict(spec), path
    merged = {name: _extended(name, merged, ()) for name in merged}
    texts = dict(files)
    found: list[Service] = []
    for name, spec in merged.items():
        file = first_file[name]
        at = _service_at(texts[file], name)
        service = Service(name, file, image=spec.get("image"), line=_line_of(texts[file], f"{name}:", max(at, 0)))
        build = spec.get("build")
        if isinstance(build, str):
            service.context = build
            service.dockerfile = posixpath.join(build, "Dockerfile")
        elif isinstance(build, dict):
            service.context = str(build.get("context", "."))
            service.dockerfile = posixpath.join(service.context, str(build.get("dockerfile", "Dockerfile")))
            target = build.get("target")
            service.target = str(target) if target is not None else None
        service.user = str(spec["user"]) if spec.get("user") is not None else None
        service.working_dir = str(spec["working_dir"]) if spec.get("working_dir") else None
        for entry in spec.get("volumes") or ():
            origin, text = declared.get(id(entry), (file, texts[file]))
            mount = _mount(entry, origin, text, max(_service_at(text, name), 0))
            if mount is not None:
                service.mounts.append(mount)
        service.entrypoint = _words(spec.get("entrypoint"))
        service.command = _words(spec.get("command"))
        found.append(service)
    return found
