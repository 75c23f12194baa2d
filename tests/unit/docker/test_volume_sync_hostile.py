"""volume-sync against a volume the app can write: a lying state file, links out of the target, special
files, user .bin links, rebuilt addons, a second replica holding the lock."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nmdoctor.docker.volume_sync import STATE_FILE, SyncError, sync_volume
from tests.unit.docker.test_volume_sync import IMAGE_V1, make_tree, snapshot

NMDOCTOR = str(Path(sys.executable).with_name("nmdoctor"))
LOCK_TIMEOUT = ("--lock-timeout", "0.3")


def test_state_entries_that_leave_the_target_are_ignored(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    victim = tmp_path / "victim"
    make_tree(victim, {"keep": "1.0.0"}, 1, with_bin=False)
    before = snapshot(victim)
    volume = tmp_path / "volume"
    sync_volume(tmp_path / "image", volume)
    state = json.loads((volume / STATE_FILE).read_text())
    state["fromBase"] += ["../victim", str(victim), "../victim/keep", "@x/../../victim", ".", "..", "", "a\x00b", {}]
    state["fingerprints"]["../victim"] = "0" * 64
    (volume / STATE_FILE).write_text(json.dumps(state))
    sync_volume(tmp_path / "image", volume)
    assert snapshot(victim) == before


@pytest.mark.parametrize("state", ['{"fromBase": [{}]}', "[1]", "{", '{"fromBase": 5}', "[" * 100_000])
def test_a_corrupt_state_file_is_ignored(tmp_path: Path, state: str) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    volume.mkdir()
    (volume / STATE_FILE).write_text(state)
    sync_volume(tmp_path / "image", volume)
    assert snapshot(volume) == snapshot(tmp_path / "image")


def test_a_scope_or_bin_folder_linked_outside_is_never_entered(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    outside = tmp_path / "outside"
    make_tree(outside, {"util": "9.9.9", "tool": "9.9.9"}, 1, with_bin=False)
    before = snapshot(outside)
    volume = tmp_path / "volume"
    volume.mkdir()
    (volume / "@scope").symlink_to(outside)
    (volume / ".bin").symlink_to(outside)
    report = sync_volume(tmp_path / "image", volume)
    assert snapshot(outside) == before
    assert {"@scope", ".bin"} <= set(report.conflicts)
    assert snapshot(volume) == snapshot(tmp_path / "image")
    moved = sorted(path.name.rsplit("-", 1)[0] for path in (volume / ".nmdoctor-conflicts").iterdir())
    assert moved == [".bin", "@scope"]


def test_private_folders_planted_as_links_are_not_followed(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious").write_text("x")
    volume = tmp_path / "volume"
    volume.mkdir()
    make_tree(volume, {"express": "5.0.0"}, 1, with_bin=False)  # a conflict: it goes to .nmdoctor-conflicts
    (volume / ".nmdoctor-conflicts").symlink_to(outside)
    (volume / ".nmdoctor-work").symlink_to(outside)
    (volume / STATE_FILE).symlink_to(outside / "precious")
    sync_volume(tmp_path / "image", volume)
    assert sorted(os.listdir(outside)) == ["precious"] and (outside / "precious").read_text() == "x"
    assert (volume / ".nmdoctor-conflicts").is_dir() and not (volume / ".nmdoctor-conflicts").is_symlink()


def test_user_bin_links_survive_an_image_update(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    sync_volume(tmp_path / "image", volume)
    make_tree(volume, {"user-cli": "1.0.0"}, 1, with_bin=False)
    (volume / ".bin" / "user-cli").symlink_to("../user-cli/f0.js")
    (volume / ".bin" / "tool").unlink()
    (volume / ".bin" / "tool").symlink_to("../user-cli/f0.js")  # a user's link where the image has one
    make_tree(tmp_path / "image2", {**IMAGE_V1, "tool": "2.0.0"})
    (tmp_path / "image2" / ".bin" / "other").symlink_to("../tool/f0.js")
    report = sync_volume(tmp_path / "image2", volume)
    assert os.readlink(volume / ".bin" / "user-cli") == "../user-cli/f0.js"
    assert os.readlink(volume / ".bin" / "tool") == "../tool/f0.js"
    assert os.readlink(volume / ".bin" / "other") == "../tool/f0.js"
    assert ".bin/tool" in report.conflicts and ".bin/user-cli" in report.kept
    [moved] = (volume / ".nmdoctor-conflicts").iterdir()
    assert os.readlink(moved) == "../user-cli/f0.js"


def test_a_rebuilt_addon_of_the_same_size_syncs(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    (tmp_path / "image/express/addon.node").write_bytes(b"ABI 115")
    volume = tmp_path / "volume"
    sync_volume(tmp_path / "image", volume)
    (tmp_path / "image/express/addon.node").write_bytes(b"ABI 127")
    report = sync_volume(tmp_path / "image", volume)
    assert report.replaced == ["express"] and (volume / "express/addon.node").read_bytes() == b"ABI 127"


def test_a_half_copied_package_is_not_up_to_date(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    sync_volume(tmp_path / "image", volume)
    (volume / "express/package.json").unlink()
    (volume / "express/f1.js").unlink()
    report = sync_volume(tmp_path / "image", volume)
    assert not report.up_to_date and report.conflicts == ["express"]  # changed since written: moved aside, not deleted
    assert snapshot(volume) == snapshot(tmp_path / "image")


def test_a_dropped_package_a_user_changed_is_moved_aside(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    sync_volume(tmp_path / "image", volume)
    (volume / "gone-later/patched.js").write_text("user edit")
    make_tree(tmp_path / "image2", {key: value for key, value in IMAGE_V1.items() if key != "gone-later"})
    report = sync_volume(tmp_path / "image2", volume)
    assert report.removed == ["gone-later"] and report.moved_aside == ["gone-later"]
    [moved] = (volume / ".nmdoctor-conflicts").iterdir()
    assert (moved / "patched.js").read_text() == "user edit"


def test_special_files(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    volume.mkdir()
    os.mkfifo(volume / "express")  # in the volume: moved aside, never opened
    os.mkfifo(volume / STATE_FILE)
    sync_volume(tmp_path / "image", volume)
    assert snapshot(volume) == snapshot(tmp_path / "image")
    os.mkfifo(tmp_path / "image/tool/pipe")  # in the image: a one-line error, nothing written
    result = subprocess.run(
        [NMDOCTOR, "volume-sync", "--base", str(tmp_path / "image"), "--target", str(tmp_path / "v2")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "tool/pipe: not a regular file" in result.stderr and not (tmp_path / "v2").exists()


def test_a_second_replica_waits_then_gives_up(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    volume.mkdir()
    holder = os.open(volume, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(holder, fcntl.LOCK_EX)
    try:
        result = subprocess.run(
            [NMDOCTOR, "volume-sync", "--base", str(tmp_path / "image"), "--target", str(volume), *LOCK_TIMEOUT],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    finally:
        os.close(holder)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"waiting for another volume-sync on {volume} to finish (up to 0.3 s)",
        f"Error: {volume}: another volume-sync held the lock for 0.3 s; gave up",
    ]
    assert os.listdir(volume) == []


def test_base_inside_target_is_refused(tmp_path: Path) -> None:
    make_tree(tmp_path / "volume/image", IMAGE_V1)
    with pytest.raises(SyncError, match="inside one another"):
        sync_volume(tmp_path / "volume/image", tmp_path / "volume")


def test_deep_folders_and_huge_manifests_planted_in_the_volume(tmp_path: Path) -> None:
    make_tree(tmp_path / "image", IMAGE_V1)
    volume = tmp_path / "volume"
    sync_volume(tmp_path / "image", volume)
    (volume / "express" / "/".join(["d"] * 400)).mkdir(parents=True)
    fd = os.open(volume / "gone-later", os.O_RDONLY)
    for _ in range(20):  # past PATH_MAX: only reachable relative to a folder
        os.mkdir("x" * 250, dir_fd=fd)
        fd, parent = os.open("x" * 250, os.O_RDONLY, dir_fd=fd), fd
        os.close(parent)
    os.close(fd)
    with open(volume / "tool/package.json", "r+b") as handle:
        handle.truncate(2 << 30)
    report = sync_volume(tmp_path / "image", volume)
    assert sorted(report.conflicts) == ["express", "gone-later", "tool"]
    assert snapshot(volume) == snapshot(tmp_path / "image")
