"""What only the asar header tells, on archives of the first field batch of `nmdoctor archive`
(tests/field/blind/archive-2026-12-06.json): electron-builder 24.13.3 and 25.1.8 packs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nmdoctor.archive.asar_checks import asar_findings, build_platform
from nmdoctor.diagnostics.model import Severity
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs.asar import AsarFS
from tests.unit.archives.builders import Unpacked, build_asar, manifest, seed_tree
from tests.unit.archives.test_archive_compare import ASAR

DATA = Path(__file__).parent / "data"


def test_empty_files_without_blocks_match_their_integrity() -> None:
    # Packed by electron-builder 25.1.8 (as 24.13.3): an empty file's integrity lists no block.
    # Electron's streaming validator (int max_block_ = blocks.size() - 1) has no block to check and
    # accepts it; @electron/asar 3.4.1 lists one empty block, also accepted.
    fs = AsarFS((DATA / "electron-builder-25.1.8-empty-files.asar").read_bytes(), ASAR)
    graph = read_installed_tree(fs, ASAR)
    assert [entry.integrity["blocks"] for entry in fs.entries() if entry.path == "empty.js"] == [[]]
    assert asar_findings(fs, graph) == []


def _prebuilt() -> dict[str, Any]:
    # native-reg 1.1.1 (hyper) ships prebuilds/win32-{x64,ia32,arm64}/node.napi.node only;
    # electron-builder 24.13.3 packed them inside app.asar on a Linux build.
    return {
        **seed_tree(),
        "node_modules/native-reg/package.json": manifest("native-reg", "1.1.1"),
        "node_modules/native-reg/prebuilds/win32-x64/node.napi.node": "packed",
        "node_modules/native-reg/prebuilds/win32-arm64/node.napi.node": "packed",
        "node_modules/native/package.json": manifest("native", "1.0.0"),
        "node_modules/native/build/Release/addon.node": "packed",
        "node_modules/native/prebuilds/linux-x64/addon.node": Unpacked(b"x"),
    }


def test_addons_prebuilt_for_another_platform_are_not_loaded() -> None:
    # node-gyp-build on linux refuses native-reg ("No native build was found for platform=linux"):
    # the win32 files are never dlopened there.
    fs = AsarFS(build_asar(_prebuilt()), ASAR)
    graph = read_installed_tree(fs, ASAR)
    [linux] = [item for item in asar_findings(fs, graph, platform="linux") if item.package is not None]
    assert (linux.code, linux.severity, linux.from_) == (
        "archive-native-module-packed",
        Severity.ERROR,
        "node_modules/native/build/Release/addon.node",
    )
    found = asar_findings(fs, graph, integrity=False, platform="win32")
    assert [(item.severity, item.from_) for item in found if item.code == "archive-native-module-packed"] == [
        (Severity.ERROR, "node_modules/native/build/Release/addon.node"),
        (Severity.ERROR, "node_modules/native-reg/prebuilds/win32-arm64/node.napi.node"),
    ]
    unknown = [item for item in asar_findings(fs, graph, integrity=False) if item.package is not None]
    assert [(item.package.name, item.severity) for item in unknown if item.package] == [
        ("native", Severity.ERROR),
        ("native-reg", Severity.WARNING),
    ]
    assert "(prebuilt for win32: this fails on a build for that platform)" in unknown[1].message


def test_the_build_platform_is_told_by_the_folder_holding_resources() -> None:
    assert build_platform("/p/dist/linux-unpacked/resources/app.asar") == "linux"
    assert build_platform("/p/dist/win-arm64-unpacked/resources/app.asar") == "win32"
    assert build_platform("/p/dist/mac-arm64/My.app/Contents/Resources/app.asar") == "darwin"
    assert build_platform("/p/out/Stretchly-linux-x64/resources/app.asar") == "linux"
    assert build_platform("MyApp.tar.gz: linux-unpacked/resources/app.asar") == "linux"
    assert build_platform("/home/mac/dist/app.asar", "app.asar") is None
