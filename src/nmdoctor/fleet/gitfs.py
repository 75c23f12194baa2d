"""A git repository at a ref, read straight from its objects into an in-memory tree (no checkout).

``git ls-tree`` lists the tree once and one ``git cat-file --batch`` process streams every blob,
so a bare mirror of thousands of repositories is read without writing a single file.
"""

from __future__ import annotations

import subprocess

from nmdoctor.lockfiles.detect import LOCKFILE_NAMES
from nmdoctor.vfs import MemoryFS

__all__ = ["GitReadError", "read_git_tree"]

# Larger blobs (media, bundles) are left out of the view, except lockfiles, which are read whole.
MAX_BLOB = 4 * 1024 * 1024


class GitReadError(ValueError):
    """The repository or the ref cannot be read; the message is git's own last line (the row's
    ``location`` already names the repository)."""


def _git(git_dir: str, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "--git-dir", git_dir, *args], input=stdin, capture_output=True, check=False)
    except OSError as error:
        raise GitReadError(f"cannot run git ({error})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitReadError(f"git {args[0]}: {message[-1] if message else f'exit status {done.returncode}'}")
    return done.stdout


def read_git_tree(git_dir: str, ref: str, root: str) -> tuple[str, MemoryFS]:
    """The commit ``ref`` names and its files under ``root`` (node_modules folders left out)."""
    try:
        commit = _git(git_dir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except GitReadError as error:
        if "exit status" in str(error):  # --quiet: git says nothing when the ref names no commit
            raise GitReadError(f"{ref}: no such commit") from None
        raise
    listing = _git(git_dir, "ls-tree", "-r", "-l", "-z", "--full-tree", commit)
    wanted: list[tuple[str, str, str]] = []  # (sha, path, mode)
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, sha, size = meta.decode().split()
        path = raw_path.decode("utf-8", "surrogateescape")
        if kind != "blob" or "node_modules/" in f"/{path}/":
            continue
        if size != "-" and int(size) > MAX_BLOB and path.rpartition("/")[2] not in LOCKFILE_NAMES:
            continue
        wanted.append((sha, path, mode))
    fs = MemoryFS()
    fs.add_dir(root)
    if not wanted:
        return commit, fs
    output = _git(git_dir, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha, _, _ in wanted).encode())
    offset = 0
    for _sha, path, mode in wanted:
        header_end = output.index(b"\n", offset)
        size = int(output[offset:header_end].split()[2])
        content = output[header_end + 1 : header_end + 1 + size]
        offset = header_end + 1 + size + 1
        target = f"{root}/{path}"
        if mode == "120000":
            fs.add_symlink(target, content.decode("utf-8", "surrogateescape"))
        else:
            fs.add_file(target, content)
    return commit, fs
