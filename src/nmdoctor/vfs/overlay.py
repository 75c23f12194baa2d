"""A planned node_modules laid over a real project: planned paths from memory, the rest from disk."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nmdoctor.vfs._walk import LinkFollowing, follow
from nmdoctor.vfs.base import FileSystem, FileSystemError, Stat, VPath

__all__ = ["OverlayFS"]


class OverlayFS(LinkFollowing):
    """Every path under one of ``mounts`` is answered by ``upper`` (a planned layout); any other by
    ``lower`` (the project's own files). ``binds`` serve a planned package folder's files (all but its
    own node_modules) from the folder of an installed copy, as a copy would, without a link, so that
    real paths stay in the planned layout. Links are followed across all of them, once, in vfs._walk."""

    def __init__(
        self, upper: FileSystem, lower: FileSystem, mounts: Sequence[VPath], binds: Mapping[VPath, VPath] | None = None
    ) -> None:
        self.upper = upper
        self.lower = lower
        self.mounts = tuple(mounts)
        self.binds = dict(binds or {})
        # Neither layer changes while the view is read: each exact lookup is made once.
        self._exact: dict[VPath, Stat | None] = {}
        self._followed: dict[VPath, tuple[VPath, Stat] | FileSystemError] = {}

    def _route(self, path: VPath) -> tuple[FileSystem, VPath]:
        for mount in self.mounts:
            if path == mount or path.startswith(mount + "/"):
                if self.binds:
                    bound = self._bound(path)
                    if bound is not None:
                        return self.lower, bound
                return self.upper, path
        return self.lower, path

    def _bound(self, path: VPath) -> VPath | None:
        """The installed file a path inside a bound planned folder stands for (not its node_modules)."""
        folder = path
        while folder and folder != "/":
            source = self.binds.get(folder)
            if source is not None:
                rest = path[len(folder) :]
                if rest in ("", "/node_modules") or rest.startswith("/node_modules/"):
                    return None
                return source + rest
            folder = folder.rpartition("/")[0]
        return None

    def _owner(self, path: VPath) -> FileSystem:
        return self._route(path)[0]

    def _follow(self, path: VPath) -> tuple[VPath, Stat]:
        answer = self._followed.get(path)
        if answer is None:
            try:
                answer = follow(path, self._lstat_exact, self._readlink_exact)
            except FileSystemError as error:
                answer = error
            self._followed[path] = answer
        if isinstance(answer, FileSystemError):
            raise FileSystemError(str(answer))
        return answer

    def _lstat_exact(self, path: VPath) -> Stat | None:
        try:
            return self._exact[path]
        except KeyError:
            found = self._exact[path] = self._lstat_uncached(path)
            return found

    def _lstat_uncached(self, path: VPath) -> Stat | None:
        # ``follow`` asks only for paths whose parent it has already resolved in this view, and the
        # upper layer's links are this view's links: its own exact lookup is enough (following
        # its parents again would make every lookup quadratic in the path's depth).
        fs, routed = self._route(path)
        if fs is self.upper and isinstance(fs, LinkFollowing):
            return fs._lstat_exact(routed)
        return fs.lstat(routed)

    def _readlink_exact(self, path: VPath) -> str:
        fs, routed = self._route(path)
        if fs is self.upper and isinstance(fs, LinkFollowing):
            return fs._readlink_exact(routed)
        return fs.readlink(routed)

    def read_bytes(self, path: VPath) -> bytes:
        fs, routed = self._route(self.realpath(path))
        return fs.read_bytes(routed)

    def listdir(self, path: VPath) -> Sequence[str]:
        real = self.realpath(path)
        source = self.binds.get(real)
        fs, routed = (self.lower, source) if source is not None else self._route(real)
        names = set(fs.listdir(routed))
        if routed != real:  # a bound folder: its node_modules comes from the plan
            names.discard("node_modules")
            if self.upper.lstat(real + "/node_modules") is not None:
                names.add("node_modules")
        return sorted(names)
