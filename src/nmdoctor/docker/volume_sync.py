"""Restore the image's dependencies into a node_modules volume, safely (the one command that writes).

Seed 000's entrypoint copied a backup into the volume behind a bare ``.initialized`` marker: an old
volume stayed "initialized" with old packages after an image update. Here:

- the whole sync holds an advisory lock on the target, so two replicas starting together take turns;
- "up to date" is verified, never taken from the state file: every unit of the image (a package,
  ``@scope/name``, each ``.bin`` entry, ``.pnpm``) is compared by fingerprint (file list with sizes,
  the content of manifests and ``.node`` addons) with what the volume holds;
- the state file ``.nmdoctor-sync.json`` only says which units came from the image and what they were
  when written; it lives in the volume, so it is untrusted: an entry that is not one plain top-level
  name is ignored, and every path touched is checked to lie inside --target without following links;
- a unit the image changed replaces the volume's copy when that copy is still exactly what the image
  put there; anything else in the way (a user's package, a user's ``.bin`` link, a modified copy, a
  scope folder that is a link) is moved to ``.nmdoctor-conflicts/``, never deleted;
- every unit is copied beside its place first, then renamed into it, so a kill at any instant leaves
  no half-copied package; a re-run finishes the work.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nmdoctor.docker.sync_tree import (
    CONFLICTS,
    STATE_FILE,
    WORK,
    SyncError,
    copy_unit,
    fingerprint,
    hold_lock,
    is_plain_unit,
    list_units,
    read_regular,
)

__all__ = ["STATE_FILE", "SyncError", "SyncReport", "sync_volume"]

_STATE_LIMIT = 64 << 20


@dataclass(slots=True)
class SyncReport:
    base_hash: str
    up_to_date: bool = False
    copied: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # installed by a user, left alone
    conflicts: list[str] = field(default_factory=list)  # user entries moved aside for the image's
    moved_aside: list[str] = field(default_factory=list)  # every entry moved to .nmdoctor-conflicts/

    def to_json(self) -> dict[str, object]:
        return {
            "baseHash": self.base_hash,
            "upToDate": self.up_to_date,
            "copied": self.copied,
            "replaced": self.replaced,
            "removed": self.removed,
            "kept": self.kept,
            "conflicts": self.conflicts,
            "movedAside": self.moved_aside,
        }


def _pause() -> None:
    """A test hook: NMDOCTOR_SYNC_STEP_DELAY seconds between steps, to be killed in the middle."""
    delay = os.environ.get("NMDOCTOR_SYNC_STEP_DELAY")
    if delay:
        time.sleep(float(delay))


def _load_state(target: Path) -> dict[str, str | None]:
    """Units the state says came from the image, with the fingerprint they had (None: an older state file)."""
    try:
        data = json.loads(read_regular(target / STATE_FILE, _STATE_LIMIT))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    prints = data.get("fingerprints")
    prints = prints if isinstance(prints, dict) else {}
    names = data.get("fromBase")
    found: dict[str, str | None] = {}
    for name in names if isinstance(names, list) else []:
        if is_plain_unit(name) and name != ".bin":  # ".bin" as one unit: an older state, now merged per link
            recorded = prints.get(name)
            found[name] = recorded if isinstance(recorded, str) else None
    return found


class _Target:
    """The volume: every path it hands out is checked to lie inside it, with no link on the way."""

    def __init__(self, root: Path, report: SyncReport) -> None:
        self.root = root
        self.report = report
        self._work: Path | None = None

    def private_dir(self, name: str) -> Path:
        """``.nmdoctor-work`` or ``.nmdoctor-conflicts`` as a real folder (a planted link there is dropped)."""
        path = self.root / name
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            os.mkdir(path, 0o755)
            return path
        if stat.S_ISDIR(info.st_mode):
            return path
        if stat.S_ISLNK(info.st_mode):
            os.unlink(path)  # a link holds no data; following it would leave the target
            os.mkdir(path, 0o755)
            return path
        raise SyncError(errno.ENOTDIR, "not a folder", str(path))

    def work(self) -> Path:
        if self._work is None:
            self._work = self.private_dir(WORK)
        return self._work

    def reset_work(self) -> None:
        """Leftovers of an interrupted run: copies not yet in place, the image's old copies on their way out."""
        path = self.root / WORK
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            return
        if stat.S_ISDIR(info.st_mode):
            shutil.rmtree(path)  # fd-based: never follows a link inside
        else:
            os.unlink(path)

    def finish(self) -> None:
        if self._work is not None:
            shutil.rmtree(self._work)
            self._work = None

    def place(self, unit: str, *, make_parent: bool) -> Path | None:
        """The path of ``unit`` in the target; None when its scope folder is not a real folder here.

        With ``make_parent`` a missing scope folder is made, and one that is a link or a file is moved
        aside first (never entered).
        """
        if "/" not in unit:
            return self.root / unit
        scope, _, _ = unit.partition("/")
        parent = self.root / scope
        try:
            info = os.lstat(parent)
        except FileNotFoundError:
            if not make_parent:
                return None
            os.mkdir(parent, 0o755)
            return parent / unit.partition("/")[2]
        if not stat.S_ISDIR(info.st_mode):
            if not make_parent:
                return None
            self.move_aside(scope, parent)
            self.report.conflicts.append(scope)
            os.mkdir(parent, 0o755)
        return parent / unit.partition("/")[2]

    def move_aside(self, unit: str, path: Path) -> None:
        conflicts = self.private_dir(CONFLICTS)
        label = unit.replace("/", "+")[:200]
        os.replace(path, conflicts / f"{label}-{uuid.uuid4().hex[:8]}")
        self.report.moved_aside.append(unit)

    def discard(self, path: Path) -> None:
        """Remove the image's own unchanged copy (through the work folder, emptied at the end)."""
        os.replace(path, self.work() / f"old-{uuid.uuid4().hex}")

    def write_state(self, state: dict[str, object]) -> None:
        scratch = self.work() / f"state-{uuid.uuid4().hex}"
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "w") as handle:
            handle.write(json.dumps(state, indent=2))
        os.replace(scratch, self.root / STATE_FILE)


