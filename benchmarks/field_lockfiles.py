"""nmdoctor's lockfile model against the managers' own lockfile-only listings, on the real
lockfiles kept in tests/field/lockfiles (see benchmarks/field_lockfiles_extract.py).

    python benchmarks/field_lockfiles.py            # compare with the recorded listings
    python benchmarks/field_lockfiles.py --run      # run the managers again (and time them)
    python benchmarks/field_lockfiles.py --record   # run them and rewrite each MANAGER.json

The listings (package and edge sets) come from:
  npm         npm ls --all --json --package-lock-only
  pnpm 9.0    pnpm list -r --depth Infinity --json --lockfile-only   (pnpm 10.34.8, tests/node_tools)
  yarn berry  yarn info -AR --json                                    (yarn 4.18.1, tests/node_tools;
              yarn 4 refuses a lockfile yarn 2 or 3 wrote without an install: such a project is
              listed by the yarn its packageManager names, installed into .cache/yarn-VERSION)
Older pnpm lockfiles (5.x/6.0) and yarn 1 have no lockfile-only listing; for them only
``check --lockfile`` is run (no errors expected: the projects install from these lockfiles).

Prints, per lockfile, the packages and edges both sides have, and how much faster nmdoctor reads
the lockfile than the manager lists it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tests" / "node_tools" / "node_modules"
sys.path.insert(0, str(ROOT))

from tests.field.lockfile_sets import FIELD, PROJECT, manager_sets, our_sets, read_model, recorded  # noqa: E402


def _env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
    env.update({"HOME": tempfile.mkdtemp(prefix="nmd-home-"), "npm_config_update_notifier": "false"})
    return env


def _project_yarn(folder: Path) -> Path:
    """yarn.js of the yarn the project's ``packageManager`` names when it is yarn 2 or 3 (installed
    from the registry into .cache on first use), else the pinned yarn 4."""
    manifest = json.loads((folder / "package.json").read_text())
    wanted = str(manifest.get("packageManager", "")).partition("+")[0]
    pinned = TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"
    if not wanted.startswith(("yarn@2.", "yarn@3.")):
        return pinned
    version = wanted[len("yarn@") :]
    prefix = ROOT / ".cache" / f"yarn-{version}"
    cli = prefix / "node_modules" / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"
    if not cli.exists():
        command = ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", f"@yarnpkg/cli-dist@{version}"]
        subprocess.run(command, check=True, capture_output=True)
    return cli


def manager_command(kind: str, version: str, folder: Path) -> list[str] | None:
    if kind == "npm":
        return ["npm", "ls", "--all", "--json", "--package-lock-only"]
    if kind == "pnpm" and version.startswith("9"):
        return [
            "node",
            str(TOOLS / "pnpm" / "bin" / "pnpm.cjs"),
            "list",
            "-r",
            "--depth",
            "Infinity",
            "--json",
            "--lockfile-only",
            "--config.manage-package-manager-versions=false",
        ]
    if kind == "yarn-berry":
        return ["node", str(_project_yarn(folder)), "info", "-AR", "--json"]
    return None


def run_manager(folder: Path, command: list[str]) -> tuple[str, float]:
    """The manager's listing of a scratch copy of ``folder`` (managers write caches and state)."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / folder.name
        shutil.copytree(folder, copy)
        env = _env()
        env["YARN_IGNORE_PATH"] = "1"
        started = time.perf_counter()
        result = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        if result.returncode != 0 and not result.stdout.strip():
            raise RuntimeError(f"{folder.name}: {' '.join(command[:4])} failed: {result.stderr[-1000:]}")
        return result.stdout.replace(str(copy), "<project>"), elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--run", action="store_true", help="run the managers again")
    parser.add_argument("--record", action="store_true", help="run the managers and rewrite MANAGER.json")
    args = parser.parse_args()
    exact = True
    for folder in sorted(path for path in FIELD.iterdir() if path.is_dir()):
        started = time.perf_counter()
        lock = read_model(folder)
        ours_time = time.perf_counter() - started
        command = manager_command(lock.kind, lock.version, folder)
        if command is None:
            print(f"{folder.name:18} {lock.kind} {lock.version}: no lockfile-only listing (check --lockfile only)")
            continue
        theirs_time = None
        if args.run or args.record:
            output, theirs_time = run_manager(folder, command)
            packages, edges = manager_sets(lock.kind, output, PROJECT)
            if args.record:
                data = {
                    "command": " ".join(command[:1] if command[0] == "npm" else [Path(command[1]).parts[-3]])
                    + " "
                    + " ".join(command[1:] if command[0] == "npm" else command[2:]),
                    "tool": _tool_version(command),
                    "packages": sorted(packages),
                    "edges": sorted(edges),
                }
                (folder / "MANAGER.json").write_text(json.dumps(data, indent=0) + "\n")
        else:
            data = recorded(folder)
            if data is None:
                print(f"{folder.name:18} no MANAGER.json (run with --record)")
                continue
            packages, edges = set(data["packages"]), set(data["edges"])
        mine_packages, mine_edges = our_sets(lock, PROJECT)
        same_packages = len(packages & mine_packages) / max(len(packages | mine_packages), 1)
        same_edges = len(edges & mine_edges) / max(len(edges | mine_edges), 1)
        exact = exact and packages == mine_packages and edges == mine_edges
        speed = (
            f"  {theirs_time / ours_time:5.1f}x faster ({ours_time:.2f}s vs {theirs_time:.2f}s)" if theirs_time else ""
        )
        print(
            f"{folder.name:18} {lock.kind} {lock.version}: packages {same_packages:7.2%} of "
            f"{len(packages | mine_packages)}, edges {same_edges:7.2%} of {len(edges | mine_edges)}{speed}"
        )
        for label, only in (
            ("only the manager", sorted(packages - mine_packages)[:5]),
            ("only nmdoctor", sorted(mine_packages - packages)[:5]),
            ("edges only the manager", sorted(edges - mine_edges)[:5]),
            ("edges only nmdoctor", sorted(mine_edges - edges)[:5]),
        ):
            for item in only:
                print(f"    {label}: {item}")
    return 0 if exact else 1


def _tool_version(command: list[str]) -> str:
    if command[0] == "npm":
        return "npm " + subprocess.run(["npm", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    package = Path(command[1]).parents[1] / "package.json"
    data = json.loads(package.read_text())
    return f"{data['name']} {data['version']}"


if __name__ == "__main__":
    sys.exit(main())
