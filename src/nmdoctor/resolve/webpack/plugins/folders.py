"""enhanced-resolve's plugins that decide where on disk a request is looked for:
ModulesInHierarchicalDirectoriesPlugin (the ``modules`` folders of every ancestor), RootsPlugin,
DirectoryExistsPlugin, MainFieldPlugin and UseFilePlugin (a folder's ``mainFields`` and
``mainFiles``), and SymlinkPlugin. Which hook runs which is in ``pipeline``.
"""

from __future__ import annotations

import re

from nmdoctor.resolve.webpack.core import STOP, Core, FieldName, Request, Tap, cacheable, replace
from nmdoctor.resolve.webpack.paths import PathType, get_field, get_paths, get_type, join, js_truthy
from nmdoctor.vfs.base import FileSystemError, Kind

__all__ = ["FolderPlugins"]

_FORCE_RELATIVE = re.compile(r"\.\.?/")


class FolderPlugins(Core):
    """ModulesInHierarchicalDirectoriesPlugin, RootsPlugin, DirectoryExistsPlugin, MainFieldPlugin,
    UseFilePlugin, SymlinkPlugin."""

    def _modules_in_hierarchy(self, request: Request, folders: tuple[str, ...]) -> Request | None:
        """ModulesInHierarchicalDirectoriesPlugin: every folder name in every ancestor, nearest first."""
        paths, _segments = get_paths(request.path)
        relative = f"./{request.request}"
        entered = len(self._open_tries)
        for ancestor in paths:
            for folder in folders:
                del self._open_tries[entered:]  # forEachBail: each address starts from the same stack
                address = join(ancestor, folder)
                if self._kind(address) is not Kind.DIR:
                    self._log.append(f"{address} doesn't exist or is not a directory")
                    continue
                inside = replace(request, path=address, request=relative, module=False)
                found = self.do("module", inside, f"looking for modules in {address}")
                if found:
                    return found
        return None

    def _in_roots(self, request: Request) -> Request | None:
        """RootsPlugin: a server-relative request ``/x`` is first looked for under each root."""
        text = request.request
        if not text or not text.startswith("/"):
            return None
        entered = len(self._open_tries)
        for root in self._roots:
            del self._open_tries[entered:]
            path = join(root, text[1:])
            rooted = replace(request, path=path, relative_path=request.relative_path and path)
            found = self.do("relative", rooted, f"root path {root}")
            if found:
                return found
        return None

    def _directory_exists(self, request: Request, target: str) -> Request | None:
        """DirectoryExistsPlugin."""
        directory = request.path
        if not directory:
            return None
        kind = self._kind(directory)
        if kind is not Kind.DIR:
            self._log.append(f"{directory} doesn't exist" if kind is None else f"{directory} is not a directory")
            return None
        return self.do(target, request, f"existing directory {directory}")

    def _main_field(self, request: Request, field: FieldName) -> Request | None:
        """MainFieldPlugin (``mainFields``; entries are forced relative, as for string options)."""
        if (
            request.path != request.description_file_root
            or request.main_field_tried == request.description_file_path
            or not request.description_file_path
        ):
            return None
        cacheable(request.description_file_data)
        raw = get_field(request.description_file_data, field)
        if not js_truthy(raw) or not isinstance(raw, str) or raw in (".", "./"):
            return None
        main = raw if _FORCE_RELATIVE.match(raw) else "./" + raw
        name = ",".join(field) if isinstance(field, tuple) else field
        filename = request.description_file_path.rsplit("/", 1)[-1]
        entered = replace(
            request,
            request=main,
            module=False,
            directory=main.endswith("/"),
            main_field_tried=request.description_file_path,
        )
        return self.do("resolveInExistingDirectory", entered, f"use {main} from {name} in {filename}")

    def _use_file(self, request: Request, name: str) -> Request | None:
        """UseFilePlugin (``mainFiles``)."""
        path = join(request.path, name)
        used = replace(request, path=path, relative_path=request.relative_path and join(request.relative_path, name))
        return self.do("undescribedRawFile", used, f"using path: {path}")

    def _symlinks(self, request: Request) -> Tap:
        """SymlinkPlugin: replace each linked component of the path by its link text (one pass; the
        result goes round again until no component is a link)."""
        paths, segments = get_paths(request.path)
        replaced: list[str] | None = None
        stop_at: int | None = None
        for index, path in enumerate(paths):
            try:
                target = self.fs.readlink(path)
            except FileSystemError:
                continue
            if not target:
                continue
            if replaced is None:
                replaced = list(segments)
            replaced[index] = target
            if get_type(target) in (PathType.ABSOLUTE_POSIX, PathType.ABSOLUTE_WIN):
                stop_at = index
                break
        if replaced is None:
            return None
        parts = replaced[: stop_at + 1] if stop_at is not None else replaced
        result = parts[-1]
        for segment in reversed(parts[:-1]):
            result = join(result, segment)
        return self.do("existingFile", replace(request, path=result), f"resolved symlink to {result}") or STOP
