"""A file a Dockerfile copies into an image and installs packages beside by name: posthog-js's
compliance/node/Dockerfile copies compliance/node/adapter.js to /app/adapter and runs
`npm init -y && npm install express` there, then `node adapter.js`. In the image, node finds
express from the file; the project's own install never gives it. Whether the file runs anywhere
else is not in the files."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from nmdoctor.vfs.base import FileSystem

if TYPE_CHECKING:
    from nmdoctor.docker.dockerfile import Stage

__all__ = ["DockerInstalls"]


def _package_name(spec: str) -> str:
    """`express@4` -> express, `@scope/name@^1` -> @scope/name."""
    if spec.startswith("@"):
        scope, _, rest = spec.partition("/")
        return f"{scope}/{rest.split('@', 1)[0]}"
    return spec.split("@", 1)[0]


class DockerInstalls:
    """The names the Dockerfiles of a project install beside the files they copy, read once per
    folder when asked."""

    def __init__(self, fs: FileSystem, project: str) -> None:
        self.fs = fs
        self.project = project
        self._stages: dict[str, list[tuple[str, list[Stage]]]] = {}

    def _dockerfiles(self, folder: str) -> list[tuple[str, list[Stage]]]:
        if folder not in self._stages:
            # the Dockerfile reader loads only when a question reaches a file (most runs never ask)
            from nmdoctor.docker.dockerfile import parse_dockerfile
            from nmdoctor.docker.project import dockerfile_names, read_text

            found: list[tuple[str, list[Stage]]] = []
            for name in sorted(dockerfile_names(self.fs, folder)):
                text = read_text(self.fs, f"{folder}/{name}")
                if text is not None:
                    found.append((f"{folder}/{name}", parse_dockerfile(text)))
            self._stages[folder] = found
        return self._stages[folder]

    def installing(self, file: str, name: str) -> tuple[str, int] | None:
        """(the Dockerfile, the line of its install) when a Dockerfile in the folder of ``file`` or
        above it, up to the project, copies ``file`` into an image and installs ``name`` by name
        (`npm install NAME`, `yarn add NAME`, ...) in the folder it copies it to, or above it;
        None otherwise."""
        folder = posixpath.dirname(file)
        while True:
            for dockerfile, stages in self._dockerfiles(folder):
                for stage in stages:
                    for copy in stage.copies:
                        if copy.from_stage is not None:
                            continue
                        for source in copy.sources:
                            inner = posixpath.normpath(source).lstrip("/")
                            if inner in (".", "") or not (file == f"{folder}/{inner}" or file.endswith("/" + inner)):
                                continue
                            if len(copy.sources) == 1 and posixpath.basename(copy.destination) == posixpath.basename(
                                file
                            ):
                                target = posixpath.dirname(copy.destination)
                            else:
                                target = copy.destination
                            for item in (install for chained in stage.chain() for install in chained.installs):
                                if item.command.kind != "add":
                                    continue
                                where = item.command.prefix or item.workdir
                                if not (target + "/").startswith(where.rstrip("/") + "/"):
                                    continue
                                if name in {_package_name(spec) for spec in item.command.names}:
                                    return dockerfile, item.line
            if folder == self.project or not folder.startswith(self.project + "/"):
                return None
            folder = posixpath.dirname(folder)
