"""The packed app against its source (and against itself): one case that fires, one that does not."""

from __future__ import annotations

from typing import Any

from nmdoctor.archive.asar_checks import asar_findings, broken_link_findings
from nmdoctor.archive.compare import Side, compare_archive, production_closure, self_check_archive
from nmdoctor.archive.imports import app_imports
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS
from nmdoctor.vfs.asar import AsarFS
from tests.unit.archives.builders import Link, Unpacked, build_asar, manifest, pickle_header, seed_tree

SRC = "/work/app"
ASAR = "/work/app/dist/app.asar"


def source_side(tree: dict[str, Any]) -> Side:
    fs = MemoryFS.from_mapping({f"{SRC}/{path}": content for path, content in tree.items()})
    graph = read_installed_tree(fs, SRC)
    return Side(graph, fs, app_imports(fs, graph))


def packed_side(tree: dict[str, Any]) -> tuple[Side, AsarFS]:
    fs = AsarFS(build_asar(tree), ASAR)
    graph = read_installed_tree(fs, ASAR)
    return Side(graph, fs, app_imports(fs, graph)), fs


def compare(source: dict[str, Any], packed: dict[str, Any]) -> list[Finding]:
    return sorted(compare_archive(source_side(source), packed_side(packed)[0]), key=Finding.sort_key)


def alone(packed: dict[str, Any]) -> list[Finding]:
    return sorted(self_check_archive(packed_side(packed)[0]), key=Finding.sort_key)


def codes(findings: list[Finding]) -> list[str]:
    return [item.code for item in findings]


def test_a_faithful_archive_gives_no_findings() -> None:
    assert compare(seed_tree(), seed_tree()) == []
    assert alone(seed_tree()) == []


def test_seed_004_flattened_copy_is_caught_naming_package_versions_and_dependent() -> None:
    [finding] = compare(seed_tree(), seed_tree(flattened=True))
    assert finding.code == "archive-version-collapsed"
    assert finding.severity is Severity.ERROR
    assert finding.request == "react-dom"
    assert finding.package is not None and (finding.package.name, finding.package.path) == ("app", ".")
    assert finding.message == (
        "in the packed app `app@1.0.0` gets `react-dom@17.0.2` (node_modules/react-dom), in the source "
        "`react-dom@18.3.1` (node_modules/react-dom): the 17.0.2 copy at node_modules/ui-kit/node_modules/"
        "react-dom in the source was moved onto node_modules/react-dom; react-dom@18.3.1 is not packed at all: "
        "two versions of `react-dom` became one"
    )
    assert finding.fix is not None and "electron-builder" in finding.fix
    # Without the source the archive alone shows the range violated.
    [finding] = alone(seed_tree(flattened=True))
    assert finding.code == "version-mismatch"
    assert "`app@1.0.0` gets `react-dom@17.0.2`" in finding.message
    assert "react-dom@^18.0.0" in finding.message


def test_nested_copy_dropped_is_caught_for_the_nested_dependent() -> None:
    [finding] = compare(seed_tree(), seed_tree(nested_dropped=True))
    assert finding.code == "archive-version-collapsed"
    assert finding.package is not None and finding.package.path == "node_modules/ui-kit"
    assert "`ui-kit@1.0.0` gets `react-dom@18.3.1`" in finding.message
    assert "in the source `react-dom@17.0.2` (node_modules/ui-kit/node_modules/react-dom)" in finding.message


def test_missing_package() -> None:
    source = {**seed_tree(), "node_modules/ui-kit/package.json": manifest("ui-kit", "1.0.0", dependencies={"l": "1"})}
    source["node_modules/ui-kit/index.js"] = "require('l');\n"
    source["node_modules/l/package.json"] = manifest("l", "1.0.0")
    packed = dict(source)
    del packed["node_modules/l/package.json"]
    [finding] = compare(source, packed)
    assert finding.code == "archive-missing-package"
    assert finding.severity is Severity.ERROR
    assert finding.message.startswith("`ui-kit@1.0.0` needs `l` (l@1.0.0 at node_modules/l in the source)")
    # Moved where the dependent does not look.
    packed["node_modules/other/node_modules/l/package.json"] = manifest("l", "1.0.0")
    packed["node_modules/other/package.json"] = manifest("other", "1.0.0")
    [finding] = compare(source, packed)
    assert "holds it only at node_modules/other/node_modules/l" in finding.message
    # Alone: an unresolvable declared dependency.
    assert codes(alone(packed)) == ["missing-dependency"]


