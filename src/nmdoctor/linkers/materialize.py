"""Write a planned layout to disk, so that real node (or a bundler) can be run against it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from nmdoctor.linkers.plan import Plan
from nmdoctor.vfs.base import Kind

__all__ = ["MaterializeError", "materialize"]


class MaterializeError(OSError):
    """The destination cannot be written (not empty, not writable)."""


def _copy_package(source: Path, destination: Path) -> None:
    """The files of an installed package (not its node_modules), hard-linked where the filesystem
    allows it, copied otherwise."""
    for root, dirs, files in os.walk(source):
        relative = Path(root).relative_to(source)
        if relative == Path("."):
            dirs[:] = [name for name in dirs if name != "node_modules"]
        (destination / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            target = destination / relative / name
            origin = Path(root) / name
            if target.exists() or target.is_symlink():
                continue
            if origin.is_symlink():
                target.symlink_to(os.readlink(origin))
                continue
            try:
                os.link(origin, target)
            except OSError:
                shutil.copy2(origin, target)


def materialize(plan: Plan, project: str, destination: str) -> int:
    """Write the project's own files and the planned node_modules under ``destination``; return the
    number of packages written. ``destination`` must not exist yet or be empty."""
    out = Path(destination)
    if out.exists() and any(out.iterdir()):
        raise MaterializeError(f"{destination}: not empty; give a new folder")
    out.mkdir(parents=True, exist_ok=True)
    source_root = Path(project)
    for entry in source_root.iterdir():
        if entry.name == "node_modules":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, out / entry.name, symlinks=True, ignore=shutil.ignore_patterns("node_modules"))
        else:
            shutil.copy2(entry, out / entry.name, follow_symlinks=False)
    prefix = project.rstrip("/") + "/"
    fs = plan.fs
    pending = [project]
    while pending:
        folder = pending.pop()
        try:
            names = fs.listdir(folder)
        except OSError:
            continue
        for name in names:
            path = f"{folder}/{name}"
            stat = fs.lstat(path)
            if stat is None or not path.startswith(prefix):
                continue
            target = out / path[len(prefix) :]
            if stat.kind is Kind.SYMLINK:
                target.parent.mkdir(parents=True, exist_ok=True)
                if not target.is_symlink():
                    target.symlink_to(fs.readlink(path))
            elif stat.kind is Kind.DIR:
                target.mkdir(parents=True, exist_ok=True)
                pending.append(path)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(fs.read_bytes(path))
    for folder, source in plan.binds.items():
        if folder.startswith(prefix):
            _copy_package(Path(source), out / folder[len(prefix) :])
    return len(plan.binds)
