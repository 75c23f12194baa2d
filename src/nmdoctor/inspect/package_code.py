"""What an installed package's own code requires: the files reachable from its entry points.

Only the files a consumer can load are read: the package's ``main`` (or index) and its ``exports``
targets, then the relative modules they require, transitively. A cheap scan of the text finds the
candidate specifiers; tree-sitter confirms only the files that hold an undeclared one, so that a
large tree is read quickly and a commented-out require is not taken for code.

A package's scan depends only on its own files, so it is kept under the package's identity
(name, version, the names at its top and the sizes of the files read) in a ``ScanStore`` shared by
runs and projects; ``PackageCode`` looks every package up once per run and scans the misses, over a
process pool when they are many and the files are the host's.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from nmdoctor import __version__
from nmdoctor.kept import cache_key, read_pack
from nmdoctor.model.graph import Instance
from nmdoctor.resolve import Resolver
from nmdoctor.resolve.node.builtins import builtin_name
from nmdoctor.sources.imports import SOURCE_SUFFIXES, ImportKind, ImportSite, language_for, package_of, parse_imports
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind
from nmdoctor.vfs.disk import DiskFS, files_of_sizes, on_host
from nmdoctor.vfs.documents import read_json

__all__ = [
    "MAX_FILES_PER_PACKAGE",
    "PackageCode",
    "PackageImport",
    "PackageScan",
    "ScanStore",
    "ScannedFile",
    "entry_files",
    "known_names",
    "own_manifest",
    "package_imports",
    "scan_package",
]

try:  # the walk in C, built when a compiler was at hand at install time (setup.py); else in Python
    from nmdoctor.inspect import _codewalk as _native
except ImportError:  # pragma: no cover - depends on the install
    _native = None
if os.environ.get("NMDOCTOR_PURE_PYTHON"):  # the tests compare the two walks
    _native = None

MAX_FILES_PER_PACKAGE = 400
MAX_PARSED_BYTES = 1_000_000  # bundles beyond this inline their dependencies; they are not parsed
SCAN_FORMAT = 7  # bump when what a scan records, or how, changes: older entries are then ignored
POOL_THRESHOLD = 48  # packages to scan before a process pool pays for its start-up
MAX_MENTIONS = 256  # a file quoting more package-like names than this is parsed at once
# Blanks and comments, which may stand between a keyword and the string literal it takes.
_GAP = rb"(?:\s|/\*(?:[^*]|\*(?!/))*\*/|//[^\n]*)*"
# A package-like name quoted where an import site can hold it: the first argument of `require(`,
# `require.resolve(` or `import(`, or the string after `from` or `import` (tree-sitter finds no
# other; the pattern is looser than the grammar, never stricter).
_IMPORT_LIKE = re.compile(
    rb"\b(?:(?:require(?:\.resolve)?|import)"
    + _GAP
    + rb"(?:\?\."
    + _GAP
    + rb")?\(|from|import)"
    + _GAP
    + rb"""['"`]((?:@[A-Za-z0-9._~-]+/)?[A-Za-z0-9._~-]+)"""
)
_SPECIFIER = re.compile(rb"""(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*|\bimport\s+)(['"])([^'"\n]{1,200})\1""")


@dataclass(frozen=True, slots=True)
class PackageImport:
    file: str
    site: ImportSite
    root: str = ""  # the package folder the file was read in


@dataclass(frozen=True, slots=True)
class ScannedFile:
    """One file of the package's reachable code: its path inside the package, its size, the
    packages its text seems to import (``names``), and its parsed import sites once some were
    needed; until then, ``mentions``: every name, not a builtin's, quoted where an import site can
    stand (see ``_IMPORT_LIKE``: any import site's package that is not a builtin is among them)."""

    path: str
    size: int
    names: tuple[str, ...]
    sites: tuple[ImportSite, ...] | None = None
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PackageScan:
    """The reachable files of one package, in the order they were read."""

    files: tuple[ScannedFile, ...]
    cacheable: bool = True  # False when a reachable file lies outside the package folder


class ScanStore(Protocol):
    """Where scans are kept between runs: bytes by key; a missing or unreadable entry is None."""

    def get(self, key: str) -> bytes | None: ...

    def put(self, key: str, data: bytes) -> None: ...