def test_dev_dependencies_and_electron_are_not_expected_in_the_archive() -> None:
    source = seed_tree()
    source["node_modules/jest/package.json"] = manifest("jest", "29.0.0", dependencies={"left": "1"})
    source["node_modules/left/package.json"] = manifest("left", "1.0.0")
    source["node_modules/electron/package.json"] = manifest("electron", "30.0.0")
    source["node_modules/ui-kit/package.json"] = manifest(
        "ui-kit", "1.0.0", dependencies={"react-dom": "^17.0.0", "electron": "*"}, peerDependencies={"jest": "*"}
    )
    packed = {path: content for path, content in source.items() if "/jest/" not in path and "/left/" not in path}
    packed = {path: content for path, content in packed.items() if "/electron/" not in path}
    assert compare(source, packed) == []
    assert alone(packed) == []


def test_optional_dependency_left_out_is_a_warning() -> None:
    source = seed_tree()
    source["node_modules/ui-kit/package.json"] = manifest(
        "ui-kit", "1.0.0", dependencies={"react-dom": "^17.0.0"}, optionalDependencies={"fsevents": "2"}
    )
    source["node_modules/fsevents/package.json"] = manifest("fsevents", "2.3.3")
    packed = {path: content for path, content in source.items() if "fsevents" not in path}
    [finding] = compare(source, packed)
    assert (finding.code, finding.severity) == ("archive-missing-package", Severity.WARNING)
    assert alone(packed) == []


def test_another_version_within_the_range_is_a_warning() -> None:
    packed = seed_tree()
    packed["node_modules/ui-kit/node_modules/react-dom/package.json"] = manifest("react-dom", "17.0.1")
    [finding] = compare(seed_tree(), packed)
    assert (finding.code, finding.severity) == ("archive-version-collapsed", Severity.WARNING)
    assert "within the declared range" in finding.message


def test_a_rewritten_app_manifest_is_still_compared() -> None:
    packed = seed_tree(flattened=True)
    packed["package.json"] = manifest("app", "1.0.0", main="main.js")  # the packer dropped the dependencies
    found = compare(seed_tree(), packed)
    assert codes(found) == ["archive-version-collapsed"]
    assert "`app@1.0.0` gets `react-dom@17.0.2`" in found[0].message


def test_copies_are_matched_by_place_first_then_by_name_and_version() -> None:
    source = seed_tree()
    packed = dict(source)
    # A doppelganger in the archive: a second ui-kit copy whose nested react-dom was lost.
    packed["node_modules/x/package.json"] = manifest("x", "1.0.0")
    packed["node_modules/x/node_modules/ui-kit/package.json"] = manifest(
        "ui-kit", "1.0.0", dependencies={"react-dom": "^17.0.0"}
    )
    source["node_modules/x/package.json"] = manifest("x", "1.0.0")
    source["package.json"] = manifest(
        "app", "1.0.0", main="main.js", dependencies={"ui-kit": "1.0.0", "react-dom": "^18.0.0", "x": "1"}
    )
    packed["package.json"] = source["package.json"]
    # The source's ui-kit is at node_modules/ui-kit: its edge is compared there only.
    assert compare(source, packed) == []
    # ... but the archive alone shows the stray copy getting 18.
    assert codes(alone(packed)) == ["version-mismatch"]


def test_imports_of_the_app_code() -> None:
    source = seed_tree()
    source["main.js"] = (
        "require('./lib/window');\n"
        "require('debug');\n"  # not declared: works in the source only through hoisting
        "try { require('electron-reloader')(module) } catch (_) {}\n"  # guarded: fine either way
        "if (process.env.DEV) require('jest');\n"  # a devDependency
        "import('./lib/lazy.mjs');\n"
    )
    source["lib/lazy.mjs"] = "export default 1;\n"
    for name, version in (("debug", "4.3.4"), ("electron-reloader", "1.0.0"), ("jest", "29.0.0")):
        source[f"node_modules/{name}/package.json"] = manifest(name, version)
        source[f"node_modules/{name}/index.js"] = ""
    packed = {
        path: content
        for path, content in source.items()
        if not path.startswith(("node_modules/debug/", "node_modules/electron-reloader/", "node_modules/jest/"))
        and path != "lib/lazy.mjs"
    }
    found = compare(source, packed)
    summary = [(item.code, item.severity.value, item.request, item.from_, item.line) for item in found]
    assert summary == [
        ("archive-missing-package", "error", "debug", "main.js", 2),
        ("unresolvable-import", "error", "./lib/lazy.mjs", "main.js", 5),
        ("archive-missing-package", "warning", "jest", "main.js", 4),
    ]
    assert "is a devDependency" in found[2].message
    # Alone, the same imports do not resolve.
    assert [(item.code, item.severity.value, item.request) for item in alone(packed)] == [
        ("unresolvable-import", "error", "debug"),
        ("unresolvable-import", "error", "./lib/lazy.mjs"),
        ("unresolvable-import", "warning", "jest"),
    ]


