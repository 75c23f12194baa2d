"""The compose stack a Dev Container configuration starts, for a folder with no Dockerfile or compose file.

``.devcontainer/devcontainer.json`` (or ``.devcontainer.json``) names compose files in
``dockerComposeFile`` (one or a list), each relative to the configuration's folder (the Dev Container
specification's devcontainer.json reference); the file is JSON with comments. With compose,
``overrideCommand`` defaults to false: the services start as the compose files say, so the stack is
judged as `docker compose -f` would run it. A configuration that builds an image or Dockerfile alone
runs a sleep loop instead of the image's command by default, and is not read.
"""

from __future__ import annotations

import posixpath

from nmdoctor.docker.project import read_text
from nmdoctor.project.resolution.jsonc import loads_jsonc
from nmdoctor.vfs.base import FileSystem

__all__ = ["dev_container_compose"]

_CONFIGS = (".devcontainer/devcontainer.json", ".devcontainer.json")


def dev_container_compose(fs: FileSystem, folder: str) -> list[str]:
    """The compose files (relative to ``folder``) the folder's Dev Container configuration starts."""
    for name in _CONFIGS:
        text = read_text(fs, f"{folder}/{name}")
        if text is None:
            continue
        try:
            config = loads_jsonc(text)
        except ValueError:
            return []
        files = config.get("dockerComposeFile") if isinstance(config, dict) else None
        names = [files] if isinstance(files, str) else files if isinstance(files, list) else []
        base = posixpath.dirname(name)
        return [posixpath.normpath(posixpath.join(base, item)) for item in names if isinstance(item, str)]
    return []
