"""volume-sync storm: two and four replicas at once on one volume, kill -9 at random instants, image
updates between rounds, users adding packages and .bin links; the final state checked exactly each round.

``NMDOCTOR_STORM_ROUNDS`` sets the number of rounds (default 24, about a minute here; the closing note
of the hardening work measured 240).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.unit.docker.test_volume_sync import snapshot

NMDOCTOR = str(Path(sys.executable).with_name("nmdoctor"))
ROUNDS = int(os.environ.get("NMDOCTOR_STORM_ROUNDS", "24"))


def make_image(folder: Path, generation: int) -> None:
    """An image: some packages change with each generation, some stay, one comes and goes; an addon."""
    packages = {"express": f"4.{generation}.0", "@scope/util": "1.0.0", "tool": f"1.{generation % 3}.0"}
    packages[f"only-gen-{generation % 4}"] = "1.0.0"
    if generation % 2:
        packages["@scope/odd"] = "1.0.0"
    for name, version in packages.items():
        package = folder / name
        package.mkdir(parents=True)
        (package / "package.json").write_text(json.dumps({"name": name, "version": version}))
        for index in range(12):
            (package / "lib" / f"f{index}.js").parent.mkdir(exist_ok=True)
            (package / "lib" / f"f{index}.js").write_text(f"// {name} {index}\n" * 40)
    # A native addon rebuilt for another ABI: same size, other bytes, same package.json.
    (folder / "@scope/util/addon.node").write_bytes(f"ABI-{generation % 2}".encode())
    (folder / ".bin").mkdir()
    (folder / ".bin/tool").symlink_to("../tool/lib/f0.js")
    (folder / ".bin" / f"gen{generation % 4}").symlink_to("../express/lib/f1.js")


def images(tmp_path: Path, count: int = 5) -> list[Path]:
    found = []
    for generation in range(count):
        folder = tmp_path / f"image{generation}"
        make_image(folder, generation)
        found.append(folder)
    return found


def add_user_package(volume: Path, round_: int) -> None:
    name = f"user-{round_}"
    (volume / name).mkdir()
    (volume / name / "package.json").write_text(json.dumps({"name": name, "version": "1.0.0"}))
    (volume / name / "cli.js").write_text(f"// {name}\n")
    (volume / ".bin").mkdir(exist_ok=True)
    (volume / ".bin" / name).symlink_to(f"../{name}/cli.js")


def sync(base: Path, volume: Path, delay: str | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NMDOCTOR_SYNC_STEP_DELAY": delay} if delay else None
    return subprocess.Popen(
        [NMDOCTOR, "volume-sync", "--base", str(base), "--target", str(volume), "--lock-timeout", "60"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def unit_contents(folder: Path) -> dict[str, dict[str, str]]:
    """Each top-level unit (package, scoped package, .bin link) with its files."""
    units: dict[str, dict[str, str]] = {}
    for relative, content in snapshot(folder).items():
        parts = relative.split("/")
        unit = "/".join(parts[:2]) if parts[0].startswith(("@", ".bin")) else parts[0]
        units.setdefault(unit, {})[relative] = content
    return units


@pytest.mark.slow
def test_replicas_and_kills_never_leave_a_broken_volume(tmp_path: Path) -> None:
    rng = random.Random(16)
    generations = images(tmp_path)
    volume = tmp_path / "volume"
    user: dict[str, str] = {}
    kills = waits = 0
    for round_ in range(ROUNDS):
        image = generations[round_ % len(generations)]
        previous = generations[(round_ - 1) % len(generations)]
        replicas = 2 if round_ % 2 else 4
        processes = [sync(image, volume, rng.choice([None, "0.002", "0.005"])) for _ in range(replicas)]
        victims = [process for process in processes if rng.random() < 0.5]
        time.sleep(rng.uniform(0.0, 0.6))
        for process in victims:
            process.send_signal(signal.SIGKILL)
            time.sleep(rng.uniform(0.0, 0.05))
        for process in processes:
            _, errors = process.communicate(timeout=120)
            if process not in victims or process.returncode != -signal.SIGKILL:
                assert process.returncode == 0, (round_, errors)
            kills += process.returncode == -signal.SIGKILL
            waits += b"waiting for another volume-sync" in errors
        # Between the kills and the final run: every unit in place is whole (one image's or the user's).
        whole = {**unit_contents(image), **unit_contents(previous)}
        for unit, files in unit_contents(volume).items():
            if not unit.startswith((".bin/user-", "user-")):
                assert files in (unit_contents(image).get(unit), unit_contents(previous).get(unit)), (round_, unit)
                assert unit in whole
        final = subprocess.run([NMDOCTOR, "volume-sync", "--base", str(image), "--target", str(volume)], check=False)
        assert final.returncode == 0
        assert snapshot(volume) == {**snapshot(image), **user}, round_
        assert not (volume / ".nmdoctor-work").exists() and not (volume / ".nmdoctor-conflicts").exists()
        if round_ % 3 == 0:
            add_user_package(volume, round_)
            user.update({key: value for key, value in snapshot(volume).items() if f"user-{round_}" in key})
    assert kills > 0 and waits > 0