def test_an_import_that_loads_another_version() -> None:
    source = seed_tree()
    source["main.js"] = "require('./lib/window');\n"
    source["lib/window.js"] = "require('scheduler');\n"  # a phantom: hoisted from react-dom's dependencies
    source["node_modules/scheduler/package.json"] = manifest("scheduler", "0.23.0")
    source["node_modules/scheduler/index.js"] = ""
    packed = dict(source)
    packed["node_modules/scheduler/package.json"] = manifest("scheduler", "0.20.0")
    [finding] = compare(source, packed)
    assert (finding.code, finding.from_, finding.line) == ("archive-version-collapsed", "lib/window.js", 1)
    assert "scheduler@0.20.0" in finding.message and "scheduler@0.23.0" in finding.message


def test_entry_point_left_out() -> None:
    packed = {path: content for path, content in seed_tree().items() if path != "main.js"}
    found = compare(seed_tree(), packed)
    assert [(item.code, item.request) for item in found] == [("unresolvable-import", "main.js")]
    assert alone(packed) == []  # without a source nothing says there should be one


def test_production_closure_follows_prod_and_optional_only() -> None:
    graph = source_side(seed_tree()).graph
    assert sorted(production_closure(graph)) == [
        SRC,
        f"{SRC}/node_modules/react-dom",
        f"{SRC}/node_modules/ui-kit",
        f"{SRC}/node_modules/ui-kit/node_modules/react-dom",
    ]


def test_asar_header_findings() -> None:
    tree: dict[str, Any] = {
        **seed_tree(),
        "node_modules/native/package.json": manifest("native", "1.0.0", main="build/addon.node"),
        "node_modules/native/build/addon.node": "packed",
        "node_modules/native/prebuilds/a.node": "packed",
        "node_modules/native/prebuilds/b.node": "packed",
        "node_modules/native/prebuilds/c.node": "packed",
        "node_modules/ok/package.json": manifest("ok", "1.0.0"),
        "node_modules/ok/ok.node": Unpacked(b"unpacked"),
    }
    fs = AsarFS(build_asar(tree), ASAR)
    graph = read_installed_tree(fs, ASAR)
    found = asar_findings(fs, graph)
    assert codes(found) == ["archive-native-module-packed", "archive-unpacked-missing"]
    native, missing = found
    assert native.package is not None and native.package.path == "node_modules/native"
    assert "node_modules/native/build/addon.node" in native.message and "and 1 more" in native.message
    assert missing.from_ == "node_modules/ok/ok.node"
    assert "app.asar.unpacked" in missing.message
    beside = MemoryFS.from_mapping({f"{ASAR}.unpacked/node_modules/ok/ok.node": b"unpacked"})
    fs = AsarFS(build_asar(tree), ASAR, "app.asar", beside, f"{ASAR}.unpacked")
    assert codes(asar_findings(fs, graph)) == ["archive-native-module-packed"]


def test_integrity_mismatch_is_a_warning() -> None:
    good = {"files": {"package.json": {"size": 2, "offset": "0", "integrity": {"algorithm": "SHA256"}}}}
    fs = AsarFS(pickle_header(good) + b"{}", ASAR)
    [finding] = asar_findings(fs, read_installed_tree(fs, ASAR))
    assert (finding.code, finding.severity, finding.from_) == (
        "archive-integrity-mismatch",
        Severity.WARNING,
        "package.json",
    )
    assert asar_findings(fs, read_installed_tree(fs, ASAR), integrity=False) == []


def test_links_that_lead_nowhere() -> None:
    tree: dict[str, Any] = {**seed_tree(), "node_modules/gone": Link("packages/gone")}
    fs = AsarFS(build_asar(tree), ASAR)
    [finding] = broken_link_findings(read_installed_tree(fs, ASAR))
    assert (finding.code, finding.package.path if finding.package else None) == ("broken-symlink", "node_modules/gone")
