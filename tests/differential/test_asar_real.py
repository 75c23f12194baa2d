"""Archives packed by the real @electron/asar 3.4.1 (tests/node_tools): seed 004 caught."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.resolve import Resolver
from nmdoctor.vfs.asar import AsarFS
from tests.conftest import requires_node

ASAR = Path(__file__).resolve().parents[1] / "node_tools" / "node_modules" / "@electron" / "asar" / "bin" / "asar.js"
pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not ASAR.exists(), reason="npm ci --prefix tests/node_tools"),
]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def make_app(root: Path) -> Path:
    """The seed 004 shape: the app uses react-dom 18, its dependency A (a UI kit) needs react-dom 17."""
    app = root / "app"
    write(
        app / "package.json",
        json.dumps(
            {
                "name": "app",
                "version": "1.0.0",
                "main": "main.js",
                "dependencies": {"ui-kit": "1.0.0", "react-dom": "^18.0.0"},
            }
        ),
    )
    write(app / "main.js", "require('ui-kit'); require('react-dom');\n")
    write(
        app / "node_modules/ui-kit/package.json",
        json.dumps({"name": "ui-kit", "version": "1.0.0", "dependencies": {"react-dom": "^17.0.0"}}),
    )
    write(app / "node_modules/ui-kit/index.js", "require('react-dom');\n")
    write(
        app / "node_modules/ui-kit/node_modules/react-dom/package.json",
        json.dumps({"name": "react-dom", "version": "17.0.2"}),
    )
    write(app / "node_modules/ui-kit/node_modules/react-dom/index.js", "module.exports = 17;\n")
    write(app / "node_modules/react-dom/package.json", json.dumps({"name": "react-dom", "version": "18.3.1"}))
    write(app / "node_modules/react-dom/index.js", "module.exports = 18;\n")
    write(
        app / "node_modules/native/package.json",
        json.dumps({"name": "native", "version": "1.0.0", "main": "addon.node"}),
    )
    write(app / "node_modules/native/addon.node", "not really a shared object\n")
    (app / "lib").mkdir()
    (app / "lib/entry.js").symlink_to("../main.js")
    return app


def pack(folder: Path, out: Path, *extra: str) -> Path:
    subprocess.run(["node", str(ASAR), "pack", str(folder), str(out), *extra], check=True, capture_output=True)
    return out


def run(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner(mix_stderr=False).invoke(main, [*args, "--json"])
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, json.loads(result.stdout)


def test_correct_archive_passes_and_reads_like_the_folder(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    archive = pack(app, tmp_path / "app.asar", "--unpack", "*.node")
    assert (tmp_path / "app.asar.unpacked/node_modules/native/addon.node").exists()
    code, document = run("archive", str(archive), "--source", str(app))
    assert code == 0 and document["findings"] == []
    fs = AsarFS(archive.read_bytes(), str(archive))
    resolved = Resolver(fs).resolve("react-dom", f"{archive}/node_modules/ui-kit/index.js").resolved
    assert resolved == f"{archive}/node_modules/ui-kit/node_modules/react-dom/index.js"
    assert fs.realpath(f"{archive}/lib/entry.js") == f"{archive}/main.js"
    tree = read_installed_tree(fs, str(archive))
    assert sorted(item.label for item in tree.instances) == [
        "app@1.0.0",
        "native@1.0.0",
        "react-dom@17.0.2",
        "react-dom@18.3.1",
        "ui-kit@1.0.0",
    ]


def test_flattened_archive_is_caught(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    flat = tmp_path / "flat"
    shutil.copytree(app, flat, symlinks=True)
    shutil.rmtree(flat / "node_modules/react-dom")
    shutil.move(flat / "node_modules/ui-kit/node_modules/react-dom", flat / "node_modules/react-dom")
    archive = pack(flat, tmp_path / "flat.asar", "--unpack", "*.node")
    code, document = run("archive", str(archive), "--source", str(app))
    assert code == 1
    [finding] = document["findings"]
    assert finding["code"] == "archive-version-collapsed"
    assert "`app@1.0.0` gets `react-dom@17.0.2`" in finding["message"]
    assert "react-dom@18.3.1 in the source" in finding["message"]
    code, document = run("archive", str(archive))
    assert [item["code"] for item in document["findings"]] == ["archive-version-collapsed"]


def test_native_module_packed_inside(tmp_path: Path) -> None:
    archive = pack(make_app(tmp_path), tmp_path / "app.asar")
    code, document = run("archive", str(archive))
    assert [item["code"] for item in document["findings"]] == ["archive-native-module-packed"]
