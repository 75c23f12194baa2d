"""Fuzzing the asar header reader: any input gives an AsarError or a view whose every answer is a
value or a FileSystemError, and nothing is read outside the archive's bytes.

Bounded: a few hundred examples per property, small inputs, no deadline flakiness (``deadline=None``
with ``max_examples`` keeping the whole module to seconds).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import struct
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nmdoctor.archive.asar_checks import asar_findings
from nmdoctor.archive.compare import Side, self_check_archive
from nmdoctor.archive.imports import app_imports
from nmdoctor.inspect.tree import TreeError, read_installed_tree
from nmdoctor.resolve import Resolver
from nmdoctor.vfs import FileSystemError, Kind
from nmdoctor.vfs.asar import AsarError, AsarFS
from tests.unit.archives.builders import build_asar, pickle_header, seed_tree

M = "/x.asar"
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Guarded(io.BytesIO):
    """Records every read so that the test can check none goes past the end."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.size = len(data)
        self.furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self.tell()
        assert size is not None and size >= 0, "unbounded read"
        assert start + size <= self.size, f"read past the end: {start}+{size} > {self.size}"
        chunk = super().read(size)
        self.furthest = max(self.furthest, start + len(chunk))
        return chunk


def open_or_refuse(blob: bytes) -> AsarFS | None:
    try:
        return AsarFS(Guarded(blob), M, "fuzz.asar")
    except AsarError as error:
        assert str(error).startswith("fuzz.asar: ")
        assert "\n" not in str(error)
        return None


def walk_everything(fs: AsarFS) -> None:
    """Ask every question of every entry; only values and FileSystemErrors may come back."""
    for entry in fs.entries():
        path = f"{M}/{entry.path}" if entry.path else M
        lstat = fs.lstat(path)
        assert lstat is not None and lstat.kind is entry.kind
        stat = fs.stat(path)
        try:
            real = fs.realpath(path)
            assert real == M or real.startswith(M + "/")
        except FileSystemError:
            assert stat is None
        if stat is not None and stat.kind is Kind.FILE:
            try:
                assert len(fs.read_bytes(path)) == stat.size
            except FileSystemError:
                assert fs.is_unpacked(path)
        elif stat is not None:
            fs.listdir(path)
        if entry.kind is Kind.SYMLINK:
            fs.readlink(path)
        fs.integrity_problem(entry)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(blob: bytes) -> None:
    fs = open_or_refuse(blob)
    if fs is not None:
        walk_everything(fs)


@FUZZ
@given(
    st.integers(0, 2**32 - 1),
    st.integers(0, 2**32 - 1),
    st.integers(0, 2**32 - 1),
    st.binary(max_size=120),
)
def test_random_pickle_sizes(header_size: int, payload: int, length: int, rest: bytes) -> None:
    blob = (4).to_bytes(4, "little") + header_size.to_bytes(4, "little")
    blob += payload.to_bytes(4, "little") + length.to_bytes(4, "little") + rest
    fs = open_or_refuse(blob)
    if fs is not None:
        walk_everything(fs)


# Mostly well-formed pieces, so that most examples get past the header checks and exercise the
# view and the layers above; a few bad ones, so that every refusal is reached too.
GOOD_NAMES = ["a", "b", "node_modules", "package.json", "index.js", "x.node", "@s"]
names = st.sampled_from(GOOD_NAMES * 4 + ["..", ".", "", "a/b"])
links = st.sampled_from(
    ["a", "b", "node_modules/a", "", ".", "a/./b", "package.json", "node_modules", "@s/a"] * 3
    + ["..", "../a", "/a", "a/../.."]
)
offsets = st.one_of(
    st.sampled_from(["0", "3", "9", "10", "80"]), st.sampled_from(["-1", "x", "", "01"]), st.integers(-2, 12)
)
sizes = st.one_of(st.integers(0, 12), st.sampled_from([-1, True, 1.5, 10**6]))
integrities = st.one_of(
    st.none(),
    st.just("x"),
    st.fixed_dictionaries(
        {
            "algorithm": st.sampled_from(["SHA256", "MD5"]),
            "hash": st.sampled_from(["0" * 64, "zz"]),
            "blockSize": st.integers(-1, 8),
            "blocks": st.lists(st.sampled_from(["0" * 64, "a"]), max_size=3),
        }
    ),
)
FILE_FIELDS: dict[str, st.SearchStrategy[Any]] = {"size": sizes, "offset": offsets}
FILE_EXTRAS: dict[str, st.SearchStrategy[Any]] = {
    "unpacked": st.booleans(),
    "integrity": integrities,
    "executable": st.booleans(),
}
LINK_FIELDS: dict[str, st.SearchStrategy[Any]] = {"link": st.one_of(links, st.integers())}
leaves = st.one_of(
    st.fixed_dictionaries(FILE_FIELDS, optional=FILE_EXTRAS),
    st.fixed_dictionaries(LINK_FIELDS, optional={"unpacked": st.booleans()}),
)
nodes: Any = st.recursive(
    leaves,
    lambda children: st.fixed_dictionaries(
        {"files": st.dictionaries(names, children, max_size=4)},
        optional={"unpacked": st.booleans()},
    ),
    max_leaves=12,
)


MANIFEST = b'{"name": "app", "main": "a", "dependencies": {"a": "1", "b": "2", "node_modules": "3"}}'


@FUZZ
@given(st.dictionaries(names, nodes, max_size=5))
def test_structured_headers(files: dict[str, Any]) -> None:
    files = {"package.json": {"size": len(MANIFEST), "offset": "0"}, **files}
    fs = open_or_refuse(pickle_header({"files": files}) + MANIFEST)
    if fs is None:
        return
    walk_everything(fs)
    # The layers above run on whatever the header holds.
    try:
        graph = read_installed_tree(fs, M)
    except TreeError:
        return  # the app's own package.json is not readable: the command's exit 2
    Resolver(fs).resolve("a", f"{M}/index.js")
    self_check_archive(Side(graph, fs, app_imports(fs, graph)))
    asar_findings(fs, graph)


VALID = build_asar(seed_tree())
VALID_HEADER = json.loads(VALID[16 : 16 + struct.unpack_from("<I", VALID, 12)[0]])
VALID_DATA = VALID[8 + struct.unpack_from("<I", VALID, 4)[0] :]


def _nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    found = [node]
    for child in node.get("files", {}).values():
        found += _nodes(child)
    return found


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.integers(0, 40),
            st.sampled_from(["size", "offset", "link", "unpacked", "files", "integrity"]),
            st.one_of(sizes, offsets, links, st.booleans(), st.just({}), integrities),
        ),
        max_size=4,
    ),
    st.one_of(st.just(len(VALID_DATA)), st.integers(0, len(VALID_DATA))),
)
def test_mutated_real_layout(edits: list[tuple[int, str, Any]], cut: int) -> None:
    """The seed's archive with header fields replaced and its data cut short."""
    header = copy.deepcopy(VALID_HEADER)
    every = _nodes(header)
    for index, field, value in edits:
        every[index % len(every)][field] = value
    fs = open_or_refuse(pickle_header(header) + VALID_DATA[:cut])
    if fs is not None:
        walk_everything(fs)
        with contextlib.suppress(TreeError):  # the app's package.json mutated away: the command's exit 2
            graph = read_installed_tree(fs, M)
            self_check_archive(Side(graph, fs, app_imports(fs, graph)))
