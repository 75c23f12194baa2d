"""Archives packed by the real ``@electron/asar`` (pinned below): our reader against the packer's own
``list`` and ``extract``, and seed 004 caught on real archives.

The packer is found in ``$NMDOCTOR_ASAR_TOOL`` (an ``npm install --prefix`` folder), else in
``tests/node_tools`` when that holds the pinned version, else it is installed with npm into
``.cache/asar-tool`` in the repository (git-ignored) on first use. Without npm or the registry the
tests are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.archive_cmd import archive_command
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.render.tree_json import relative
from nmdoctor.resolve import Resolver
from nmdoctor.vfs import DiskFS, Kind
from nmdoctor.vfs.asar import AsarFS
from nmdoctor.vfs.confined import ConfinedFS
from tests.conftest import requires_node

# 4.x needs node >= 22.12 (its "engines"); the suite runs node 20. 3.4.1 is also the version
# docs/reference/packaging.md was verified with.
ASAR_VERSION = "3.4.1"
REPO = Path(__file__).resolve().parents[2]

pytestmark = [requires_node, pytest.mark.node]


def _packer_in(prefix: Path) -> Path | None:
    package = prefix / "node_modules/@electron/asar"
    try:
        version = json.loads((package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return None
    return package / "bin/asar.js" if version == ASAR_VERSION else None


@pytest.fixture(scope="session")
def asar_js() -> Path:
    configured = os.environ.get("NMDOCTOR_ASAR_TOOL")
    prefixes = [Path(configured)] if configured else [REPO / "tests/node_tools", REPO / ".cache/asar-tool"]
    for prefix in prefixes:
        found = _packer_in(prefix)
        if found is not None:
            return found
    if configured:
        pytest.skip(f"NMDOCTOR_ASAR_TOOL={configured} holds no @electron/asar {ASAR_VERSION}")
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"npm is not available to install @electron/asar {ASAR_VERSION}")
    cache = REPO / ".cache/asar-tool"
    try:
        subprocess.run(
            [npm, "install", "--prefix", str(cache), f"@electron/asar@{ASAR_VERSION}", "--no-audit", "--no-fund"],
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        detail = (getattr(error, "stderr", "") or "").strip().splitlines()[-1:]
        pytest.skip(f"could not install @electron/asar {ASAR_VERSION} with npm: {detail}")
    found = _packer_in(cache)
    if found is None:
        pytest.skip(f"npm did not install @electron/asar {ASAR_VERSION} into {cache}")
    return found


def asar(asar_js: Path, *args: str) -> str:
    done = subprocess.run(["node", str(asar_js), *args], check=True, capture_output=True, text=True, timeout=120)
    return done.stdout


def write(root: Path, files: dict[str, Any]) -> Path:
    for path, content in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            target.write_text(json.dumps(content))
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content)
    return root


def make_app(root: Path) -> Path:
    """Seed 004's shape: the app uses react-dom 18; its dependency ui-kit needs react-dom 17 (nested)."""
    app = write(
        root,
        {
            "package.json": {
                "name": "app",
                "version": "1.0.0",
                "main": "main.js",
                "dependencies": {"ui-kit": "1.0.0", "react-dom": "^18.0.0", "native": "1.0.0"},
                "devDependencies": {"electron": "30.0.0"},
            },
            "main.js": "const { app } = require('electron');\nrequire('ui-kit');\nrequire('./lib/window');\n",
            "lib/window.js": "module.exports = require('react-dom');\n",
            "node_modules/ui-kit/package.json": {
                "name": "ui-kit",
                "version": "1.0.0",
                "dependencies": {"react-dom": "^17.0.0"},
            },
            "node_modules/ui-kit/index.js": "require('react-dom');\n",
            "node_modules/ui-kit/node_modules/react-dom/package.json": {"name": "react-dom", "version": "17.0.2"},
            "node_modules/ui-kit/node_modules/react-dom/index.js": "module.exports = 17;\n",
            "node_modules/react-dom/package.json": {"name": "react-dom", "version": "18.3.1"},
            "node_modules/react-dom/index.js": "module.exports = 18;\n",
            "node_modules/native/package.json": {"name": "native", "version": "1.0.0", "main": "build/addon.node"},
            "node_modules/native/build/addon.node": b"\x7fELF not really\n",
        },
    )
    (app / "lib/entry.js").symlink_to("../main.js")
    return app


def flatten(app: Path, into: Path) -> Path:
    """What electron-builder did (seed 004): the nested copy written onto the top-level folder."""
    shutil.copytree(app, into, symlinks=True)
    shutil.rmtree(into / "node_modules/react-dom")
    shutil.move(into / "node_modules/ui-kit/node_modules/react-dom", into / "node_modules/react-dom")
    shutil.rmtree(into / "node_modules/ui-kit/node_modules")
    return into


