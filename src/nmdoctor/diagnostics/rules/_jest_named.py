"""Is a file one a jest config names (``setupFilesAfterEnv: ['<rootDir>/jest.setup.js']``)? jest
then loads it, and jest-resolve adds NODE_PATH's folders to where it looks.

The configs are those jest finds by name (``jest.config.*``, package.json's ``"jest"``) and those
a script hands it (``jest --config ./jest-e2e.json``, ``-c``): golevelup/nestjs's jest.setup.js,
named only by jest-e2e.json, which ``pnpm test:integration`` passes to jest."""

from __future__ import annotations

import posixpath
import re

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.project.resolution.jest import CONFIG_NAMES
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["named_by_jest_config"]

_JEST_RUN = re.compile(r"(?<![\w@/.-])jest(?![\w-])")
# the config file a jest command line names; an inline JSON config (`--config '{...}'`) is not a file
_CONFIG_OPTION = re.compile(r"""(?:--config|(?<![\w-])-c)(?:=|\s+)(['"]?)([^\s'"&|;{]+)\1""")


def _script_configs(instance: Instance | None, folder: str) -> list[str]:
    """The jest configs the scripts of ``instance`` pass to jest, relative to ``folder``."""
    raw = instance.manifest.raw if instance is not None else None
    scripts = raw.get("scripts") if isinstance(raw, dict) else None
    found: list[str] = []
    for command in scripts.values() if isinstance(scripts, dict) else ():
        if not isinstance(command, str):
            continue
        for part in re.split(r"&&|\|\||[;|]", command):
            run = _JEST_RUN.search(part)
            if run is None:
                continue
            for match in _CONFIG_OPTION.finditer(part, run.end()):
                name = posixpath.normpath(match.group(2))
                if not name.startswith("../") and name not in found:
                    found.append(name)
    return found


def named_by_jest_config(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """A file a jest config of the package or the project names."""
    project = next((item for item in graph.instances if item.is_project), None)
    places = [(owner.path, owner)] + ([] if owner.path == graph.project else [(graph.project, project)])
    for folder, instance in places:
        if not file.startswith(folder + "/"):
            continue
        stem = posixpath.splitext(file[len(folder) + 1 :])[0].encode()
        named = re.compile(rb"(?:<rootDir>/|\./|['\"`])" + re.escape(stem) + rb"(?:\.[cm]?[jt]sx?)?['\"`]")
        for name in (*CONFIG_NAMES, "package.json", *_script_configs(instance, folder)):
            try:
                text = fs.read_bytes(f"{folder}/{name}")
            except FileSystemError:
                continue
            if (name != "package.json" or b'"jest"' in text) and named.search(text):
                return True
    return False
