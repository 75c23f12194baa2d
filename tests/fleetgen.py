"""A fleet of repositories for the fleet tests and benchmark, from real lockfiles.

The bases are the real lockfiles of tests/fixtures/lockfiles (npm v1/v2/v3, pnpm 5.4/6/9, yarn
classic and berry, npm and pnpm workspaces) and tests/fixtures/fleet/react-two (npm, two reacts).
Variants rename the project, drop a declared dependency from the manifest (the lockfile then has
more than the manifest asks for), and add the container setups of seeds 000 and 003. Some are
broken on purpose, each in a way whose error row the tests know: no lockfile, a truncated JSON
lockfile, a pnpm lockfile that is not YAML, a compose file that is not YAML, and a folder without a
package.json (read from its lockfile alone, as `check --lockfile` does).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.unit.docker.test_docker import (
    SEED_000_COMPOSE,
    SEED_000_DOCKERFILE,
    SEED_000_ENTRYPOINT,
    SEED_003_COMPOSE,
    SEED_003_DOCKERFILE,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LOCKS = FIXTURES / "lockfiles"

# name -> (folder to copy, extra files from elsewhere)
BASES: dict[str, tuple[Path, dict[str, Path]]] = {
    "send-npm": (LOCKS / "send-0.18" / "npm", {"package.json": LOCKS / "send-0.18" / "package.json"}),
    "send-pnpm": (LOCKS / "send-0.18" / "pnpm", {"package.json": LOCKS / "send-0.18" / "package.json"}),
    "send-yarn-classic": (
        LOCKS / "send-0.18" / "yarn-classic",
        {"package.json": LOCKS / "send-0.18" / "package.json"},
    ),
    "send-yarn-berry": (LOCKS / "send-0.18" / "yarn-berry", {"package.json": LOCKS / "send-0.18" / "package.json"}),
    "npm-v1": (LOCKS / "older" / "npm-v1", {}),
    "npm-v2": (LOCKS / "older" / "npm-v2", {}),
    "pnpm-5.4": (LOCKS / "older" / "pnpm-5.4", {}),
    "pnpm-6.0": (LOCKS / "older" / "pnpm-6.0", {}),
    "workspaces-npm": (LOCKS / "workspaces" / "npm", {}),
    "workspaces-pnpm": (LOCKS / "workspaces" / "pnpm", {}),
    "react-two": (FIXTURES / "fleet" / "react-two", {}),
}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_repo(folder: Path, index: int) -> str:
    """Repository number ``index`` of the fleet, written to ``folder``; returns what it is."""
    names = sorted(BASES)
    base = names[index % len(names)]
    source, extra = BASES[base]
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("PROVENANCE.md"))
    for name, path in extra.items():
        shutil.copyfile(path, folder / name)
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    manifest["name"] = f"{manifest.get('name', base)}-{index}"
    if index % 5 == 1 and manifest.get("dependencies"):
        del manifest["dependencies"][sorted(manifest["dependencies"])[0]]
    _write(folder / "package.json", json.dumps(manifest, indent=2) + "\n")
    kind = base
    if index % 7 == 2:
        _write(folder / "Dockerfile", SEED_000_DOCKERFILE)
        _write(folder / "docker-compose.yml", SEED_000_COMPOSE)
        _write(folder / "docker-entrypoint.sh", SEED_000_ENTRYPOINT)
        kind += "+seed000"
    elif index % 7 == 5:
        _write(folder / "Dockerfile", SEED_003_DOCKERFILE)
        _write(folder / "docker-compose.yml", SEED_003_COMPOSE)
        kind += "+seed003"
    broken = index % 23
    lockfiles = [name for name in ("package-lock.json", "pnpm-lock.yaml", "yarn.lock") if (folder / name).exists()]
    if broken == 3:
        for name in lockfiles:
            (folder / name).unlink()
        return "broken:no-lockfile"
    if broken == 8:
        lock = folder / lockfiles[0]
        text = lock.read_text(encoding="utf-8")
        if lock.name == "pnpm-lock.yaml":
            lock.write_text(text + "\n  - : [unclosed\n", encoding="utf-8")
        else:
            lock.write_text(text[: len(text) // 2], encoding="utf-8")
        return "broken:corrupt-lockfile"
    if broken == 13:
        (folder / "package.json").unlink()
        return "broken:no-manifest"
    if broken == 18:
        _write(folder / "docker-compose.yml", "services:\n  app: [unclosed\n")
        return "broken:compose"
    return kind


def make_fleet(root: Path, count: int) -> dict[str, str]:
    """``count`` repositories under ``root`` (``repo-0000``, ...); returns each one's kind."""
    root.mkdir(parents=True, exist_ok=True)
    return {f"repo-{index:04d}": make_repo(root / f"repo-{index:04d}", index) for index in range(count)}


def git(*args: str, cwd: Path | None = None) -> str:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "fleet",
        "GIT_AUTHOR_EMAIL": "fleet@example.invalid",
        "GIT_COMMITTER_NAME": "fleet",
        "GIT_COMMITTER_EMAIL": "fleet@example.invalid",
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=environment, capture_output=True, text=True, check=True)
    return done.stdout


def make_bare_mirror(checkouts: Path, mirrors: Path) -> None:
    """Every folder of ``checkouts`` committed (as it is, one commit on ``main``) into a bare
    repository ``mirrors/<name>.git``: the shape of a mirror of an organisation's repositories."""
    mirrors.mkdir(parents=True, exist_ok=True)
    for folder in sorted(checkouts.iterdir()):
        bare = mirrors / f"{folder.name}.git"
        git("init", "-q", "--bare", "--initial-branch=main", str(bare))
        git("--git-dir", str(bare), "--work-tree", str(folder), "add", "-A")
        git("--git-dir", str(bare), "--work-tree", str(folder), "commit", "-q", "-m", "snapshot")


if __name__ == "__main__":
    import sys

    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python -m tests.fleetgen DIR COUNT [MIRROR_DIR]")
    made = make_fleet(Path(sys.argv[1]), int(sys.argv[2]))
    if len(sys.argv) == 4:
        make_bare_mirror(Path(sys.argv[1]), Path(sys.argv[3]))
    print(f"{len(made)} repositories in {sys.argv[1]}")
