"""``nmdoctor archive``: does a packed app resolve its dependencies as its source did?"""

from __future__ import annotations

import json
import os
import sys

import click

from nmdoctor.cli.tree_cmds import InputError, load_graph
from nmdoctor.diagnostics.model import findings_document
from nmdoctor.inspect.archive import compare_archive, native_modules_packed, self_check_archive
from nmdoctor.inspect.tree import TreeError, read_installed_tree
from nmdoctor.render.findings_text import render_findings
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.archive_members import ArchiveError, read_tar, read_zip
from nmdoctor.vfs.asar import MAX_HEADER_BYTES, AsarError, AsarFS
from nmdoctor.vfs.memory import MemoryFS

__all__ = ["archive_command"]


def _app_root(fs: MemoryFS, mount: str) -> str:
    """The folder holding the app's package.json: the archive's top, or its single top folder."""
    if fs.stat(mount + "/package.json") is not None:
        return mount
    entries = list(fs.listdir(mount))
    if len(entries) == 1 and fs.stat(f"{mount}/{entries[0]}/package.json") is not None:
        return f"{mount}/{entries[0]}"
    return mount


@click.command(
    name="archive",
    epilog="""
\b
Examples:
  nmdoctor archive dist/linux-unpacked/resources/app.asar --source .
  nmdoctor archive release/app --json          # an unpacked app folder, checked against itself
  nmdoctor archive app.zip --source .           # zip, tar and tar.gz too
\b
Exit status: 0 no error-level finding, 1 at least one, 2 bad usage or unreadable archive.
""",
)
@click.argument("archive", type=click.Path(exists=False))
@click.option("--source", type=click.Path(file_okay=False), help="The project the app was packed from.")
@click.option("--json", "as_json", is_flag=True, help="Print the findings document as JSON.")
def archive_command(archive: str, source: str | None, as_json: bool) -> None:
    """Compare the packed app ARCHIVE (.asar, .zip, .tar[.gz] or an app folder) with its source."""
    path = os.path.realpath(archive)
    disk = DiskFS()
    if os.path.isdir(path):
        fs, root, unpacked_check = disk, path, None
    elif os.path.isfile(path):
        if os.path.getsize(path) > 8 * MAX_HEADER_BYTES:
            raise InputError(f"{archive}: larger than nmdoctor reads ({os.path.getsize(path)} bytes)")
        with open(path, "rb") as handle:
            data = handle.read()
        name = os.path.basename(path)
        unpacked = path + ".unpacked"
        try:
            if name.endswith(".zip") or data[:4] == b"PK\x03\x04":
                members = read_zip(data, path, name)
                fs, root, unpacked_check = members, _app_root(members, path), None
            elif name.endswith((".tar", ".tar.gz", ".tgz")):
                members = read_tar(data, path, name)
                fs, root, unpacked_check = members, _app_root(members, path), None
            else:
                asar = AsarFS(
                    data,
                    path,
                    name,
                    disk if os.path.isdir(unpacked) else None,
                    unpacked if os.path.isdir(unpacked) else None,
                )
                fs, root, unpacked_check = asar, path, asar.is_unpacked
        except (AsarError, ArchiveError) as error:
            raise InputError(str(error)) from None
    else:
        raise InputError(f"{archive}: no such file or folder")
    try:
        packed = read_installed_tree(fs, root)
    except TreeError as error:
        raise InputError(f"{archive}: {error}") from None
    findings = compare_archive(load_graph(source), packed) if source else self_check_archive(packed)
    if unpacked_check is not None:
        findings += native_modules_packed(fs, root, unpacked_check)
    document = findings_document(findings, instances=len(packed.instances) - 1)
    if as_json:
        click.echo(json.dumps(document, indent=2))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        render_findings(
            document, sys.stdout, ok_line="the packed app resolves its dependencies as the source does", colour=colour
        )
    sys.exit(1 if document["summary"]["error"] else 0)