def _base_units(base: Path) -> dict[str, str]:
    """Every unit of the image with its fingerprint; a special file in the image is an error."""
    found = {}
    for unit in list_units(base):
        print_ = fingerprint(base / unit, trusted=True)
        if print_ is not None:
            found[unit] = print_
    return found


def _digest(units: dict[str, str]) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(sorted(units.items())).encode()).hexdigest()


def _check_folders(base: Path, target: Path) -> tuple[Path, Path]:
    if not base.is_dir():
        raise SyncError(errno.ENOENT, "no such folder (--base)", str(base))
    if (target.exists() or target.is_symlink()) and not target.is_dir():
        raise SyncError(errno.ENOTDIR, "not a folder (--target)", str(target))
    real_base = Path(os.path.realpath(base))
    real_target = Path(os.path.realpath(target))
    if real_base == real_target:
        raise SyncError(errno.EINVAL, "--base and --target are the same folder", str(target))
    if real_base.is_relative_to(real_target) or real_target.is_relative_to(real_base):
        raise SyncError(errno.EINVAL, "--base and --target are inside one another", str(target))
    return real_base, real_target


def sync_volume(
    base: Path,
    target: Path,
    *,
    check: bool = False,
    lock_timeout: float = 600.0,
    on_wait: Callable[[], None] | None = None,
) -> SyncReport:
    """Make ``target`` hold the image's dependencies from ``base``, keeping what users installed."""
    base, target = _check_folders(base, target)
    wanted = _base_units(base)
    report = SyncReport(_digest(wanted))
    if not target.exists():
        if check:
            report.copied = sorted(wanted)
            return report
        target.mkdir(parents=True, exist_ok=True)
    lock = hold_lock(target, exclusive=not check, timeout=lock_timeout, on_wait=on_wait)
    try:
        _sync_locked(base, target, wanted, report, check=check)
    finally:
        os.close(lock)
    return report


def _sync_locked(base: Path, root: Path, wanted: dict[str, str], report: SyncReport, *, check: bool) -> None:
    from_base = _load_state(root)
    target = _Target(root, report)
    if not check:
        target.reset_work()
    for unit, print_ in wanted.items():
        place = target.place(unit, make_parent=False)
        current = fingerprint(place, trusted=False) if place is not None else None
        if current == print_:
            # In place already: a finished step of an interrupted run, or a user's identical copy.
            from_base[unit] = print_
            continue
        recorded = from_base.get(unit, "")
        ours = current is not None and unit in from_base and recorded in (None, current)
        if current is None:
            report.copied.append(unit)
        elif ours:
            report.replaced.append(unit)
        else:
            report.conflicts.append(unit)
        if check:
            continue
        place = target.place(unit, make_parent=True)
        assert place is not None
        scratch = target.work() / f"new-{uuid.uuid4().hex}"
        copy_unit(base / unit, scratch)
        _pause()
        if current is not None:
            if ours:
                target.discard(place)
            else:
                target.move_aside(unit, place)
            _pause()
        os.replace(scratch, place)
        from_base[unit] = print_
        _pause()
    for unit in sorted(set(from_base) - set(wanted)):
        place = target.place(unit, make_parent=False)
        current = fingerprint(place, trusted=False) if place is not None else None
        recorded = from_base.pop(unit)
        if current is None or place is None:
            continue
        report.removed.append(unit)
        if check:
            continue
        if recorded == current:
            target.discard(place)
        else:
            target.move_aside(unit, place)  # changed since the image put it there, or an older state file
        _pause()
    present = set(list_units(root)) - set(wanted)
    report.kept = sorted(present - set(report.removed))
    report.up_to_date = not (report.copied or report.replaced or report.removed or report.conflicts)
    if check:
        return
    state = {
        "baseHash": report.base_hash,
        "fromBase": sorted(from_base),
        "fingerprints": dict(sorted(from_base.items())),
    }
    if _load_state(root) != from_base or not (root / STATE_FILE).is_file():
        target.write_state(state)
    target.finish()
