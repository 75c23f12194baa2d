"""Compose files: each service's build, user, command and the mounts over its file system.

Files are read the way ``docker compose`` reads them: ``${VAR}``, ``${VAR:-default}``,
``${VAR-default}`` and ``$$`` are substituted from the project's ``.env`` (and the defaults), and
later files (``compose.override.yaml``, or each ``-f`` after the first) merge into earlier ones:
services by name, mappings key by key, ``volumes`` by container path, other values replaced.

A required variable (``${VAR:?message}``, ``${VAR?message}``) that ``.env`` does not give is no empty
string: compose stops unless the shell exports it, so its value is unknown. A service whose user,
mounts, build, image, working folder or start command holds one records it (``Service.unknown``), and
what depends on it is not guessed: a user that is not known to be root, a mount left out.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["ComposeError", "Mount", "Service", "Unknown", "load_services", "read_env_file"]

_VARIABLE = re.compile(
    r"\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))"
)


class ComposeError(ValueError):
    pass


_UNKNOWN = "\ue000"  # brackets the name of a required variable with no value: ``\ue000VAR\ue000``
_MARKED = re.compile(f"{_UNKNOWN}([A-Za-z_][A-Za-z0-9_]*){_UNKNOWN}")


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
    # build.dockerfile_inline: the Dockerfile's text, padded with empty lines so that its lines are the
    # compose file's (``dockerfile`` is then the compose file itself, where findings point)
    dockerfile_inline: str | None = None
    context: str = "."
    target: str | None = None  # build stage
    build_args: dict[str, str] = field(default_factory=dict)  # build.args with a value
    image: str | None = None
    user: str | None = None
    working_dir: str | None = None
    mounts: list[Mount] = field(default_factory=list)
    entrypoint: list[str] | None = None
    command: list[str] | None = None
    line: int = 0
    unknown: list[Unknown] = field(default_factory=list)  # required variables its analysed keys hold


@dataclass(frozen=True, slots=True)
class Unknown:
    """A required variable ``.env`` does not give, in a key of a service the analysis reads."""

    variable: str
    key: str  # user, volumes, build, image, working_dir, entrypoint, command
    message: str  # compose's error text (``${VAR:?message}``), or ""
    file: str
    line: int


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


def _substitute(value: str, env: dict[str, str], required: dict[str, str]) -> str:
    """``value`` with its variables substituted; a required one with no value becomes a marker of its
    name (and its message is noted in ``required``)."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group(1) or match.group(4)
        operator, word = match.group(2), match.group(3) or ""
        current = env.get(name)
        if operator == ":-":
            return current if current else _substitute(word, env, required)
        if operator == "-":
            return current if current is not None else _substitute(word, env, required)
        if operator == ":+":
            return _substitute(word, env, required) if current else ""
        if operator == "+":
            return _substitute(word, env, required) if current is not None else ""
        if operator in (":?", "?") and (not current if operator == ":?" else current is None):
            required.setdefault(name, word)
            return f"{_UNKNOWN}{name}{_UNKNOWN}"
        return current or ""

    return _VARIABLE.sub(replace, value)


def _substitute_all(data: Any, env: dict[str, str], required: dict[str, str]) -> Any:
    if isinstance(data, str):
        return _substitute(data, env, required)
    if isinstance(data, list):
        return [_substitute_all(item, env, required) for item in data]
    if isinstance(data, dict):
        return {key: _substitute_all(value, env, required) for key, value in data.items()}
    return data


def _marked(value: Any) -> list[str]:
    """The required variables with no value that ``value`` (a key's data) holds."""
    if isinstance(value, str):
        return _MARKED.findall(value)
    if isinstance(value, list):
        return [name for item in value for name in _marked(item)]
    if isinstance(value, dict):
        return [name for item in value.values() for name in _marked(item)]
    return []


def _shown(value: str) -> str:
    """A value with each unknown variable written back as ``${VAR}``."""
    return _MARKED.sub(r"${\1}", value)


def _line_of(text: str, needle: str, start: int = 0) -> int:
    index = text.find(needle, start)
    return text.count("\n", 0, index) + 1 if index >= 0 else 0


def _inline_dockerfile(text: str, inline: str, start: int) -> str:
    """``build.dockerfile_inline`` (compose builds the string as the Dockerfile), preceded by as many
    empty lines as come before it in the compose file: a block scalar (``|``) starts on the line after
    the key, a plain or quoted string on the key's own line."""
    key = re.compile(r"^[ \t]*dockerfile_inline:[ \t]*(\S?)", re.MULTILINE).search(text, start)
    if key is None:
        return inline
    line = text.count("\n", 0, key.start()) + 1
    before = line if key.group(1) in ("|", ">") else line - 1
    return "\n" * before + inline


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