def _targets(value: Any) -> Iterator[str]:
    """Every string target of an ``exports`` value (conditions and arrays included, patterns skipped)."""
    if isinstance(value, str):
        if "*" not in value:
            yield value
    elif isinstance(value, list):
        for item in value:
            yield from _targets(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("types", "typings") or key.endswith(".d.ts"):
                continue
            yield from _targets(item)


def entry_files(fs: FileSystem, resolver: Resolver, instance: Instance) -> list[str]:
    """The files a consumer of the package can load first."""
    return _entry_files(fs, resolver, instance.path)


def own_manifest(fs: FileSystem, folder: str) -> dict[str, Any]:
    """The package.json of ``folder`` itself (empty when it has none, or not a JSON object): what
    node reads for the folder's ``main`` and ``exports``, and what the package manager read for its
    dependencies. An instance's manifest may be another record: read from the lockfile (no
    ``exports`` nor ``bin``, and only the fields the lockfile keeps), or a manifest the graph took
    from elsewhere."""
    data = read_json(fs, f"{folder}/package.json")
    return data if isinstance(data, dict) else {}


def _entry_files(fs: FileSystem, resolver: Resolver, folder: str) -> list[str]:
    """The package's ``main`` (or index), ``exports`` targets and ``bin`` files, as its own
    package.json names them."""
    files = []
    main = resolver.load_folder(folder)
    if main is not None:
        files.append(main)
    manifest = own_manifest(fs, folder)
    for target in _targets(manifest.get("exports")):
        if target.startswith("./"):
            path = posixpath.normpath(posixpath.join(folder, target))
            stat = fs.stat(path)
            if stat is not None and language_for(path) is not None:
                files.append(fs.realpath(path))
    bins = manifest.get("bin")
    for target in bins.values() if isinstance(bins, dict) else [bins] if isinstance(bins, str) else []:
        if isinstance(target, str):
            path = posixpath.normpath(posixpath.join(folder, target))
            if fs.stat(path) is not None:
                files.append(fs.realpath(path))
    return list(dict.fromkeys(files))


def scan_package(
    fs: FileSystem,
    resolver: Resolver,
    folder: str,
    known: frozenset[str] | set[str] = frozenset(),
    installed: frozenset[str] | None = None,
    *,
    guards: bool = True,
) -> PackageScan:
    """Walk the package's reachable code once; files naming a package outside ``known`` are parsed
    (only those naming one of ``installed``, when given: the others are parsed later if asked).
    ``guards``: True for every flag ``parse_imports`` sets; False for the sites a ``ScanStore``
    keeps (see ``_parse_sites``)."""
    files: list[ScannedFile] = []
    cacheable = True
    entries = _entry_files(fs, resolver, folder)
    walked = (
        _native.walk(folder, entries, SOURCE_SUFFIXES, MAX_FILES_PER_PACKAGE, MAX_PARSED_BYTES)
        if _native is not None and on_host(fs)
        else _python_walk(fs, folder, entries)
    )
    for file, source, bare in walked:
        names = tuple(dict.fromkeys(name for item in bare if (name := _package_of(item)) is not None))
        sites: tuple[ImportSite, ...] | None = None
        mentions: tuple[str, ...] = ()
        if any(name not in known for name in names):
            mentions = _mentions(source)
            if installed is None or len(mentions) > MAX_MENTIONS or _worth_parsing(mentions, known, installed):
                sites, mentions = _parse_sites(source, file, guards=guards), ()
        inside = file.startswith(folder + "/")
        cacheable = cacheable and inside
        files.append(ScannedFile(file[len(folder) + 1 :] if inside else file, len(source), names, sites, mentions))
    return PackageScan(tuple(files), cacheable)


def _python_walk(fs: FileSystem, folder: str, entries: list[str]) -> list[tuple[str, bytes, list[str]]]:
    """The package's reachable source files from ``entries``, each with its bytes and the
    specifiers it names that are neither relative nor paths (in the order of the text): entries
    first, then the relative modules they require, transitively, inside ``folder``. A file larger
    than ``MAX_PARSED_BYTES`` (a bundle) is not read; the walk stops once it has seen more than
    ``MAX_FILES_PER_PACKAGE`` files. ``_codewalk.walk`` does the same on the host's files."""
    pending = list(entries)
    seen = set(pending)
    walked: list[tuple[str, bytes, list[str]]] = []
    inside_root = folder + "/"
    probed: dict[str, str | None] = {}  # a module most files of a folder require (./utils) is probed once
    bases: dict[tuple[str, str], str] = {}  # and its path made once per folder
    sizes: dict[str, int] = {}  # of the files found by probing: not asked of the filesystem again
    while pending and len(seen) <= MAX_FILES_PER_PACKAGE:
        file = pending.pop()
        if language_for(file) is None:
            continue
        size = sizes.get(file)
        if size is None:
            stat = fs.stat(file)
            size = stat.size if stat is not None else None
        if size is not None and size > MAX_PARSED_BYTES:
            continue  # a bundle: known by its size, not read
        try:
            source = fs.read_bytes(file)
        except FileSystemError:
            continue
        if len(source) > MAX_PARSED_BYTES:
            continue
        here = posixpath.dirname(file)
        bare: list[str] = []
        for specifier in _candidates(source):
            if specifier.startswith(("./", "../")):
                base = bases.get((here, specifier))
                if base is None:
                    base = bases[here, specifier] = _relative_base(here, specifier)
                if base != folder and not base.startswith(inside_root):
                    continue  # a file outside the package is not followed: no need to look for it
                found = probed[base] if base in probed else probed.setdefault(base, _probe(fs, base, sizes))
                if found is None or found in seen or not found.startswith(inside_root):
                    continue
                seen.add(found)
                pending.append(found)
            elif not specifier.startswith((".", "/")):  # a path names no package
                bare.append(specifier)
        walked.append((file, source, bare))
    return walked


def _parse_sites(source: bytes, file: str, *, guards: bool) -> tuple[ImportSite, ...]:
    """The file's import sites. ``guards=False``: as a ``ScanStore`` keeps them, with one flag,
    ``guarded``: nothing fails where the package is not found, for the site is inside a ``try``
    block (or an ``import().catch`` chain) or inside a function nothing in its file calls. Found
    while the file is parsed (in a pool's process), so that no file is parsed a second time for
    them; for every site, whatever the project asks later (scans are shared by projects)."""
    if guards:
        return tuple(parse_imports(source, file, guards=True))
    return tuple(
        ImportSite(site.specifier, site.kind, site.line, site.column, guarded=site.guarded)  # what is kept
        for site in parse_imports(source, file, guards=False, held=_every)
    )


def _every(_specifier: str) -> bool:
    return True


_package_of = lru_cache(maxsize=8192)(package_of)  # a tree's files name the same few hundred packages


def _candidates(source: bytes) -> list[str]:
    """``_SPECIFIER``'s matches in ``source``, found from the keywords' positions: ``bytes.find``
    skips the text between them at memory speed, where the regex alone tries every position (the
    same matches, in the same order: every match starts at one of the keywords)."""
    starts: list[int] = []
    for word in (b"require", b"import", b"from"):
        index = source.find(word)
        while index != -1:
            starts.append(index)
            index = source.find(word, index + 1)
    starts.sort()
    found: list[str] = []
    end = 0
    for start in starts:
        if start < end:
            continue
        match = _SPECIFIER.match(source, start)
        if match is not None:
            found.append(match.group(2).decode("utf-8", "replace"))
            end = match.end()
    return found


def _mentions(source: bytes) -> tuple[str, ...]:
    """The names ``_IMPORT_LIKE`` finds, builtins left out (``package_of`` is None for them: such a
    site is never a package's) and so are those on a commented line (``_commented``). Matched from
    the keywords' positions, as ``_candidates`` does."""
    found: set[str] = set()
    for word in (b"require", b"import", b"from"):
        index = source.find(word)
        while index != -1:
            match = _IMPORT_LIKE.match(source, index)
            if match is not None and not _commented(source, index):
                found.add(match.group(1).decode("ascii"))
            index = source.find(word, index + 1)
    return tuple(sorted(name for name in found if builtin_name(name) is None))


def _commented(source: bytes, index: int) -> bool:
    """Whether the text before ``index`` on its line puts it in a comment: the line opens with
    ``//`` (a comment, or text inside a string or template that spans lines: no import site either),
    or with ``*`` or ``/*`` inside a block comment no ``*/`` has closed yet (the usage examples of
    doc comments: a bundle quoting ``require('picomatch')`` there would otherwise be parsed whole)."""
    start = source.rfind(b"\n", 0, index) + 1
    head = source[start:index].lstrip()
    if head.startswith(b"//"):
        return True
    if not head.startswith((b"*", b"/*")) or b"*/" in head:
        return False
    return source.rfind(b"/*", 0, index) > source.rfind(b"*/", 0, index)


def _worth_parsing(
    mentions: Iterable[str], known: set[str] | frozenset[str], installed: frozenset[str] | set[str]
) -> bool:
    """Whether the file can import an undeclared package that is installed: only such an import
    can be a phantom dependency (one of a package installed nowhere fails, and is not judged here)."""
    return any(name in installed and name not in known for name in mentions)


def _imports(
    fs: FileSystem,
    folder: str,
    scan: PackageScan,
    known: set[str] | frozenset[str],
    installed: frozenset[str] | set[str] | None = None,
    *,
    guards: bool = True,
) -> tuple[list[PackageImport], PackageScan | None]:
    """The imports of ``scan`` naming a package outside ``known``, and the scan again when files
    had to be parsed now (it is then worth storing). With ``installed`` (the names installed in the
    tree), a file not parsed yet is parsed only when it quotes one of them."""
    found: list[PackageImport] = []
    updated: list[ScannedFile] = []
    changed = False
    for item in scan.files:
        file = item.path if item.path.startswith("/") else f"{folder}/{item.path}"
        if not any(name not in known for name in item.names):
            updated.append(item)
            continue
        sites = item.sites
        if sites is None and installed is not None and not _worth_parsing(item.mentions, known, installed):
            updated.append(item)
            continue
        if sites is None:
            try:
                sites = _parse_sites(fs.read_bytes(file), file, guards=guards)
            except FileSystemError:
                sites = ()
            item = ScannedFile(item.path, item.size, item.names, sites)  # parsed: mentions not needed
            changed = True
        updated.append(item)
        found.extend(PackageImport(file, site, folder) for site in sites if _unknown(site.specifier, known))
    return found, PackageScan(tuple(updated), scan.cacheable) if changed else None


def package_imports(fs: FileSystem, resolver: Resolver, instance: Instance, known: set[str]) -> Iterator[PackageImport]:
    """Bare imports in the package's reachable code that name a package outside ``known``.

    Files whose text mentions only ``known`` packages (or none) are followed for their relative
    imports but not parsed.
    """
    scan = scan_package(fs, resolver, instance.path, frozenset(known))
    yield from _imports(fs, instance.path, scan, known)[0]


_PROBES = ("", ".js", ".cjs", ".mjs", ".json", "/index.js", "/index.cjs", "/index.mjs")


def _relative_base(folder: str, specifier: str) -> str:
    return posixpath.normpath(posixpath.join(folder, specifier.split("?", 1)[0]))


def _probe(fs: FileSystem, base: str, sizes: dict[str, int]) -> str | None:
    """The file a relative require or import most likely loads (node's probing, without ``main``):
    enough to follow the package's own modules, which is all this walk needs. Its size goes to
    ``sizes``."""
    for suffix in _PROBES:
        stat = fs.stat(base + suffix)
        if stat is not None and stat.kind is Kind.FILE:
            sizes[base + suffix] = stat.size
            return base + suffix
    return None


def _unknown(specifier: str, known: set[str] | frozenset[str]) -> bool:
    name = package_of(specifier)
    return name is not None and name not in known


def _known(instance: Instance) -> frozenset[str]:
    return frozenset(known_names(instance))


def known_names(instance: Instance) -> set[str]:
    """The names an installed package may import: those its ``manifest.declared(include_dev=False)``
    lists (dependencies, optional and peer dependencies) and its own, read without building the
    declarations (a tree asks this of every package)."""
    manifest = instance.manifest
    names = {name for name, _ in manifest.dependencies}
    names.update(name for name, _ in manifest.optional_dependencies)
    names.update(name for name, _ in manifest.peer_dependencies)
    names.add(instance.name)
    return names


def encode_scan(scan: PackageScan) -> bytes:
    names, files = _entry(scan)
    return json.dumps({"format": SCAN_FORMAT, "names": names, "files": files}, separators=(",", ":")).encode()


def _entry(scan: PackageScan) -> tuple[list[str], list[list[Any]]]:
    """The names all the scan's files import, and its rows, as JSON holds them."""
    files = [
        [
            item.path,
            item.size,
            list(item.names),
            None if item.sites is None else [_site(site) for site in item.sites],
            list(item.mentions),
        ]
        for item in scan.files
    ]
    return sorted({name for item in scan.files for name in item.names}), files  # names: read without the rows


def _site(site: ImportSite) -> list[Any]:
    return [site.specifier, site.kind.value, site.line, site.column, int(site.guarded)]


def decode_scan(data: bytes) -> PackageScan | None:
    """The scan stored in ``data``, or None when it is not one this version wrote."""
    stored = _read_entry(data)
    return None if stored is None else _decode_rows(stored)


@dataclass(frozen=True, slots=True)
class _Stored:
    """A scan as ``encode_scan`` wrote it (read from the store, or sent back by a pool process),
    its rows as JSON left them: most packages' files name only what the package declares
    (``names``, all files together), and those need no file decoded."""

    rows: list[Any]
    names: frozenset[str]
    cacheable: bool = True


def _read_entry(data: bytes, *, cacheable: bool = True) -> _Stored | None:
    """The rows of an entry this version wrote (checked row by row only when decoded, or by
    ``_still_valid``), and the names they hold; None for another version's or a damaged entry."""
    try:
        document = json.loads(data)
        if document.get("format") != SCAN_FORMAT:
            return None
        return _stored(document["names"], document["files"], cacheable)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _stored(names: Any, rows: Any, cacheable: bool = True) -> _Stored | None:
    if type(rows) is not list or type(names) is not list:
        return None
    try:
        "".join(names)  # every name a string (join refuses any other), checked at C speed
    except TypeError:
        return None
    return _Stored(rows, frozenset(names), cacheable)


def _pack_key(project: str) -> str:
    """Where the pack of a project's scans is kept: one per project folder, rewritten in place."""
    return cache_key(__version__, SCAN_FORMAT, "pack", project)


def _read_pack(data: bytes | None) -> dict[str, Any]:
    """The entries of a pack (``PackageCode.flush``) by scan key; empty for another version's or a
    damaged pack (each entry is checked as a single entry is, when it is used)."""
    return read_pack(data, SCAN_FORMAT)


def _decode_rows(stored: _Stored) -> PackageScan | None:
    try:
        files = tuple(
            ScannedFile(
                str(path),
                int(size),
                tuple(str(name) for name in names),
                None
                if sites is None
                else tuple(ImportSite(str(a), ImportKind(b), int(c), int(d), e == 1) for a, b, c, d, e in sites),
                tuple(str(name) for name in mentions),
            )
            for path, size, names, sites, mentions in stored.rows
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return PackageScan(files, stored.cacheable)


def _scan_key(fs: FileSystem, instance: Instance) -> str | None:
    """The identity of the package's files as far as a scan can tell: name, version and the bytes
    of its package.json (the sizes of the files read are checked when the entry is used)."""
    try:
        manifest = fs.read_bytes(instance.path + "/package.json")
    except FileSystemError:
        return None
    key = f"{__version__}\0{SCAN_FORMAT}\0{instance.name}\0{instance.version}\0"
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass"))  # a name may hold lone surrogates
    digest.update(manifest)
    return digest.hexdigest()


def _still_valid(fs: FileSystem, folder: str, stored: _Stored) -> bool:
    """Whether every file the scan read is still a file of the size it had (a row that is not a
    path and a size, in a damaged entry, is not)."""
    if on_host(fs):
        return files_of_sizes(folder, stored.rows)
    try:
        for row in stored.rows:
            path, size = row[0], row[1]
            if type(path) is not str or type(size) is not int:
                return False
            stat = fs.stat(path if path.startswith("/") else f"{folder}/{path}")
            if stat is None or stat.kind is not Kind.FILE or stat.size != size:
                return False
    except (TypeError, KeyError, IndexError):
        return False
    return True


def _installed_above(fs: FileSystem, project: str) -> set[str]:
    """Names in the node_modules folders above the project, which node also searches."""
    names: set[str] = set()
    folder = posixpath.dirname(project)
    while True:
        modules = f"{folder.rstrip('/')}/node_modules"
        try:
            entries = fs.listdir(modules)
        except FileSystemError:
            entries = ()
        for entry in entries:
            if not entry.startswith("@"):
                names.add(entry)
                continue
            with contextlib.suppress(FileSystemError):
                names.update(f"{entry}/{child}" for child in fs.listdir(f"{modules}/{entry}"))
        if folder == "/":
            return names
        folder = posixpath.dirname(folder)


# Set once in each pool process (its initializer): the installed names, and the store when pool
# processes may write to it themselves.
_WORKER: list[tuple[frozenset[str] | None, ScanStore | None, DiskFS]] = []


def _start_worker(installed: frozenset[str] | None, store: ScanStore | None) -> None:
    _WORKER.append((installed, store, DiskFS()))  # one snapshot of the host's files per process


# The jobs of the pool being started, when its processes are forked: they find them here, inherited,
# and are sent only where each chunk starts and ends (the manifests are not pickled to them).
_FORKED_JOBS: list[tuple[str, frozenset[str], str | None]] = []


def _scan_chunk(jobs: list[tuple[str, frozenset[str], str | None]] | tuple[int, int]) -> list[tuple[bytes, bool]]:
    if isinstance(jobs, tuple):
        jobs = _FORKED_JOBS[jobs[0] : jobs[1]]
    return [_scan_on_disk(job) for job in jobs]


def _scan_on_disk(job: tuple[str, frozenset[str], str | None]) -> tuple[bytes, bool]:
    """A process pool's unit of work: one package of the host filesystem, stored by the process
    itself when it can (the writes run in parallel), sent back encoded (bytes cross the process
    boundary much faster than the objects they stand for)."""
    folder, known, store_key = job
    installed, store, fs = _WORKER[-1]
    scan = scan_package(fs, Resolver(fs), folder, known, installed, guards=False)
    data = encode_scan(scan)
    if store is not None and store_key is not None and scan.cacheable:
        store.put(store_key, data)
    return data, scan.cacheable


class _Batch(Protocol):
    """Scans begun by ``PackageCode._submit``."""

    def results(self) -> list[PackageScan | _Stored]:
        """The scans, in the order asked, once each is made (and stored)."""
        ...

    def cancel(self) -> None: ...


class _SerialBatch:
    """Scans made in this process when their results are asked for."""

    def __init__(
        self, code: PackageCode, instances: list[Instance], keys: list[str | None], installed: frozenset[str] | None
    ) -> None:
        self.code, self.instances, self.keys, self.installed = code, instances, keys, installed

    def results(self) -> list[PackageScan | _Stored]:
        code = self.code
        resolver = code._resolver = code._resolver or Resolver(code.fs)
        scans: list[PackageScan | _Stored] = []
        for instance in self.instances:
            known = _known(instance)
            scans.append(scan_package(code.fs, resolver, instance.path, known, self.installed, guards=False))
        code._put_all(
            (key, encode_scan(scan))
            for scan, key in zip(scans, self.keys, strict=True)
            if key is not None and scan.cacheable
        )
        return scans

    def cancel(self) -> None:
        pass


class _PoolBatch:
    """Scans made by a process pool's processes, chunk by chunk, while this process goes on."""

    def __init__(
        self, code: PackageCode, keys: list[str | None], futures: list[Any], pool: Any, *, stored_by_workers: bool
    ) -> None:
        self.code, self.keys, self.futures, self.pool = code, keys, futures, pool
        self.stored_by_workers = stored_by_workers

    def results(self) -> list[PackageScan | _Stored]:
        sent = [item for future in self.futures for item in future.result()]
        # The work is done: the pool is shut down and its thread joined here. A pool told to shut
        # down earlier (wait=False) forgets its thread, which then ends on its own, racing Python
        # 3.11's exit hook: that hook can wake a pipe the thread has just closed, and prints
        # "OSError: [Errno 9] Bad file descriptor" (seen under load, about one run in twenty).
        self.pool.shutdown(wait=True)
        found: list[PackageScan | _Stored] = []
        entries: list[tuple[str, bytes]] = []
        for (data, cacheable), key in zip(sent, self.keys, strict=True):
            if not self.stored_by_workers and key is not None and cacheable:
                entries.append((key, data))
            stored = _read_entry(data, cacheable=cacheable)
            assert stored is not None  # encode_scan wrote it
            found.append(stored)
        self.code._put_all(entries)
        return found

    def cancel(self) -> None:
        # the chunks already running end soon (each is a few packages); joined for the reason above
        self.pool.shutdown(wait=True, cancel_futures=True)


class PackageCode:
    """The scans of one run: each name@version looked up in the store once, the misses scanned
    (in parallel on the host filesystem when there are many), new or grown scans stored back."""

    def __init__(self, fs: FileSystem, store: ScanStore | None = None, *, workers: int | None = None) -> None:
        self.fs = fs
        self.store = store
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self._scans: dict[tuple[str, str], tuple[PackageScan | _Stored, str | None]] = {}
        self._folders: dict[tuple[str, str], str] = {}  # where each scan's files were read
        self._installed: set[str] = set()
        self._tree_seen = False  # prepare() was told the tree: ``_installed`` may then filter parsing
        self._resolver: Resolver | None = None
        self._pack_key: str | None = None  # the project's pack, once prepare() was told the tree
        self._pack_stale = False  # what the pack holds is not what ``_scans`` holds: flush() rewrites it
        self._pending: list[tuple[list[tuple[Instance, str | None]], _Batch]] = []  # begun by start()

    def start(self, instances: Iterable[Instance]) -> None:
        """Begin ``prepare(instances)``: the packages are looked up now and the misses handed to a
        process pool when there are many (see ``_submit``), so that the run goes on with other
        work while they are scanned; ``prepare``, ``names`` and ``imports`` wait for them."""
        misses = self._look_up(list(instances))
        self._pending.append((misses, self._submit([item for item, _ in misses], [key for _, key in misses])))

    def prepare(self, instances: Iterable[Instance]) -> None:
        """Look up (and scan when missing) every package among ``instances``.

        Told the whole tree (the project among ``instances``), it reads the project's pack first:
        one entry holding the scans the last run of this project used (see ``flush``), so that a
        warm run reads one file, not one per package; what the pack lacks is looked up one by one."""
        self.start(instances)
        self._finish()

    def close(self) -> None:
        """Stop the scans ``start`` began and nobody waited for (a run that ends early)."""
        for _, batch in self._pending:
            batch.cancel()
        self._pending.clear()

    def _finish(self) -> None:
        """Wait for the scans ``start`` began, and keep them."""
        while self._pending:
            misses, batch = self._pending.pop(0)
            for (instance, store_key), scan in zip(misses, batch.results(), strict=True):
                self._scans[(instance.name, instance.version)] = (scan, store_key)
                self._pack_stale = self._pack_stale or (store_key is not None and scan.cacheable)

    def _look_up(self, instances: list[Instance]) -> list[tuple[Instance, str | None]]:
        """Find each package's scan in the pack or the store; the packages not found (each given a
        placeholder until ``_finish``) with the keys to store their scans under."""
        misses: list[tuple[Instance, str | None]] = []
        self._installed.update(instance.name for instance in instances)
        pack: dict[str, Any] = {}
        for instance in instances:
            if instance.is_project:
                self._installed.update(_installed_above(self.fs, instance.path))
                self._tree_seen = True
                if self.store is not None and self._pack_key is None:
                    self._pack_key = _pack_key(instance.path)
                    pack = _read_pack(self.store.get(self._pack_key))
        used = 0
        for instance in instances:
            key = (instance.name, instance.version)
            if instance.is_project or instance.is_workspace:
                continue
            if key in self._scans:
                continue
            self._folders[key] = instance.path
            store_key = _scan_key(self.fs, instance) if self.store is not None else None
            stored = None
            packed = pack.get(store_key) if store_key is not None else None
            if type(packed) is list and len(packed) == 2:
                stored = _stored(packed[0], packed[1])
                if stored is not None and not _still_valid(self.fs, instance.path, stored):
                    stored = None
                used += stored is not None
            if stored is None and self.store is not None and store_key is not None:
                data = self.store.get(store_key)
                stored = _read_entry(data) if data is not None else None
                if stored is not None and not _still_valid(self.fs, instance.path, stored):
                    stored = None
                self._pack_stale = self._pack_stale or stored is not None  # the pack lacks it
            if stored is not None:
                self._scans[key] = (stored, store_key)
            else:
                self._scans[key] = (PackageScan(()), store_key)  # placeholder, filled by _finish
                misses.append((instance, store_key))
        if used != len(pack):
            self._pack_stale = True  # it holds packages no longer installed: rewritten smaller
        return misses

    def relied_on(self) -> list[tuple[str, list[list[Any]]]]:
        """Each scan this run used: the package folder and the files it read, with their sizes
        (what ``vfs.disk.files_of_sizes`` checks, as a warm run checks a kept scan)."""
        found = []
        for key, (scan, _store_key) in self._scans.items():
            if isinstance(scan, _Stored):
                rows = [[row[0], row[1]] for row in scan.rows]
            else:
                rows = [[item.path, item.size] for item in scan.files]
            found.append((self._folders[key], rows))
        return found

    def flush(self) -> None:
        """Write the project's pack when it differs from the scans this run used: each package's
        entry is kept on its own as well (shared by every project that installs the package), the
        pack only saves a warm run of this project thousands of reads. A pack is never trusted
        more than an entry: each of its scans is checked against the files' sizes when used."""
        if self.store is None or self._pack_key is None or not self._pack_stale:
            return
        entries: dict[str, list[Any]] = {}
        for scan, store_key in self._scans.values():
            if store_key is None or not scan.cacheable:
                continue
            if isinstance(scan, _Stored):
                entries[store_key] = [sorted(scan.names), scan.rows]
            else:
                entries[store_key] = list(_entry(scan))
        document = {"format": SCAN_FORMAT, "entries": entries}
        self.store.put(self._pack_key, json.dumps(document, separators=(",", ":")).encode())
        self._pack_stale = False

    def _scan_all(self, instances: list[Instance], store_keys: list[str | None]) -> list[PackageScan | _Stored]:
        """The scans of ``instances``, stored under ``store_keys``."""
        return self._submit(instances, store_keys).results()

    def _submit(self, instances: list[Instance], store_keys: list[str | None]) -> _Batch:
        """The scans of ``instances`` (stored under ``store_keys``): begun over a process pool on
        the host filesystem when they are many, else made when asked."""
        installed = frozenset(self._installed) if self._tree_seen else None
        if on_host(self.fs) and self.workers > 1 and len(instances) >= POOL_THRESHOLD:
            from concurrent.futures import ProcessPoolExecutor  # only a cold scan of a large tree needs it

            shared = self.store if getattr(self.store, "process_safe", False) else None
            jobs = [(instance.path, _known(instance), key) for instance, key in zip(instances, store_keys, strict=True)]
            chunk = max(1, len(jobs) // (self.workers * 8))
            context = multiprocessing.get_context()
            forked = context.get_start_method() == "fork"  # the processes start at the first submit
            _FORKED_JOBS[:] = jobs if forked else []
            pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start_worker, initargs=(installed, shared)
            )
            futures = [
                pool.submit(_scan_chunk, (at, at + chunk) if forked else jobs[at : at + chunk])
                for at in range(0, len(jobs), chunk)
            ]
            _FORKED_JOBS.clear()
            return _PoolBatch(self, store_keys, futures, pool, stored_by_workers=shared is not None)
        return _SerialBatch(self, instances, store_keys, installed)

    def _put_all(self, entries: Iterable[tuple[str, bytes]]) -> None:
        """Store ``entries`` at once where the store can (one transaction), else one by one."""
        entries = list(entries)
        if self.store is None or not entries:
            return
        put_many = getattr(self.store, "put_many", None)
        if put_many is not None:
            put_many(entries)
            return
        for key, data in entries:
            self.store.put(key, data)

    def _save(self, store_key: str | None, scan: PackageScan) -> None:
        if self.store is not None and store_key is not None and scan.cacheable:
            self.store.put(store_key, encode_scan(scan))

    def names(self, instance: Instance) -> frozenset[str]:
        """The packages the package's reachable code seems to import (what its files name)."""
        self._finish()
        key = (instance.name, instance.version)
        if key not in self._scans:
            self.prepare([instance])
        scan, _store_key = self._scans[key]
        if isinstance(scan, _Stored):
            return scan.names
        return frozenset(name for file in scan.files for name in file.names)

    def imports(self, instance: Instance, known: set[str]) -> list[PackageImport]:
        """Bare imports in the package's reachable code naming a package outside ``known``."""
        self._finish()
        key = (instance.name, instance.version)
        if key not in self._scans:
            self.prepare([instance])
        scan, store_key = self._scans[key]
        if isinstance(scan, _Stored):
            if scan.names <= known:
                return []  # no file names a package outside ``known``: nothing to decode
            decoded = _decode_rows(scan)
            if decoded is None:  # an entry of the right shape holding bad sites: scanned again
                rescanned = self._scan_all([instance], [store_key])[0]
                self._pack_stale = True
                decoded = rescanned if isinstance(rescanned, PackageScan) else _decode_rows(rescanned)
                assert decoded is not None
            scan = decoded
            self._scans[key] = (scan, store_key)
        installed = self._installed if self._tree_seen else None
        found, updated = _imports(self.fs, instance.path, scan, known, installed, guards=False)
        if updated is not None:
            self._scans[key] = (updated, store_key)
            self._save(store_key, updated)
            self._pack_stale = True
        return found
