"""Check and time the yarn berry planner on a large real tree installed by real yarn 4.

Installs the project of benchmarks/large_tree.py (about 1,700 packages) with the pinned yarn 4
(tests/node_tools, ``nodeLinker: node-modules``, build scripts skipped) into a cache folder, once,
then plans the same graph with ``plan_yarn_berry`` and prints the planning time and whether the
planned layout (every package's path and version, every link, every resolved edge) equals the
installed one, with the rows that differ. Needs the npm registry the first time.

    python benchmarks/berry_large_tree.py [--cache .cache/bench-berry] [--limits none|workspaces|dependencies]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from tests.installs.random_graphs import compare  # noqa: E402

from large_tree import PROJECT  # noqa: E402
from nmdoctor.linkers.logical import LogicalGraph  # noqa: E402
from nmdoctor.linkers.plan import Plan  # noqa: E402
from nmdoctor.linkers.yarn_berry import BerrySettings, plan_yarn_berry  # noqa: E402

YARN = REPO / "tests" / "node_tools" / "node_modules" / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"
# Two of yarn 4.18.1's built-in package extensions (plugin-compat) that this project meets: yarn
# adds these peers before resolving. Without the first, react-dev-utils is planned one level higher
# than yarn puts it; without the second, react-scripts gets its own eslint 8, which yarn never
# installs (the peer wins over react-scripts' dependency on eslint ^8: it sees the project's 9).
EXTENSIONS = (
    ("react-dev-utils@*", (("typescript", ">=2.7"), ("webpack", ">=4"))),
    ("react-scripts@*", (("eslint", "*"),)),
)


def install(folder: Path, limits: str) -> None:
    marker = folder / ".installed"
    if marker.exists():
        return
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "home").mkdir(parents=True)
    project = folder / "project"
    project.mkdir()
    (project / "package.json").write_text(json.dumps(PROJECT, indent=2))
    (project / "yarn.lock").write_text("")
    (project / ".yarnrc.yml").write_text(
        "nodeLinker: node-modules\nenableGlobalCache: false\nenableTelemetry: false\n"
        f"cacheFolder: {folder / 'cache'}\nnmHoistingLimits: {limits}\n"
        'npmRegistryServer: "https://registry.npmjs.org"\n'
    )
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith("yarn_")}
    env.update({"HOME": str(folder / "home"), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
    subprocess.run(["node", str(YARN), "install", "--mode=skip-build"], cwd=project, env=env, check=True)
    marker.write_text("")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench-berry"))
    parser.add_argument("--limits", default="none", choices=["none", "workspaces", "dependencies"])
    args = parser.parse_args()
    folder = Path(args.cache) / args.limits
    install(folder, args.limits)
    settings = BerrySettings(hoisting_limits=args.limits, package_extensions=EXTENSIONS)
    timings: list[float] = []

    def planner(graph: LogicalGraph) -> Plan:
        start = time.perf_counter()
        plan = plan_yarn_berry(graph, settings)
        timings.append(time.perf_counter() - start)
        return plan

    same, detail = compare(folder / "project", planner)
    print(f"plan_yarn_berry: {timings[0]:.2f}s; layout and edges identical to yarn 4: {same}")
    if not same:
        print(detail)


if __name__ == "__main__":
    main()