def _build_args(entry: Any) -> dict[str, str]:
    """A service's ``build.args`` (a mapping, or a list of ``NAME=value``): those with a value. A bare
    ``NAME`` (or ``NAME: null``) takes the shell's value, unknown here, and is left out."""
    items: list[tuple[str, Any]] = []
    if isinstance(entry, dict):
        items = [(str(name), value) for name, value in entry.items()]
    elif isinstance(entry, list):
        items = [(name, value) for name, _, value in (str(item).partition("=") for item in entry if "=" in str(item))]
    return {name: _shown(str(value)) for name, value in items if value is not None and not _marked(value)}


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
    """The mount a ``volumes`` entry makes; ``None`` when a required variable with no value leaves its
    container path unknown, or whether it is a bind or a named volume (a bare ``${SRC:?}`` source: a path
    makes a bind, a name a volume)."""
    if isinstance(entry, str):
        parts = entry.split(":")
        if len(parts) >= 2 and (_UNKNOWN in parts[1] or (_UNKNOWN in parts[0] and not _MARKED.sub("", parts[0]))):
            return None
        pathed = parts[0].startswith(_UNKNOWN) and "/" in _MARKED.sub("", parts[0])  # `${SRC:?}/web`: a path
        parts = [_shown(part) for part in parts]
        entry = ":".join(parts)
        line = _line_of(text, entry, service_at) or _line_of(text, entry)
        if not line and len(parts) >= 2:  # substituted from ${VAR}: find the container path
            line = _line_of(text, f":{parts[1]}", service_at) or _line_of(text, f":{parts[1]}")
        if len(parts) == 1:
            return Mount("anonymous", None, parts[0].rstrip("/") or "/", line, file)
        source, target = parts[0], parts[1].rstrip("/") or "/"
        options = parts[2].split(",") if len(parts) > 2 else []
        kind = "bind" if source.startswith((".", "/", "~")) or not source or pathed else "volume"
        return Mount(kind, source, target, line, file, "nocopy" in options)
    if isinstance(entry, dict):
        if _marked(entry.get("target")):
            return None
        target = str(entry.get("target", "")).rstrip("/") or "/"
        kind = str(entry.get("type", "volume"))
        source = _shown(str(entry["source"])) if entry.get("source") else None
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
    A base in another file (``file:``) is merged in before (``_external_bases``)."""
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


def _rebased(path: str, prefix: str) -> str:
    """``path``, relative to a base file's folder, as seen from the extending file's folder (``prefix``
    leads from the latter to the former); absolute paths, home paths and URLs stay as they are."""
    if path.startswith(("/", "~")) or "://" in path or path.startswith("git@"):
        return path
    return posixpath.normpath(posixpath.join(prefix, path))


def _base_spec(
    reference: dict[str, Any],
    extending: str,
    env: dict[str, str],
    read: Callable[[str], str | None],
    required: dict[str, str],
) -> tuple[str, str, dict[str, Any]] | None:
    """The service ``extends: {file: ..., service: ...}`` names in another file: (that file's path from
    the project folder, its text, the service's configuration with its own same-file ``extends`` applied)."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(extending), str(reference["file"])))
    text = read(path)
    if text is None:
        return None
    try:
        data = load_yaml(text)
    except YAMLError:
        return None
    services = _substitute_all(data, env, required).get("services") if isinstance(data, dict) else None
    name = str(reference.get("service", ""))
    if not isinstance(services, dict) or not isinstance(services.get(name), dict):
        return None
    spec = _extended(name, {str(key): value for key, value in services.items() if isinstance(value, dict)}, ())
    return path, text, spec


def _external_bases(
    merged: dict[str, dict[str, Any]],
    first_file: dict[str, str],
    env: dict[str, str],
    read: Callable[[str], str | None],
    required: dict[str, str],
) -> dict[int, tuple[str, str, str, str]]:
    """Merge into each service the base it ``extends`` from another file, as compose does: the base's
    relative paths (build context, bind sources) stay relative to the base's file. Returns, per volume
    entry taken from a base (by id), that file, its text, the base service's name and the prefix
    leading to the file's folder."""
    origins: dict[int, tuple[str, str, str, str]] = {}
    for name, spec in list(merged.items()):
        reference = spec.get("extends")
        if not isinstance(reference, dict) or not reference.get("file"):
            continue
        found = _base_spec(reference, first_file[name], env, read, required)
        if found is None:
            continue
        path, text, base = found
        prefix = posixpath.relpath(posixpath.dirname(path) or ".", posixpath.dirname(first_file[name]) or ".")
        base = {key: value for key, value in base.items() if key not in ("extends", "depends_on")}
        build = base.get("build")
        if isinstance(build, str):
            base["build"] = _rebased(build, prefix)
        elif isinstance(build, dict):
            base["build"] = {**build, "context": _rebased(str(build.get("context", ".")), prefix)}
        for entry in base.get("volumes") or ():
            origins[id(entry)] = (path, text, str(reference.get("service", "")), prefix)
        own = {key: value for key, value in spec.items() if key != "extends"}
        merged[name] = _merge_service(base, own)
    return origins


def load_services(
    files: list[tuple[str, str]], env: dict[str, str], read: Callable[[str], str | None] | None = None
) -> list[Service]:
    """The services of ``files`` ((path relative to the project folder, text), merged in order);
    ``read`` gives the text of another file of the project (for ``extends: {file: ...}``)."""
    merged: dict[str, dict[str, Any]] = {}
    first_file: dict[str, str] = {}
    required: dict[str, str] = {}  # required variables with no value -> compose's message
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
        data = _substitute_all(data, env, required)
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
    origins = _external_bases(merged, first_file, env, read, required) if read is not None else {}
    merged = {name: _extended(name, merged, ()) for name in merged}
    texts = dict(files)
    found: list[Service] = []
    for name, spec in merged.items():
        file = first_file[name]
        at = _service_at(texts[file], name)
        service = Service(name, file, line=_line_of(texts[file], f"{name}:", max(at, 0)))
        service.unknown = _unknown_keys(spec, required, texts, file, at)
        image = spec.get("image")
        service.image = _shown(str(image)) if image is not None else None
        build = spec.get("build")
        if isinstance(build, str):
            service.context = _shown(build)
            service.dockerfile = posixpath.join(service.context, "Dockerfile")
        elif isinstance(build, dict):
            service.context = _shown(str(build.get("context", ".")))
            service.dockerfile = posixpath.join(service.context, _shown(str(build.get("dockerfile", "Dockerfile"))))
            inline = build.get("dockerfile_inline")
            if isinstance(inline, str):
                service.dockerfile = posixpath.basename(file)
                service.dockerfile_inline = _inline_dockerfile(texts[file], inline, max(at, 0))
            target = build.get("target")
            service.target = _shown(str(target)) if target is not None else None
            service.build_args = _build_args(build.get("args"))
        service.user = _shown(str(spec["user"])) if spec.get("user") is not None else None
        working_dir = spec.get("working_dir")
        service.working_dir = str(working_dir) if working_dir and not _marked(working_dir) else None
        for entry in spec.get("volumes") or ():
            origin, text = declared.get(id(entry), (file, texts[file]))
            base = origins.get(id(entry))
            origin, text, declarer = (base[0], base[1], base[2]) if base is not None else (origin, text, name)
            mount = _mount(entry, origin, text, max(_service_at(text, declarer), 0))
            if mount is not None and base is not None and mount.kind == "bind" and mount.source:
                mount = dataclasses.replace(mount, source=_rebased(mount.source, base[3]))
            if mount is not None:
                service.mounts.append(mount)
        entrypoint, command = _words(spec.get("entrypoint")), _words(spec.get("command"))
        service.entrypoint = [_shown(word) for word in entrypoint] if entrypoint is not None else None
        service.command = [_shown(word) for word in command] if command is not None else None
        found.append(service)
    return found


_READ_KEYS = ("user", "volumes", "build", "image", "working_dir", "entrypoint", "command")


def _unknown_keys(
    spec: dict[str, Any], required: dict[str, str], texts: dict[str, str], file: str, at: int
) -> list[Unknown]:
    """The required variables with no value in the keys of a service nmdoctor reads, each where it is
    written (the service's file first, from the service's key on)."""
    unknown: list[Unknown] = []
    for key in _READ_KEYS:
        for variable in dict.fromkeys(_marked(spec.get(key))):
            where, line = file, _line_of(texts[file], "${" + variable, max(at, 0))
            if not line:
                where, line = next(
                    (
                        (path, _line_of(text, "${" + variable))
                        for path, text in texts.items()
                        if "${" + variable in text
                    ),
                    (file, 0),
                )
            unknown.append(Unknown(variable, key, required.get(variable, ""), where, line))
    return unknown
