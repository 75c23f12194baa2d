"""The lockfile model kept between runs: a warm `check` reads it back instead of parsing the lockfile.

Reading a large lockfile costs a warm `check` about a tenth of its time; loading the model it gave
last time costs a quarter of that. An entry is trusted only when every file-system answer the
reading was built from is still the same: the reading goes through ``RecordingFS``, which notes
each call and a digest of its answer (the lockfile's bytes, ``.modules.yaml``, ``.yarnrc.yml``,
workspace folders and their manifests, whatever the reader of that kind asked), and a later run
asks the same questions again before it uses the model. The root manifest is part of the key.

Entries live in the user cache (``project.cache.DiskStore``), one per lockfile path, rewritten
when anything changed. A damaged entry, another version's, or one that does not load, is a miss.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import pickle
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from nmdoctor import __version__
from nmdoctor.kept import cache_key, code_digest
from nmdoctor.lockfiles import Lockfile, read_lockfile
from nmdoctor.lockfiles.model import LockedEdge, LockedPackage
from nmdoctor.vfs.base import FileSystem, FileSystemError, Stat, VPath

__all__ = ["MODEL_FORMAT", "RecordingFS", "read_lockfile_cached"]

# Bump when a reader's answers change for the same files: older entries are then never read.
MODEL_FORMAT = 1
_MAGIC = b"nmdoctor-lockfile-model\0"


class ModelStore(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


Record = tuple[str, str, Any]  # (call, path, digest of the answer)


def _answer(call: Callable[[VPath], Any], path: VPath) -> tuple[Any, Any]:
    """The call's answer and what is recorded of it (an error is recorded as its class)."""
    try:
        found = call(path)
    except FileSystemError as error:
        return error, ("error", type(error).__name__)
    return found, _digest(found)


def _digest(found: Any) -> Any:
    if isinstance(found, bytes):
        return hashlib.sha256(found).digest()
    if isinstance(found, Stat):
        return (found.kind.value, found.size)
    if found is None or isinstance(found, str):
        return found
    return tuple(found)  # a listing, in the order the view gives it


class RecordingFS:
    """``inner``, with every call and a digest of its answer noted in ``records``."""

    def __init__(self, inner: FileSystem) -> None:
        self.inner = inner
        self.records: list[Record] = []

    def _call(self, name: str, path: VPath) -> Any:
        found, digest = _answer(getattr(self.inner, name), path)
        self.records.append((name, path, digest))
        if isinstance(found, FileSystemError):
            raise found
        return found

    def lstat(self, path: VPath) -> Stat | None:
        return self._call("lstat", path)  # type: ignore[no-any-return]

    def stat(self, path: VPath) -> Stat | None:
        return self._call("stat", path)  # type: ignore[no-any-return]

    def read_bytes(self, path: VPath) -> bytes:
        return self._call("read_bytes", path)  # type: ignore[no-any-return]

    def readlink(self, path: VPath) -> str:
        return self._call("readlink", path)  # type: ignore[no-any-return]

    def listdir(self, path: VPath) -> Sequence[str]:
        return self._call("listdir", path)  # type: ignore[no-any-return]

    def realpath(self, path: VPath) -> VPath:
        return self._call("realpath", path)  # type: ignore[no-any-return]


_CALLS = frozenset({"lstat", "stat", "read_bytes", "readlink", "listdir", "realpath"})


def _still_true(fs: FileSystem, records: Any) -> bool:
    """Whether each recorded call gets the same answer now (a malformed record is not)."""
    try:
        for name, path, digest in records:
            if name not in _CALLS or type(path) is not str:
                return False
            if _answer(getattr(fs, name), path)[1] != digest:
                return False
    except (TypeError, ValueError):
        return False
    return True


def _shape() -> str:
    """The fields the pickled classes have: a model pickled by other code is never loaded."""
    return "|".join(",".join(kind.__slots__) for kind in (Lockfile, LockedPackage, LockedEdge))


def _key(path: VPath, manifest: dict[str, Any] | None) -> str:
    from nmdoctor import lockfiles, model  # the readers: a model read by other code is never loaded

    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"), default=str)
    code = code_digest((*lockfiles.__path__, *model.__path__))
    return cache_key(__version__, MODEL_FORMAT, _shape(), code, path, text)


def _load(fs: FileSystem, data: bytes | None) -> Lockfile | None:
    if data is None or not data.startswith(_MAGIC):
        return None
    try:
        size = int.from_bytes(data[len(_MAGIC) : len(_MAGIC) + 4], "big")
        start = len(_MAGIC) + 4
        records = marshal.loads(data[start : start + size])
        if not _still_true(fs, records):
            return None
        model = pickle.loads(data[start + size :])
    except Exception:  # a damaged or foreign entry is a miss, whatever it raises
        return None
    return model if isinstance(model, Lockfile) else None


def _dump(records: list[Record], model: Lockfile) -> bytes | None:
    try:
        head = marshal.dumps(records)
        body = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    except (ValueError, TypeError, pickle.PicklingError, RecursionError):
        return None
    return _MAGIC + len(head).to_bytes(4, "big") + head + body


def read_lockfile_cached(
    fs: FileSystem, path: VPath, root_manifest: dict[str, Any] | None, store: ModelStore | None
) -> Lockfile:
    """``lockfiles.read_lockfile``, answered from ``store`` when nothing it read has changed
    (raises LockfileError as it does; a lockfile that fails to read is never stored)."""
    if store is None:
        return read_lockfile(fs, path, root_manifest)
    key = _key(path, root_manifest)
    found = _load(fs, store.get(key))
    if found is not None:
        return found
    recorder = RecordingFS(fs)
    model = read_lockfile(recorder, path, root_manifest)
    data = _dump(recorder.records, model)
    if data is not None:
        store.put(key, data)
    return model
