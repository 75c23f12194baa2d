"""Which repositories a fleet run covers: folders on disk, or git repositories read at a ref.

A SOURCE is a folder holding one repository (it has a ``package.json``), a folder of repositories
(each subfolder a repository: a checkout, or a bare or ordinary git repository read at ``--ref``),
or a text file listing such paths, one per line (``#`` starts a comment; ``PATH@REF`` names a ref).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass

__all__ = ["RepoRef", "SourceError", "expand_sources", "input_key"]

# Folders whose files never change an answer read from the lockfile (installed trees, git's store).
SKIPPED_FOLDERS = frozenset({"node_modules", ".git"})


class SourceError(ValueError):
    """A SOURCE argument that names nothing the fleet can read (``PATH: problem``)."""


@dataclass(frozen=True, slots=True)
class RepoRef:
    """One repository to analyse: a folder (``ref`` is None) or a git repository at ``ref``.

    It is what a task carries to a worker: a location and a ref, never file contents.
    """

    name: str
    location: str  # absolute path
    ref: str | None = None

    @property
    def kind(self) -> str:
        return "dir" if self.ref is None else "git"


def _is_git_dir(path: str) -> bool:
    return os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(os.path.join(path, "objects"))


def _repository(path: str, ref: str, name: str) -> RepoRef | None:
    """The repository at ``path``: a bare git directory or a checkout's ``.git`` read at ``ref`` when
    the folder has no ``package.json`` of its own, the folder itself otherwise."""
    if os.path.isfile(os.path.join(path, "package.json")):
        return RepoRef(name, path)
    if _is_git_dir(path):
        return RepoRef(name.removesuffix(".git"), path, ref)
    if _is_git_dir(os.path.join(path, ".git")):
        return RepoRef(name, os.path.join(path, ".git"), ref)
    return None


def _expand_one(source: str, ref: str) -> list[RepoRef]:
    text_ref = None
    if not os.path.exists(source) and "@" in source:
        source, _, text_ref = source.rpartition("@")
    path = os.path.realpath(source)
    if os.path.isfile(path):
        found: list[RepoRef] = []
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                entry = line.split("#", 1)[0].strip()
                if entry:
                    entry = entry if os.path.isabs(entry) else os.path.join(os.path.dirname(path), entry)
                    found.extend(_expand_one(entry, ref))
        return found
    if not os.path.isdir(path):
        raise SourceError(f"{source}: no such folder, file or git repository")
    single = _repository(path, text_ref or ref, os.path.basename(path))
    if single is not None:
        return [single]
    found = []
    for entry in sorted(os.listdir(path)):
        child = os.path.join(path, entry)
        if entry.startswith(".") or not os.path.isdir(child):
            continue
        repo = _repository(child, ref, entry)
        if repo is not None:
            found.append(repo)
        else:
            # A folder that is neither a checkout nor a git repository is still reported, as one
            # failed row, so that a run over "every repository" shows the ones it could not read.
            found.append(RepoRef(entry, child))
    return found


def expand_sources(sources: tuple[str, ...] | list[str], ref: str = "HEAD") -> list[RepoRef]:
    """Every repository the SOURCE arguments name, in a stable order; names must be unique."""
    repos: list[RepoRef] = []
    for source in sources:
        repos.extend(_expand_one(source, ref))
    seen: dict[str, RepoRef] = {}
    for repo in repos:
        other = seen.setdefault(repo.name, repo)
        if other is not repo:
            raise SourceError(f"{repo.location}: a second repository named {repo.name!r} (first: {other.location})")
    return repos


def input_key(repo: RepoRef) -> str:
    """What the results of ``repo`` depend on: its commit, or a hash of its files' names, sizes and
    modification times.

    ``tasks.run_task`` computes it in the worker, to skip what an earlier run already answered.
    """
    if repo.ref is not None:
        try:
            done = subprocess.run(
                ["git", "--git-dir", repo.location, "rev-parse", "--verify", "--quiet", f"{repo.ref}^{{commit}}"],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as error:
            return f"error:{error}"
        commit = done.stdout.strip()
        return f"commit:{commit}" if done.returncode == 0 and commit else f"error:no commit {repo.ref}"
    digest = hashlib.sha256()
    for entry in _walk(repo.location, ""):
        digest.update(entry)
    return f"files:{digest.hexdigest()}"


def _walk(folder: str, prefix: str) -> list[bytes]:
    """``path, size, mtime`` of every file under ``folder`` but installed trees and git's store:
    any edit, addition or removal (of a lockfile, a manifest, a Dockerfile, an entrypoint, a
    source file whose imports a check reads) changes the key, as it would for make or rsync."""
    entries: list[bytes] = []
    try:
        scanned = sorted(os.scandir(folder), key=lambda item: item.name)
    except OSError:
        return entries
    for item in scanned:
        name = f"{prefix}{item.name}"
        try:
            if item.is_dir(follow_symlinks=False):
                if item.name not in SKIPPED_FOLDERS:
                    entries.extend(_walk(item.path, f"{name}/"))
                continue
            stat = item.stat(follow_symlinks=False)
        except OSError:
            continue
        entries.append(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return entries
