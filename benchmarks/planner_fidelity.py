"""Benchmark: every layout planner against the real manager's install of one large project.

Installs the project of benchmarks/large_tree.py (about 1,700-2,100 package folders) with the real,
pinned manager in each mode (npm 11 hoisted/nested/linked, pnpm 10 isolated/hoisted, yarn 1, yarn 4
node-modules) into a cache folder, once each, then plans the same graph with nmdoctor's planner for
that mode and prints, per mode: the planning time, and how much of the real layout the plan
reproduces: package folders at the same path with the same name@version, the same folders with the
same links to them, and resolved dependency edges. Needs the npm registry the first time.

    python benchmarks/planner_fidelity.py [--cache .cache/fidelity] [--modes npm-hoisted,pnpm-isolated]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.large_tree import PROJECT  # noqa: E402
from tests.installs import managers  # noqa: E402

from nmdoctor.api import load_project  # noqa: E402
from nmdoctor.inspect.pnpm_config import package_extensions  # noqa: E402
from nmdoctor.inspect.tree import read_installed_tree  # noqa: E402
from nmdoctor.linkers.logical import LogicalGraph, logical_graph  # noqa: E402
from nmdoctor.linkers.nested import plan_nested  # noqa: E402
from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted  # noqa: E402
from nmdoctor.linkers.npm_linked import plan_npm_linked  # noqa: E402
from nmdoctor.linkers.plan import Plan  # noqa: E402
from nmdoctor.linkers.pnpm import PnpmSettings, plan_pnpm  # noqa: E402
from nmdoctor.linkers.pnpm_hoisted import plan_pnpm_hoisted  # noqa: E402
from nmdoctor.linkers.yarn_berry import plan_yarn_berry  # noqa: E402
from nmdoctor.linkers.yarn_classic import plan_yarn_classic  # noqa: E402
from nmdoctor.model.graph import DependencyGraph  # noqa: E402
from nmdoctor.render.tree_json import ls_document  # noqa: E402
from nmdoctor.vfs import DiskFS  # noqa: E402
from nmdoctor.vfs.overlay import OverlayFS  # noqa: E402

REGISTRY = "https://registry.npmjs.org/"
PLANNERS: dict[str, Callable[[LogicalGraph, Path], Plan]] = {
    "npm-hoisted": lambda graph, _project: plan_npm_hoisted(graph),
    "npm-nested": lambda graph, _project: plan_nested(graph),
    "npm-linked": lambda graph, project: plan_npm_linked(graph, _registry_in_lockfile(project)),
    "pnpm-isolated": lambda graph, project: plan_pnpm(
        graph, PnpmSettings(package_extensions=package_extensions(DiskFS(), str(project)))
    ),
    "pnpm-hoisted": lambda graph, _project: plan_pnpm_hoisted(graph),
    "yarn-classic": lambda graph, _project: plan_yarn_classic(graph),
    "yarn-berry-nm": lambda graph, _project: plan_yarn_berry(graph),
}


def _registry_in_lockfile(project: Path) -> str | None:
    """npm's store folder names hash each package's tarball URL, or "null" when the lockfile has none
    (``omit-lockfile-registry-resolved``)."""
    lockfile = project / "package-lock.json"
    return REGISTRY if lockfile.exists() and '"resolved"' in lockfile.read_text() else None


def installed(cache: Path, mode: str) -> Path:
    project = cache / mode / "project"
    if not (cache / mode / "done").exists():
        if project.exists():
            sys.exit(f"{project}: an unfinished install; remove {cache / mode} and run again")
        print(f"installing with {mode} (once)...", file=sys.stderr)
        managers.TIMEOUT = 3600
        managers.install(PROJECT, {}, mode, REGISTRY, project, cache=cache / f"{mode}-cache")
        (cache / mode / "done").write_text("ok")
    return project.resolve()


def rows(graph: DependencyGraph, *, links: bool) -> set[tuple[object, ...]]:
    return {
        (item["name"], item["version"], item["path"], *((tuple(sorted(item["links"])),) if links else ()))
        for item in ls_document(graph)["instances"]
    }


def edges(graph: DependencyGraph) -> set[tuple[str, str, str | None]]:
    return {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in graph.edges}


def share(part: int, whole: int) -> str:
    return f"{part:,}/{whole:,} ({100 * part / whole:.1f}%)" if whole else "0/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(REPO / ".cache" / "fidelity"))
    parser.add_argument("--modes", default=",".join(PLANNERS))
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    fs = DiskFS()
    for mode in args.modes.split(","):
        project = installed(cache, mode)
        real = load_project(str(project), fs=fs)
        start = time.perf_counter()
        plan = PLANNERS[mode](logical_graph(real), project)
        planning = time.perf_counter() - start
        view = OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds)
        planned = read_installed_tree(view, str(project))
        placed = rows(real, links=False)
        linked = rows(real, links=True)
        real_edges = edges(real)
        print(f"{mode}: {len(placed):,} package folders installed, {len(rows(planned, links=False)):,} planned")
        print(f"  planning {planning:.2f} s")
        print(f"  same path and name@version  {share(len(placed & rows(planned, links=False)), len(placed))}")
        print(f"  same, with the same links   {share(len(linked & rows(planned, links=True)), len(linked))}")
        print(f"  same resolved edges         {share(len(real_edges & edges(planned)), len(real_edges))}")


if __name__ == "__main__":
    main()
