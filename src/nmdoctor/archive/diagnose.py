"""The findings of ``nmdoctor archive``: the packed app read, then compared with its source or itself."""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import ExitStack

from nmdoctor.archive.asar_checks import asar_findings, broken_link_findings, build_platform
from nmdoctor.archive.compare import Side, compare_archive, self_check_archive
from nmdoctor.archive.imports import app_imports
from nmdoctor.archive.mount import ArchiveError, PackedApp, PackedAppError, open_packed_app
from nmdoctor.diagnostics.model import Finding
from nmdoctor.inspect.tree import TreeError, read_installed_tree
from nmdoctor.resolve.node.versions import NodeVersion
from nmdoctor.vfs.asar import AsarError
from nmdoctor.vfs.base import FileSystemError
from nmdoctor.vfs.tarfs import TarError
from nmdoctor.vfs.zipfs import ZipError

__all__ = ["diagnose_archive"]

_UNREADABLE = (AsarError, ZipError, TarError, PackedAppError, TreeError, FileSystemError)


def diagnose_archive(
    archive: str, source: Callable[[], Side] | None, node_version: NodeVersion
) -> tuple[PackedApp, int, list[Finding]]:
    """The app in ARCHIVE, its number of packages, and its findings against ``source()`` (the source
    project's side, loaded only once the archive has been read) or, without a source, against itself.

    An archive that cannot be read raises ArchiveError, its message naming the archive.
    """
    with ExitStack() as stack:
        try:
            app = open_packed_app(archive, stack)
            try:
                graph = read_installed_tree(app.fs, app.root)
            except TreeError as error:  # "<root>/package.json: ...": name it as the archive's
                raise ArchiveError(f"{app.where}: {str(error).replace(app.root + '/', '')}") from None
            packed = Side(graph, app.fs, app_imports(app.fs, graph, node_version=node_version))
            findings = compare_archive(source(), packed) if source else self_check_archive(packed)
            if app.asar is not None:
                platform = build_platform(os.path.realpath(archive), app.where)
                findings += asar_findings(app.asar, graph, platform=platform)
            findings += broken_link_findings(graph)
        except _UNREADABLE as error:
            message = str(error)
            raise ArchiveError(
                message if message.startswith(os.path.basename(archive)) else f"{archive}: {message}"
            ) from None
        return app, len(graph.instances) - 1, findings
