"""Finding the app inside an artefact, and a folder on disk seen without what lies around it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nmdoctor.archive.mount import PackedAppError, find_app
from nmdoctor.resolve import Resolver
from nmdoctor.vfs import DiskFS, FileSystemError, Kind, MemoryFS
from nmdoctor.vfs.confined import ConfinedFS
from nmdoctor.vfs.tarfs import TarFS
from nmdoctor.vfs.zipfs import ZipFS
from tests.unit.archives.builders import Unpacked, build_asar, seed_tree, tar_bytes, zip_bytes


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_confined_folder_does_not_see_the_project_around_it(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write(project / "node_modules/x/package.json", json.dumps({"name": "x", "version": "1.0.0"}))
    write(project / "node_modules/x/index.js", "")
    app = project / "dist/app"
    write(app / "package.json", json.dumps({"name": "app", "dependencies": {"x": "1"}}))
    write(app / "main.js", "")
    write(tmp_path / "secret.txt", "secret")
    (app / "inside.js").symlink_to("main.js")
    (app / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (app / "up").symlink_to("../..")
    root = str(app)
    # Unconfined, node's walk up finds the project's x: a missing package would go unnoticed.
    assert Resolver(DiskFS()).resolve("x", f"{root}/main.js").ok
    fs = ConfinedFS(DiskFS(), root)
    assert Resolver(fs).resolve("x", f"{root}/main.js").error == "MODULE_NOT_FOUND"
    assert fs.listdir("/") == [str(tmp_path).split("/")[1]]
    assert fs.stat(str(project)) == fs.stat(root)
    assert fs.stat(str(project / "node_modules")) is None
    assert fs.lstat(str(project / "node_modules")) is None
    assert fs.realpath(f"{root}/inside.js") == f"{root}/main.js"
    assert fs.readlink(f"{root}/inside.js") == "main.js"
    assert fs.lstat(f"{root}/outside.txt").kind is Kind.SYMLINK  # type: ignore[union-attr]
    assert fs.stat(f"{root}/outside.txt") is None
    assert fs.lstat(f"{root}/up/node_modules") is None
    with pytest.raises(FileSystemError, match="leads outside"):
        fs.read_bytes(f"{root}/outside.txt")
    with pytest.raises(FileSystemError):
        fs.read_bytes(str(tmp_path / "secret.txt"))
    with pytest.raises(FileSystemError):
        fs.read_bytes(str(project))
    with pytest.raises(FileSystemError):
        fs.readlink(str(project))
    assert fs.read_bytes(f"{root}/package.json").startswith(b"{")
    assert sorted(fs.listdir(root)) == sorted(os.listdir(root))


def electron_build(prefix: str) -> dict[str, bytes | str]:
    """What electron-builder's tar.gz/zip targets hold: the Electron binary and resources/app.asar."""
    asar = build_asar({**seed_tree(), "node_modules/n/package.json": "{}", "node_modules/n/a.node": Unpacked(b"so")})
    return {
        f"{prefix}myapp": b"\x7fELF",
        f"{prefix}resources/app.asar": asar,
        f"{prefix}resources/app.asar.unpacked/node_modules/n/a.node": b"so",
        f"{prefix}locales/en-US.pak": b"",
    }


@pytest.mark.parametrize("prefix", ["", "MyApp-1.0.0/", "MyApp.app/Contents/"])
def test_the_asar_inside_an_electron_build_is_found(prefix: str) -> None:
    members = electron_build(prefix)
    if "Contents" in prefix:
        members = {path.replace("resources/", "Resources/"): content for path, content in members.items()}
    for view in (ZipFS(zip_bytes(members), "/b.zip", "b.zip"), TarFS(tar_bytes(members), "/b.zip", "b.tgz")):
        app = find_app(view, "/b.zip", view.name)
        assert app.asar is not None
        assert app.where.endswith("esources/app.asar")
        assert app.where.startswith(f"{view.name}: {prefix}")
        assert app.fs.read_bytes(f"{app.root}/node_modules/n/a.node") == b"so"
        assert Resolver(app.fs).resolve("react-dom", f"{app.root}/main.js").resolved == (
            f"{app.root}/node_modules/react-dom/index.js"
        )


def test_an_app_folder_at_the_top_under_resources_or_alone() -> None:
    top = find_app(MemoryFS.from_mapping({"/a/package.json": "{}"}), "/a", "a")
    assert (top.root, top.where, top.asar) == ("/a", "a", None)
    resources = find_app(MemoryFS.from_mapping({"/a/x/resources/app/package.json": "{}"}), "/a", "a")
    assert (resources.root, resources.where) == ("/a/x/resources/app", "a: x/resources/app")
    itself = find_app(MemoryFS.from_mapping({"/resources/app.asar": build_asar(seed_tree())}), "/resources", "r")
    assert itself.where == "r: app.asar"
    single = find_app(MemoryFS.from_mapping({"/a/my-app/package.json": "{}"}), "/a", "a")
    assert (single.root, single.where) == ("/a/my-app", "a: my-app")
    with pytest.raises(PackedAppError, match="^a: no app in it"):
        find_app(MemoryFS.from_mapping({"/a/x/y.txt": "", "/a/z/y.txt": ""}), "/a", "a")
    # node_modules are never searched for an app.
    with pytest.raises(PackedAppError):
        find_app(MemoryFS.from_mapping({"/a/node_modules/resources/app/package.json": "{}", "/a/b": ""}), "/a", "a")
