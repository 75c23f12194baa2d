"""volume-sync on real folders: empty, stale, with user extras, with a conflict, and killed midway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nmdoctor.docker.volume_sync import STATE_FILE, sync_volume


def make_tree(folder: Path, packages: dict[str, str], files_per_package: int = 3, *, with_bin: bool = True) -> None:
    for name, version in packages.items():
        package = folder / name
        package.mkdir(parents=True)
        (package / "package.json").write_text(json.dumps({"name": name, "version": version}))
        for index in range(files_per_package):
            (package / f"f{index}.js").write_text(f"// {name}@{version} {index}\n" * 20)
    if with_bin:
        (folder / ".bin").mkdir(exist_ok=True)
        (folder / ".bin" / "tool").symlink_to("../tool/f0.js")


def snapshot(folder: Path) -> dict[str, str]:
    """Every package's version and every file's content, private files of the sync left out."""
    found = {}
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".nmdoctor")]
        for name in files + [item for item in dirs if os.path.islink(os.path.join(root, item))]:
            path = Path(root) / name
            relative = str(path.relative_to(folder))
            if relative == STATE_FILE:
                continue
            found[relative] = os.readlink(path) if path.is_symlink() else path.read_text()
    return found


IMAGE_V1 = {"express": "4.18.0", "@scope/util": "1.0.0", "tool": "1.0.0", "gone-later": "1.0.0"}
IMAGE_V2 = {"express": "4.21.2", "@scope/util": "1.0.0", "tool": "1.1.0", "socket.io": "4.7.0"}


def test_empty_volume_gets_the_image(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    report = sync_volume(tmp_path / "image", tmp_path / "volume")
    assert sorted(report.copied) == sorted([".bin/tool", "@scope/util", "express", "gone-later", "tool"])
    assert snapshot(tmp_path / "volume") == snapshot(tmp_path / "image")
    assert sync_volume(tmp_path / "image", tmp_path / "volume").up_to_date


def test_stale_volume_is_updated_and_user_extras_kept(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    sync_volume(tmp_path / "image", tmp_path / "volume")
    make_tree(tmp_path / "volume", {"left-pad": "1.3.0"}, 1, with_bin=False)  # installed by a user at run time
    user_files = {key: value for key, value in snapshot(tmp_path / "volume").items() if key.startswith("left-pad")}
    make_tree(tmp_path / "image2", IMAGE_V2)
    report = sync_volume(tmp_path / "image2", tmp_path / "volume")
    assert sorted(report.replaced) == ["express", "tool"]  # .bin is merged link by link; this link did not change
    assert report.copied == ["socket.io"] and report.removed == ["gone-later"]
    assert report.kept == ["left-pad"]
    expected = {**snapshot(tmp_path / "image2"), **user_files}
    assert snapshot(tmp_path / "volume") == expected


def test_conflicting_user_package_is_moved_aside_not_lost(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    make_tree(tmp_path / "volume", {"express": "5.0.0"}, 1, with_bin=False)
    report = sync_volume(tmp_path / "image", tmp_path / "volume")
    assert report.conflicts == ["express"]
    assert json.loads((tmp_path / "volume/express/package.json").read_text())["version"] == "4.18.0"
    [moved] = list((tmp_path / "volume/.nmdoctor-conflicts").iterdir())
    assert json.loads((moved / "package.json").read_text())["version"] == "5.0.0"


def test_check_writes_nothing(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    report = sync_volume(tmp_path / "image", tmp_path / "volume", check=True)
    assert report.copied and not (tmp_path / "volume").exists()


@pytest.mark.slow
def test_killed_at_many_points_then_rerun(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1, 40)
    make_tree(tmp_path / "image2", IMAGE_V2, 40)
    nmdoctor = str(Path(sys.executable).with_name("nmdoctor"))
    for attempt in range(16):
        volume = tmp_path / f"volume{attempt}"
        subprocess.run(
            [nmdoctor, "volume-sync", "--base", str(tmp_path / "image"), "--target", str(volume)], check=True
        )
        make_tree(volume, {"left-pad": "1.3.0", "express-extra": "0.1.0"}, 2, with_bin=False)
        user = {key: value for key, value in snapshot(volume).items() if key.startswith(("left-pad", "express-extra"))}
        env = {**os.environ, "NMDOCTOR_SYNC_STEP_DELAY": "0.01"}
        process = subprocess.Popen(
            [nmdoctor, "volume-sync", "--base", str(tmp_path / "image2"), "--target", str(volume)], env=env
        )
        time.sleep(0.08 + attempt * 0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        subprocess.run(
            [nmdoctor, "volume-sync", "--base", str(tmp_path / "image2"), "--target", str(volume)], check=True
        )
        assert snapshot(volume) == {**snapshot(tmp_path / "image2"), **user}, attempt
        assert not (volume / ".nmdoctor-work").exists()
