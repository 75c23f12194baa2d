"""Restore the image's dependencies into a node_modules volume, safely (the one command that writes).

Seed 000's entrypoint copied a backup into the volume behind a bare ``.initialized`` marker: an old
volume stayed "initialized" with old packages after an image update. Here the volume records, in
``.nmdoctor-sync.json``, a hash of the image's tree and which top-level entries came from it:

- entries from the image are replaced when the image changes, and removed when the image drops them;
- entries a user installed at run time are kept; one that clashes with an image entry of the same
  name (another version) is moved to ``.nmdoctor-conflicts/`` (never deleted) and reported;
- every entry is copied beside its place first, then renamed into it, so a kill at any instant
  leaves no half-copied package; a re-run finishes the work.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["STATE_FILE", "SyncError", "SyncReport", "sync_volume"]

STATE_FILE = ".nmdoctor-sync.json"
_WORK = ".nmdoctor-work"  # copies in progress and replaced entries on their way out
_CONFLICTS = ".nmdoctor-conflicts"
_PRIVATE = {STATE_FILE, _WORK, _CONFLICTS}


class SyncError(OSError):
    """--base or --target cannot be used (missing, not a folder, the same folder)."""


@dataclass(slots=True)
class SyncReport:
    base_hash: str
    up_to_date: bool = False
    copied: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # installed by a user, left alone
    conflicts: list[str] = field(default_factory=list)  # user entries moved aside for the image's

    def to_json(self) -> dict[str, object]:
        return {
            "baseHash": self.base_hash,
            "upToDate": self.up_to_date,
            "copied": self.copied,
            "replaced": self.replaced,
            "removed": self.removed,
            "kept": self.kept,
            "conflicts": self.conflicts,
        }


def _entries(folder: Path) -> list[str]:
    """Top-level units of a node_modules folder: packages (``@scope/name`` as one), ``.bin``, ``.pnpm``, ..."""
    units = []
    for entry in sorted(os.listdir(folder)):
        if entry in _PRIVATE:
            continue
        path = folder / entry
        if entry.startswith("@") and path.is_dir() and not path.is_symlink():
            units += [f"{entry}/{child}" for child in sorted(os.listdir(path))]
        else:
            units.append(entry)
    return units


def _tree_hash(base: Path) -> str:
    """A hash of every package.json and link in the image's tree: it changes when any dependency does."""
    digest = hashlib.sha256()
    for root, dirs, files in os.walk(base, followlinks=False):
        dirs.sort()
        relative = os.path.relpath(root, base)
        for name in sorted(files):
            path = os.path.join(root, name)
            if os.path.islink(path):
                digest.update(f"L {relative}/{name} -> {os.readlink(path)}\n".encode())
            elif name in ("package.json", ".package-lock.json", ".modules.yaml", "lock.yaml", ".yarn-state.yml"):
                digest.update(f"F {relative}/{name}\n".encode())
                digest.update(Path(path).read_bytes())
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                digest.update(f"L {relative}/{name} -> {os.readlink(path)}\n".encode())
    return digest.hexdigest()


def _same(left: Path, right: Path) -> bool:
    """The same package (name and version in package.json), or the same link."""
    if left.is_symlink() or right.is_symlink():
        return left.is_symlink() and right.is_symlink() and os.readlink(left) == os.readlink(right)
    try:
        return (left / "package.json").read_bytes() == (right / "package.json").read_bytes()
    except OSError:
        return False


def _copy(source: Path, destination: Path) -> None:
    if source.is_symlink():
        destination.symlink_to(os.readlink(source))
    elif source.is_dir():
        shutil.copytree(source, destination, symlinks=True)
    else:
        shutil.copy2(source, destination)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _pause() -> None:
    """A test hook: NMDOCTOR_SYNC_STEP_DELAY seconds between steps, to be killed in the middle."""
    delay = os.environ.get("NMDOCTOR_SYNC_STEP_DELAY")
    if delay:
        time.sleep(float(delay))


def _load_state(target: Path) -> dict[str, object]:
    try:
        data = json.loads((target / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_state(target: Path, state: dict[str, object]) -> None:
    scratch = target / _WORK / f"state-{uuid.uuid4().hex}"
    scratch.write_text(json.dumps(state, indent=2))
    os.replace(scratch, target / STATE_FILE)


def sync_volume(base: Path, target: Path, *, check: bool = False) -> SyncReport:
    """Make ``target`` hold the image's dependencies from ``base``, keeping what users installed."""
    if not base.is_dir():
        raise SyncError(f"{base}: no such folder (--base)")
    if target.exists() and not target.is_dir():
        raise SyncError(f"{target}: not a folder (--target)")
    if target.exists() and base.resolve() == target.resolve():
        raise SyncError(f"{target}: --base and --target are the same folder")
    base_hash = _tree_hash(base)
    report = SyncReport(base_hash)
    state = _load_state(target) if target.exists() else {}
    from_base = set(state.get("fromBase", [])) if isinstance(state.get("fromBase"), list) else set()
    wanted = _entries(base)
    present = set(_entries(target)) if target.exists() else set()
    if state.get("baseHash") == base_hash and all(unit in present for unit in wanted) and not (target / _WORK).exists():
        report.up_to_date = True
        report.kept = sorted(present - set(wanted))
        return report
    plan_only = check
    if not plan_only:
        target.mkdir(parents=True, exist_ok=True)
        work = target / _WORK
        if work.exists():
            shutil.rmtree(work)  # leftovers of an interrupted run: copies not yet in place, replaced entries
        work.mkdir()
    for unit in wanted:
        source = base / unit
        place = target / unit
        exists = place.exists() or place.is_symlink()
        if exists and unit in from_base and _same(source, place) and state.get("baseHash") == base_hash:
            continue
        if exists and unit not in from_base:
            if _same(source, place):
                from_base.add(unit)  # a user (or an interrupted run) put the very same package there
                continue
            report.conflicts.append(unit)
        elif exists:
            if _same(source, place):
                continue
            report.replaced.append(unit)
        else:
            report.copied.append(unit)
        if plan_only:
            continue
        scratch = target / _WORK / f"new-{uuid.uuid4().hex}"
        _copy(source, scratch)
        _pause()
        if exists:
            if unit in from_base:
                aside = target / _WORK / f"old-{uuid.uuid4().hex}"
            else:
                aside = target / _CONFLICTS / f"{unit.replace('/', '+')}-{uuid.uuid4().hex[:8]}"
                aside.parent.mkdir(exist_ok=True)
            os.replace(place, aside)
            _pause()
        place.parent.mkdir(parents=True, exist_ok=True)
        os.replace(scratch, place)
        from_base.add(unit)
        _pause()
    for unit in sorted(from_base - set(wanted)):
        place = target / unit
        if place.exists() or place.is_symlink():
            report.removed.append(unit)
            if not plan_only:
                aside = target / _WORK / f"old-{uuid.uuid4().hex}"
                os.replace(place, aside)
        from_base.discard(unit)
    report.kept = sorted((set(_entries(target)) if target.exists() else set()) - set(wanted) - set(report.removed))
    if not plan_only:
        _write_state(target, {"baseHash": base_hash, "fromBase": sorted(from_base & set(wanted))})
        shutil.rmtree(target / _WORK)
    return report
