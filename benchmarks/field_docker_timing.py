"""Time `nmdoctor docker` on the field set (tests/field/docker) against hadolint on the same Dockerfiles.

One process per case for each tool, as a user runs them: ``nmdoctor docker FOLDER --json`` (with the
case's ``-f`` stack) and ``hadolint`` on every Dockerfile under the case's folder. hadolint reads only
the Dockerfiles (nmdoctor also reads compose files, .dockerignore, manifests and start scripts), so
the ratio says what the extra reading costs, not which tool finds more. Prints the total of the
best of ``--repeat`` runs per case and the ratio; skips hadolint when it is not found.

    python benchmarks/field_docker_timing.py [--hadolint PATH] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIELD = REPO / "tests" / "field" / "docker"
sys.path.insert(0, str(REPO / "src"))

from nmdoctor.docker.project import dockerfile_names  # noqa: E402
from nmdoctor.vfs import DiskFS  # noqa: E402


def _best(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def _dockerfiles(folder: Path) -> list[str]:
    fs = DiskFS()
    return sorted(
        f"{path}/{name}"
        for path in [folder, *(item for item in folder.rglob("*") if item.is_dir())]
        for name in dockerfile_names(fs, str(path))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hadolint", default=shutil.which("hadolint"), help="the hadolint binary (default: PATH)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best counts (default 3)")
    args = parser.parse_args()
    nmdoctor = [sys.executable, "-c", "from nmdoctor.cli.entry import run; run()", "docker"]
    cases = json.loads((FIELD / "judgments.json").read_text())["cases"]
    ours = theirs = 0.0
    files = 0
    for case in cases:
        folder = (FIELD / case.get("dir", case["case"]) / case["folder"]).resolve()
        stack = [word for name in case.get("compose", []) for word in ("-f", name)]
        ours += _best([*nmdoctor, str(folder), "--json", *stack], args.repeat)
        dockerfiles = _dockerfiles(folder)
        files += len(dockerfiles)
        if args.hadolint and dockerfiles:
            theirs += _best([args.hadolint, "--no-fail", *dockerfiles], args.repeat)
    print(f"{len(cases)} cases, {files} Dockerfiles under their folders, best of {args.repeat} per case")
    print(f"nmdoctor docker --json  {ours:7.2f} s  ({ours / len(cases) * 1000:.0f} ms a case)")
    if args.hadolint:
        print(f"hadolint                {theirs:7.2f} s  ({theirs / len(cases) * 1000:.0f} ms a case)")
        print(f"ratio nmdoctor/hadolint {ours / theirs:7.2f}")
    else:
        print("hadolint not found: pass --hadolint PATH")


if __name__ == "__main__":
    main()