def run(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner(mix_stderr=False).invoke(archive_command, [*args, "--json"])
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    # The node the archive is judged as comes from this machine (tests/unit/cli test the choice).
    assert set(document.pop("nodeVersion")) == {"version", "source"}
    return result.exit_code, document


def shape(graph: DependencyGraph) -> tuple[list[tuple[str, str]], list[tuple[str, str, str | None]]]:
    instances = sorted((item.label, relative(graph, item.path)) for item in graph.instances)
    edges = sorted(
        (relative(graph, edge.source.path), edge.name, relative(graph, edge.target.path) if edge.target else None)
        for edge in graph.edges
    )
    return instances, edges


def test_reader_agrees_with_the_packer(asar_js: Path, tmp_path: Path) -> None:
    """Every entry the packer lists, and every byte it extracts, our view reads alike."""
    src = write(
        tmp_path / "src",
        {
            "a.txt": "hi\n",
            "empty": "",
            "big.bin": bytes(range(256)) * (4 * 1024 * 1024 // 256) + b"tail",  # two integrity blocks
            "d/x.node": b"\x7fELF",
            "d/deep/e.js": "e",
            "u/keep.txt": "kept outside",
            "unicode-é.js": "ü",
        },
    )
    (src / "lib").mkdir()
    (src / "lib/l.txt").symlink_to("../a.txt")
    (src / "dl").symlink_to("d")
    (src / "a.txt").chmod(0o755)
    archive = tmp_path / "out.asar"
    asar(asar_js, "pack", str(src), str(archive), "--unpack", "*.node", "--unpack-dir", "u")
    unpacked = str(tmp_path / "out.asar.unpacked")
    with archive.open("rb") as handle:
        fs = AsarFS(handle, str(archive), "out.asar", ConfinedFS(DiskFS(), unpacked), unpacked)
        listed = asar(asar_js, "list", str(archive)).splitlines()
        ours = [f"/{entry.path}" for entry in fs.entries() if entry.path]
        assert sorted(ours) == sorted(listed)
        extracted = tmp_path / "extracted"
        asar(asar_js, "extract", str(archive), str(extracted))
        disk = DiskFS()
        for entry in fs.entries():
            path = f"{archive}/{entry.path}" if entry.path else str(archive)
            twin = str(extracted / entry.path) if entry.path else str(extracted)
            assert fs.lstat(path).kind is disk.lstat(twin).kind, entry.path  # type: ignore[union-attr]
            if entry.kind is Kind.SYMLINK:
                assert fs.readlink(path) == os.readlink(twin)
            elif entry.kind is Kind.FILE:
                assert fs.read_bytes(path) == Path(twin).read_bytes(), entry.path
                assert fs.integrity_problem(entry) is None, entry.path
            else:
                assert list(fs.listdir(path)) == sorted(os.listdir(twin))
        assert fs.is_unpacked(f"{archive}/d/x.node") and fs.is_unpacked(f"{archive}/u/keep.txt")
        assert not fs.is_unpacked(f"{archive}/a.txt")
        assert fs.entry(f"{archive}/a.txt").executable  # type: ignore[union-attr]
        assert fs.entry(f"{archive}/u").unpacked  # type: ignore[union-attr]
        assert fs.realpath(f"{archive}/dl/x.node") == f"{archive}/d/x.node"
        assert fs.read_bytes(f"{archive}/lib/l.txt") == b"hi\n"


def test_correct_archive_passes_and_reads_like_the_folder(asar_js: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "app")
    archive = tmp_path / "app.asar"
    asar(asar_js, "pack", str(app), str(archive), "--unpack", "*.node")
    assert (tmp_path / "app.asar.unpacked/node_modules/native/build/addon.node").exists()
    assert run(str(archive), "--source", str(app)) == (
        0,
        {
            "findings": [],
            "summary": {"error": 0, "warning": 0, "info": 0, "app": "app.asar", "instances": 4, "source": str(app)},
        },
    )
    assert run(str(archive))[1]["findings"] == []
    fs = AsarFS(archive.read_bytes(), str(archive))
    resolved = Resolver(fs).resolve("react-dom", f"{archive}/node_modules/ui-kit/index.js").resolved
    assert resolved == f"{archive}/node_modules/ui-kit/node_modules/react-dom/index.js"
    assert fs.realpath(f"{archive}/lib/entry.js") == f"{archive}/main.js"
    # The same graph as the folder it was packed from.
    assert shape(read_installed_tree(fs, str(archive))) == shape(read_installed_tree(DiskFS(), str(app)))


def test_flattened_archive_is_caught(asar_js: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "app")
    archive = tmp_path / "flat.asar"
    asar(asar_js, "pack", str(flatten(app, tmp_path / "flat")), str(archive), "--unpack", "*.node")
    code, document = run(str(archive), "--source", str(app))
    assert code == 1
    [finding] = document["findings"]
    assert finding["code"] == "archive-version-collapsed"
    assert finding["severity"] == "error"
    assert finding["package"] == {"name": "app", "version": "1.0.0", "path": "."}  # the dependent
    assert finding["request"] == "react-dom"  # the package
    assert "`app@1.0.0` gets `react-dom@17.0.2`" in finding["message"]  # both versions
    assert "in the source `react-dom@18.3.1`" in finding["message"]
    assert "node_modules/ui-kit/node_modules/react-dom in the source was moved onto" in finding["message"]
    code, document = run(str(archive))
    assert [item["code"] for item in document["findings"]] == ["version-mismatch"]


def test_nested_copy_left_out_is_caught_for_its_dependent(asar_js: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "app")
    copy = tmp_path / "dropped"
    shutil.copytree(app, copy, symlinks=True)
    shutil.rmtree(copy / "node_modules/ui-kit/node_modules")
    archive = tmp_path / "dropped.asar"
    asar(asar_js, "pack", str(copy), str(archive), "--unpack", "*.node")
    code, document = run(str(archive), "--source", str(app))
    assert code == 1
    [finding] = document["findings"]
    assert finding["code"] == "archive-version-collapsed"
    assert finding["package"]["path"] == "node_modules/ui-kit"
    assert "`ui-kit@1.0.0` gets `react-dom@18.3.1`" in finding["message"]


def test_monorepo_source_hoisted_outside_the_app_folder(asar_js: Path, tmp_path: Path) -> None:
    """Seed 004's setting: lerna hoisted the app's dependencies to the monorepo root."""
    repo = make_app(tmp_path / "repo")
    app = write(tmp_path / "repo/packages/app", {"package.json": json.loads((repo / "package.json").read_text())})
    write(app, {"main.js": (repo / "main.js").read_text(), "lib/window.js": (repo / "lib/window.js").read_text()})
    staged = tmp_path / "staged"  # what a correct packer copies: the app and its node_modules, nesting kept
    shutil.copytree(app, staged)
    shutil.copytree(repo / "node_modules", staged / "node_modules")
    good = tmp_path / "good.asar"
    asar(asar_js, "pack", str(staged), str(good), "--unpack", "*.node")
    assert run(str(good), "--source", str(app))[1]["findings"] == []
    bad = tmp_path / "bad.asar"
    asar(asar_js, "pack", str(flatten(staged, tmp_path / "flat")), str(bad), "--unpack", "*.node")
    code, document = run(str(bad), "--source", str(app))
    assert code == 1
    [finding] = document["findings"]
    assert finding["code"] == "archive-version-collapsed"
    assert "../../node_modules/ui-kit/node_modules/react-dom in the source" in finding["message"]


def test_native_module_packed_inside(asar_js: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "app")
    archive = tmp_path / "app.asar"
    asar(asar_js, "pack", str(app), str(archive))
    code, document = run(str(archive), "--source", str(app))
    assert code == 1
    [finding] = document["findings"]
    assert finding["code"] == "archive-native-module-packed"
    assert finding["package"]["name"] == "native"
    assert finding["from"] == "node_modules/native/build/addon.node"


def test_unpacked_folder_not_shipped(asar_js: Path, tmp_path: Path) -> None:
    app = make_app(tmp_path / "app")
    archive = tmp_path / "app.asar"
    asar(asar_js, "pack", str(app), str(archive), "--unpack-dir", "node_modules/native")
    assert AsarFS(archive.read_bytes(), str(archive)).entry(f"{archive}/node_modules/native")
    assert run(str(archive), "--source", str(app))[1]["findings"] == []
    shutil.rmtree(tmp_path / "app.asar.unpacked")
    code, document = run(str(archive), "--source", str(app))
    assert code == 1
    # The package's own package.json went with the folder: the app cannot find it either.
    assert [(item["code"], item["request"], item["from"]) for item in document["findings"]] == [
        ("archive-unpacked-missing", None, "node_modules/native/build/addon.node"),
        ("archive-missing-package", "native", None),
    ]


def test_electron_build_in_a_tarball(asar_js: Path, tmp_path: Path) -> None:
    """electron-builder's tar.gz target: the binary, resources/app.asar and app.asar.unpacked."""
    app = make_app(tmp_path / "app")
    build = tmp_path / "MyApp-1.0.0"
    (build / "resources").mkdir(parents=True)
    (build / "myapp").write_bytes(b"\x7fELF")
    asar(asar_js, "pack", str(flatten(app, tmp_path / "flat")), str(build / "resources/app.asar"), "--unpack", "*.node")
    tarball = tmp_path / "MyApp-1.0.0.tar.gz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(build, arcname=build.name)
    code, document = run(str(tarball), "--source", str(app))
    assert code == 1
    assert document["summary"]["app"] == "MyApp-1.0.0.tar.gz: MyApp-1.0.0/resources/app.asar"
    assert [item["code"] for item in document["findings"]] == ["archive-version-collapsed"]
