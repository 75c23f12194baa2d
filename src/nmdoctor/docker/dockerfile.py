"""A Dockerfile as stages of facts that matter to node_modules (parsed with dockerfile-parse)."""

from __future__ import annotations

import fnmatch
import io
import json
import posixpath
import re
import shlex
from dataclasses import dataclass, field

from dockerfile_parse import DockerfileParser

__all__ = ["Copy", "Install", "Stage", "parse_dockerfile"]

_INSTALL = re.compile(
    r"\b(?:npm\s+(?:ci|install|i)\b|pnpm\s+(?:install|i)\b|yarn(?:\s+install)?(?:\s|$)|bun\s+install)"
)
_LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb")


@dataclass(frozen=True, slots=True)
class Copy:
    sources: tuple[str, ...]
    destination: str  # absolute, after WORKDIR
    from_stage: str | None
    chown: str | None
    line: int

    @property
    def whole_context(self) -> bool:
        return self.from_stage is None and any(source in (".", "./", "*") for source in self.sources)

    @property
    def copies_lockfile(self) -> bool:
        return self.whole_context or any(
            fnmatch.fnmatchcase(lockfile, posixpath.basename(source))
            for source in self.sources
            for lockfile in _LOCKFILES
        )


@dataclass(frozen=True, slots=True)
class Install:
    command: str
    line: int
    workdir: str
    frozen: bool  # npm ci, --frozen-lockfile, --immutable
    after_lockfile: bool  # a lockfile was copied into the stage before it


@dataclass(slots=True)
class Stage:
    index: int
    name: str | None
    base: str
    line: int
    workdir: str = "/"
    user: str | None = None
    user_line: int | None = None
    copies: list[Copy] = field(default_factory=list)
    installs: list[Install] = field(default_factory=list)
    mkdirs: list[str] = field(default_factory=list)
    entrypoint: list[str] | None = None
    entrypoint_line: int | None = None
    cmd: list[str] | None = None

    def node_modules_sources(self) -> list[Copy]:
        return [
            copy for copy in self.copies if any(source.rstrip("/").endswith("node_modules") for source in copy.sources)
        ]


def _words(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [str(item) for item in parsed]
    try:
        return shlex.split(value)
    except ValueError:
        return value.split()


def _absolute(workdir: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(workdir, path)) if path else workdir


def parse_dockerfile(text: str) -> list[Stage]:
    parser = DockerfileParser(fileobj=io.BytesIO(text.encode()))
    stages: list[Stage] = []
    lockfile_seen = False
    for item in parser.structure:
        instruction = item["instruction"].upper()
        value = item["value"]
        line = item["startline"] + 1
        if instruction == "FROM":
            parts = value.split()
            name = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else None
            stages.append(Stage(len(stages), name, parts[0] if parts else "", line))
            lockfile_seen = False
            continue
        if not stages:
            continue
        stage = stages[-1]
        if instruction == "WORKDIR":
            stage.workdir = _absolute(stage.workdir, value.strip())
        elif instruction == "USER":
            stage.user, stage.user_line = value.strip(), line
        elif instruction in ("COPY", "ADD"):
            words = _words(value)
            options = {
                word.split("=", 1)[0]: word.split("=", 1)[1] if "=" in word else ""
                for word in words
                if word.startswith("--")
            }
            paths = [word for word in words if not word.startswith("--")]
            if len(paths) >= 2:
                copy = Copy(
                    tuple(paths[:-1]),
                    _absolute(stage.workdir, paths[-1]),
                    options.get("--from"),
                    options.get("--chown"),
                    line,
                )
                stage.copies.append(copy)
                lockfile_seen = lockfile_seen or copy.copies_lockfile
        elif instruction == "RUN":
            for match in _INSTALL.finditer(value):
                command = value[match.start() :].split("&&", 1)[0].strip()
                frozen = bool(re.search(r"npm\s+ci\b|--frozen-lockfile|--immutable|--ci\b", command))
                stage.installs.append(Install(command, line, stage.workdir, frozen, lockfile_seen))
            for target in re.findall(r"mkdir\s+(?:-p\s+)?(\S+)", value):
                stage.mkdirs.append(_absolute(stage.workdir, target))
        elif instruction == "ENTRYPOINT":
            stage.entrypoint, stage.entrypoint_line = _words(value), line
        elif instruction == "CMD":
            stage.cmd = _words(value)
    return stages
