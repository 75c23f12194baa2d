"""PnP pieces that need no install: the inlined state, virtual paths, zip paths, locators by path.

The expected values are yarn 4.18.1's (fslib's VirtualFS.resolveVirtual and getArchivePart, read
from the runtime .pnp.cjs ships); whole resolutions are compared with the real runtime in
tests/installs/test_pnp_runtime.py."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from nmdoctor.resolve.node.pnp import PnpResolver
from nmdoctor.resolve.node.pnp_state import Locator, PnpError, parse_pnp_state, read_pnp_state, state_text_from_cjs
from nmdoctor.vfs import MemoryFS
from nmdoctor.vfs.pnpfs import PnpFS, archive_part, resolve_virtual

STATE = {
    "dependencyTreeRoots": [{"name": "app", "reference": "workspace:."}],
    "enableTopLevelFallback": True,
    "ignorePatternData": None,
    "fallbackExclusionList": [["app", ["workspace:."]]],
    "fallbackPool": [],
    "packageRegistryData": [
        [None, [[None, {"packageLocation": "./", "packageDependencies": [["a", "npm:1.0.0"]], "linkType": "SOFT"}]]],
        ["app", [["workspace:.", {
            "packageLocation": "./", "packageDependencies": [["a", "npm:1.0.0"]], "linkType": "SOFT",
        }]]],
        ["a", [["npm:1.0.0", {
            "packageLocation": "./.yarn/cache/a-npm-1.0.0-x.zip/node_modules/a/",
            "packageDependencies": [["a", "npm:1.0.0"], ["p", None]],
            "packagePeers": ["p"],
            "linkType": "HARD",
        }]]],
    ],
}  # fmt: skip


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def test_inlined_state_is_read_as_a_javascript_string() -> None:
    text = json.dumps({"k": "a\\'b"}, indent=2)
    escaped = text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\\n")
    cjs = f"#!/usr/bin/env node\nconst RAW_RUNTIME_STATE =\n'{escaped}';\nfunction $$SETUP_STATE() {{}}\n"
    assert json.loads(state_text_from_cjs(cjs, "x") or "") == {"k": "a\\'b"}
    assert state_text_from_cjs("const fs = require('fs');", "x") is None
    with pytest.raises(PnpError, match="never ends"):
        state_text_from_cjs("const RAW_RUNTIME_STATE = '{", "x")


def test_bad_state_is_one_line_error() -> None:
    with pytest.raises(PnpError, match="packageRegistryData is not a list of pairs"):
        parse_pnp_state({"packageRegistryData": 3}, "/p", "/p/.pnp.data.json")
    fs = MemoryFS.from_mapping({"/p/.pnp.cjs": "const x = 1;\n", "/p/.pnp.data.json": "{nope"})
    with pytest.raises(PnpError, match=r"^/p/.pnp.data.json: the PnP state is not JSON"):
        read_pnp_state(fs, "/p")


@pytest.mark.parametrize(
    ("path", "real"),
    [
        ("/p/.yarn/__virtual__/a-virtual-abc123/0/cache/a.zip/n/a/i", "/p/.yarn/cache/a.zip/n/a/i"),
        ("/p/.yarn/__virtual__/a-virtual-abc123/1/packages/w/i.js", "/p/packages/w/i.js"),
        ("/p/.yarn/__virtual__/a-virtual-abc123", "/p/.yarn"),
        ("/p/.yarn/__virtual__", "/p/.yarn"),
        ("/p/.yarn/__virtual__/a-virtual-xyz/0/x", "/p/.yarn/__virtual__/a-virtual-xyz/0/x"),
        ("/p/src/i.js", "/p/src/i.js"),
    ],
)  # fmt: skip
def test_resolve_virtual(path: str, real: str) -> None:
    assert resolve_virtual(path) == real


@pytest.mark.parametrize(
    ("path", "archive"),
    [
        ("/c/a.zip/node_modules/a", "/c/a.zip"),
        ("/c/a.zip", "/c/a.zip"),
        ("/c/a.zipper/x", None),
        ("/c/.zip/x", "/c/.zip"),
        ("/c/.zip", None),
        ("/c/a.zip.zip/x", "/c/a.zip.zip"),
    ],
)
def test_archive_part(path: str, archive: str | None) -> None:
    assert archive_part(path) == archive


def test_resolution_inside_a_zip_and_yarn_errors() -> None:
    zipped = _zip(
        {"node_modules/a/package.json": '{"name": "a", "main": "lib/main"}', "node_modules/a/lib/main.js": ""}
    )
    fs = PnpFS(MemoryFS.from_mapping({"/p/.pnp.cjs": "", "/p/.yarn/cache/a-npm-1.0.0-x.zip": zipped}))
    state = parse_pnp_state(STATE, "/p", "/p/.pnp.data.json")
    resolver = PnpResolver(state, fs)
    assert resolver.find_package_locator("/p/.yarn/cache/a-npm-1.0.0-x.zip/node_modules/a/lib/") == Locator(
        "a", "npm:1.0.0"
    )
    assert resolver.find_package_locator("/p/src/") == Locator("app", "workspace:.")
    found = resolver.resolve("a", "/p/src/index.js")
    assert found.resolved == "/p/.yarn/cache/a-npm-1.0.0-x.zip/node_modules/a/lib/main.js"
    undeclared = resolver.resolve("b", "/p/src/index.js")
    assert (undeclared.error, (undeclared.message or "").split("\n")[0]) == (
        "MODULE_NOT_FOUND",
        "Your application tried to access b, but it isn't declared in your dependencies; "
        "this makes the require call ambiguous and unsound.",
    )
    peer = resolver.resolve("p", found.resolved or "")
    assert (peer.message or "").startswith("a tried to access p (a peer dependency) but it isn't provided by")
    assert resolver.resolve("fs", "/p/src/index.js").resolved == "node:fs"


def test_an_import_of_a_name_nothing_has_is_not_told_to_be_added() -> None:
    """Under PnP, a package that is neither installed nor locked is an error whose fix never says to
    add it: the name may be a stranger's package on the registry."""
    from nmdoctor.api import check
    from nmdoctor.inspect.pnp_tree import read_pnp_tree

    fs = MemoryFS.from_mapping(
        {
            "/p/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}},
            "/p/.pnp.cjs": "",
            "/p/.pnp.data.json": json.dumps(STATE),
            "/p/index.js": "require('a');\nrequire('utils-of-nobody');\n",
            "/p/.yarn/cache/a-npm-1.0.0-x.zip": _zip(
                {"node_modules/a/package.json": '{"name": "a", "version": "1.0.0"}', "node_modules/a/index.js": ""}
            ),
        }
    )
    (finding,) = check(read_pnp_tree(fs, "/p"), fs=fs, select=["unresolvable-import"])
    assert (finding.severity.value, finding.request) == ("error", "utils-of-nobody")
    assert finding.fix is not None
    assert "yarn add" not in finding.fix and "remove the import" in finding.fix
