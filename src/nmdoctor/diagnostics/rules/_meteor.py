"""What Meteor's build serves to an app's code, whatever node would resolve.

A Meteor app is a folder with ``.meteor/release``. Meteor's build (``meteor run``, ``meteor build``)
compiles its files into Meteor's own module system, where ``meteor/NAME`` is the Meteor package
NAME (``meteor/mongo``, ``meteor/ostrio:flow-router-extra``): a package of Meteor's catalog or a
local one under ``packages/``, never a folder of ``node_modules``. The app's resolved Meteor
packages are listed in ``.meteor/versions`` (``name@version`` a line), which the build writes and
reads. A local Meteor package (a folder with a ``package.js`` that calls ``Package.describe``) names
its own npm dependencies in ``Npm.depends({...})``, which Meteor installs into the package's
``.npm/package/node_modules`` and its files import from there.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["MeteorApps"]

_NPM_DEPENDS = re.compile(rb"\bNpm\.depends\s*\(\s*\{(?P<body>[^}]*)\}")
_KEY = re.compile(rb"""(?:^|[,{\s])(?:(['"])(?P<quoted>[^'"\n]+)\1|(?P<bare>[A-Za-z_$][\w$-]*))\s*:""")
_VERSION_LINE = re.compile(r"^(?P<name>[A-Za-z0-9:._-]+)@\S+$")


class MeteorApps:
    """The Meteor apps and local Meteor packages around a project's files, each read at most once."""

    def __init__(self, fs: FileSystem, project: str) -> None:
        self._fs = fs
        self._project = project.rstrip("/") or "/"
        self._apps: dict[str, str | None] = {}
        self._versions: dict[str, frozenset[str]] = {}
        self._packages: dict[str, frozenset[str] | None] = {}

    def _read(self, path: str) -> bytes | None:
        try:
            return self._fs.read_bytes(path)
        except (FileSystemError, OSError):
            return None

    def _folders(self, file: str) -> list[str]:
        """The folders from ``file``'s up to the project's, nearest first."""
        folders: list[str] = []
        folder = posixpath.dirname(file)
        while True:
            folders.append(folder)
            if folder == self._project or not folder.startswith(self._project + "/"):
                return folders
            folder = posixpath.dirname(folder)

    def app_of(self, file: str) -> str | None:
        """The Meteor app that holds ``file`` (the nearest folder with ``.meteor/release``), or None."""
        for folder in self._folders(file):
            if folder not in self._apps:
                self._apps[folder] = folder if self._fs.stat(f"{folder}/.meteor/release") is not None else None
            if self._apps[folder] is not None:
                return folder
        return None

    def versions(self, app: str) -> frozenset[str]:
        """The Meteor packages ``.meteor/versions`` of ``app`` lists."""
        if app not in self._versions:
            text = (self._read(f"{app}/.meteor/versions") or b"").decode("utf-8", "replace")
            names = set()
            for line in text.splitlines():
                match = _VERSION_LINE.match(line.strip())
                if match:
                    names.add(match["name"])
            self._versions[app] = frozenset(names)
        return self._versions[app]

    def npm_depends(self, file: str, app: str) -> frozenset[str]:
        """The names the local Meteor package holding ``file`` (below ``app``) lists in ``Npm.depends``."""
        for folder in self._folders(file):
            if folder == app or not folder.startswith(app + "/"):
                return frozenset()
            if folder not in self._packages:
                text = self._read(f"{folder}/package.js")
                if text is None or b"Package.describe" not in text:
                    self._packages[folder] = None
                else:
                    names: set[str] = set()
                    for call in _NPM_DEPENDS.finditer(text):
                        for key in _KEY.finditer(call["body"]):
                            names.add((key["quoted"] or key["bare"]).decode("utf-8", "replace"))
                    self._packages[folder] = frozenset(names)
            found = self._packages[folder]
            if found is not None:
                return found
        return frozenset()

    def serves(self, file: str, specifier: str, name: str) -> str | None:
        """Whether Meteor's build answers ``specifier`` (package ``name``) imported by ``file``:
        ``"served"`` when the files say it does (a Meteor package ``.meteor/versions`` lists, a name
        of the enclosing local package's ``Npm.depends``), ``"meteor"`` for a ``meteor/NAME`` the
        app's versions do not list (Meteor's to answer, not node's), None outside a Meteor app."""
        app = self.app_of(file)
        if app is None:
            return None
        if name == "meteor" and specifier.startswith("meteor/"):
            package = specifier[len("meteor/") :].split("/", 1)[0]
            return "served" if package in self.versions(app) else "meteor"
        if name in self.npm_depends(file, app):
            return "served"
        return None
