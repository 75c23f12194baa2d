"""The bounds of vfs/limits.py, through the loaders that use them: depth, aliases, headers, blocks."""

from __future__ import annotations

import json
import tarfile
import time

import pytest

from nmdoctor.lockfiles.model import LockfileError
from nmdoctor.lockfiles.yarn import parse_yarn_v1
from nmdoctor.model.manifest import ManifestError, parse_manifest
from nmdoctor.vfs.asar import AsarFS
from nmdoctor.vfs.limits import MAX_DEPTH, LimitError, load_json, yaml_needs_scan
from nmdoctor.vfs.tarfs import TarError, TarFS
from nmdoctor.yamlio import YAMLError, load_yaml
from tests.unit.archives.builders import integrity, pickle_header


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def test_json_depth_is_bounded_exactly() -> None:
    assert load_json(nested(MAX_DEPTH)) is not None
    with pytest.raises(LimitError):
        load_json(nested(MAX_DEPTH + 1))
    # Brackets inside strings are not nesting.
    assert load_json(json.dumps({"a": "[" * 10_000, "b": '\\"[' * 1000})) is not None
    with pytest.raises(LimitError):
        load_json('{"a": "\\"]]]]", "b": ' + nested(100_000) + "}")


def test_a_deep_package_json_is_a_manifest_error() -> None:
    with pytest.raises(ManifestError, match="nested deeper"):
        parse_manifest(('{"a":' * 100_000 + "1" + "}" * 100_000).encode())


def test_workspaces_that_are_not_a_list_are_ignored_by_the_manifest() -> None:
    assert parse_manifest(b'{"name": "a", "workspaces": 5}').workspaces == ()


@pytest.mark.parametrize(
    "text",
    [
        "a: " + nested(50_000),
        "a: " + "{b: " * 50_000 + "1" + "}" * 50_000,
        "- " * 30_000 + "x",
        "".join(" " * index + "a:\n" for index in range(600)) + " " * 600 + "b: 1\n",
    ],
)
def test_yaml_depth_is_bounded_before_the_c_composer(text: str) -> None:
    with pytest.raises(YAMLError, match="nested deeper"):
        load_yaml(text)


def test_yaml_alias_expansion_is_bounded() -> None:
    deps = "{" + ", ".join(f"d{index}: '1'" for index in range(1000)) + "}"
    quadratic = f"base: &deps {deps}\n" + "".join(f"p{index}: *deps\n" for index in range(1000))
    start = time.perf_counter()
    with pytest.raises(YAMLError, match="aliases expand"):
        load_yaml(quadratic)
    assert time.perf_counter() - start < 5
    laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    laughs += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]" for i in range(8)]
    with pytest.raises(YAMLError, match="aliases expand"):
        load_yaml("\n".join(laughs))


def test_ordinary_yaml_with_anchors_still_loads() -> None:
    compose = "x-env: &env {A: 1}\nservices:\n  web: {environment: *env}\n  worker: {environment: *env}\n"
    assert load_yaml(compose)["services"]["worker"]["environment"] == {"A": 1}
    lockfile = "lockfileVersion: '9.0'\npackages:\n  a@1.0.0:\n    resolution: {integrity: sha512-x}\n"
    assert not yaml_needs_scan(lockfile)


def test_a_big_lockfile_of_one_line_flows_is_not_scanned_but_hidden_nesting_is() -> None:
    # pnpm writes a {integrity: ...} and an engines: {node: '>=6'} per package: one level each.
    lockfile = "lockfileVersion: '9.0'\npackages:\n" + "".join(
        f"  p{index}@1.0.0:\n    resolution: {{integrity: sha512-x}}\n    engines: {{node: '>=6'}}\n"
        for index in range(500)
    )
    assert not yaml_needs_scan(lockfile)
    deep = "[" * 30_000 + "1" + "]" * 30_000
    for disguised in (
        lockfile + f"x: [a 'b, {deep}, c']\n",  # a quote inside a plain scalar
        lockfile + f"x: ['{']' * 300}', {deep}]\n",  # closing brackets inside a quoted scalar
        lockfile + "x:\n" + "".join("  " + "[" * 100 + "\n" for _ in range(300)),  # a flow over lines
        lockfile + f"x: 1 # {']' * 300}\ny: {deep}\n",
    ):
        with pytest.raises(YAMLError, match="nested deeper"):
            load_yaml(disguised)


def test_yarn_v1_unknown_escape_names_the_line() -> None:
    with pytest.raises(LockfileError, match=r"yarn.lock:4: cannot read"):
        parse_yarn_v1('# yarn lockfile v1\n\n"a@^1":\n  version "1.0\\q"\n', "yarn.lock")
    with pytest.raises(LockfileError, match="cannot read the entry"):
        parse_yarn_v1('"a@^1\\x":\n  version "1.0.0"\n', "yarn.lock")


def test_tar_extended_header_size_is_bounded() -> None:
    header = tarfile.TarInfo("././@PaxHeader")
    header.type = tarfile.XHDTYPE
    header.size = 1536 * 1024 * 1024
    with pytest.raises(TarError, match="extended header of 1610612736 bytes"):
        TarFS(header.tobuf(format=tarfile.USTAR_FORMAT) + b"\0" * 1024, "/m")


def test_asar_integrity_with_one_byte_blocks_is_a_mismatch_without_hashing_each_byte() -> None:
    content = b"x" * (8 << 20)
    entry = {"size": len(content), "offset": "0", "integrity": {**integrity(content), "blockSize": 1}}
    asar = AsarFS(pickle_header({"files": {"big": entry}}) + content, "/m", "app.asar")
    start = time.perf_counter()
    problem = asar.integrity_problem(asar._entries["big"])
    assert problem == "the file's block hashes differ from its integrity blocks"
    assert time.perf_counter() - start < 2
