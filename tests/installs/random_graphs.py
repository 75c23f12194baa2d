"""Random small dependency graphs, installed by a real manager and compared with a planner.

    .venv/bin/python -m tests.installs.random_graphs [--mode yarn-berry-nm|yarn-classic|npm-nested|npm-hoisted]
        [--count 40] [--seed 1] [--workspace-share 0.5] [--cycles] [--limits none|workspaces|dependencies]

prints, per graph, whether the planned layout (paths, versions, links) and the resolved edges
equal the real install's, then the match rate. Graphs are seeded, so a mismatch can be replayed
with ``--seed N --count 1 --keep DIR``.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nmdoctor.api import load_project
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import LogicalGraph, logical_graph
from nmdoctor.linkers.nested import plan_nested
from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.yarn_berry import BerrySettings, plan_yarn_berry
from nmdoctor.linkers.yarn_classic import plan_yarn_classic
from nmdoctor.model.graph import DependencyGraph
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.overlay import OverlayFS
from tests.installs.managers import install
from tests.installs.registry import Registry

Rows = set[tuple[str, str, tuple[str, ...]]]


def random_graph(
    seed: int, *, workspace_share: float = 0.3, cycles: bool = False
) -> tuple[list[dict[str, Any]], dict[str, Any], dict[str, str]]:
    """Packages (names p0..pN, one to three majors each, dependencies on later names, some peers;
    with ``cycles``, some on earlier names too), and a project that depends on a few of them, or
    (``workspace_share`` of the graphs) whose workspaces do, one of them on the other as well."""
    rng = random.Random(seed)
    count = rng.randint(5, 12)
    names = [f"p{index}" for index in range(count)]
    majors = {name: rng.choice((1, 2, 2, 3, 3)) for name in names}
    packages: list[dict[str, Any]] = []
    for index, name in enumerate(names):
        later = names[index + 1 :]
        for major in range(1, majors[name] + 1):
            package: dict[str, Any] = {"name": name, "version": f"{major}.0.0"}
            chosen = rng.sample(later, k=min(len(later), rng.randint(0, 4)))
            if cycles and index > 0 and rng.random() < 0.2:
                chosen.append(rng.choice(names[:index]))
            dependencies = {dep: f"^{rng.randint(1, majors[dep])}.0.0" for dep in chosen}
            if dependencies:
                package["dependencies"] = dependencies
            if later and rng.random() < 0.3:
                peer = rng.choice(later)
                if peer not in dependencies:
                    package["peerDependencies"] = {peer: "*"}
            packages.append(package)

    def some_dependencies() -> dict[str, str]:
        chosen = rng.sample(names, k=rng.randint(2, min(5, count)))
        return {dep: f"^{rng.randint(1, majors[dep])}.0.0" for dep in chosen}

    files: dict[str, str] = {}
    project: dict[str, Any] = {"name": "root", "version": "1.0.0", "private": True}
    if rng.random() < workspace_share:
        project["workspaces"] = ["packages/*"]
        for workspace in ("wa", "wb"):
            manifest: dict[str, Any] = {"name": workspace, "version": "1.0.0", "dependencies": some_dependencies()}
            if workspace == "wb" and rng.random() < 0.5:
                manifest["dependencies"]["wa"] = "1.0.0"
            if rng.random() < 0.3:
                manifest["devDependencies"] = {
                    name: range_ for name, range_ in some_dependencies().items() if name not in manifest["dependencies"]
                }
            files[f"packages/{workspace}/package.json"] = json.dumps(manifest)
        if rng.random() < 0.5:
            project["dependencies"] = some_dependencies()
    else:
        project["dependencies"] = some_dependencies()
    return packages, project, files


def layout_rows(graph: DependencyGraph) -> Rows:
    document = ls_document(graph)
    return {
        (item["name"] + "@" + item["version"], item["path"], tuple(item["links"])) for item in document["instances"]
    }


def edges(graph: DependencyGraph) -> set[tuple[str, str, str | None]]:
    return {(edge.source.label, edge.name, edge.target.label if edge.target else None) for edge in graph.edges}


def compare(project: Path, planner: Callable[[LogicalGraph], Plan]) -> tuple[bool, str]:
    """Does the planned layout of the installed project's graph equal the installed layout?"""
    fs = DiskFS()
    real = load_project(str(project), fs=fs)
    plan = planner(logical_graph(real))
    planned = read_installed_tree(
        OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds), str(project)
    )
    real_rows, planned_rows = layout_rows(real), layout_rows(planned)
    if real_rows == planned_rows and edges(real) == edges(planned):
        return True, ""
    return False, f"only real: {sorted(real_rows - planned_rows)}\nonly planned: {sorted(planned_rows - real_rows)}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--mode", default="yarn-berry-nm", choices=["yarn-berry-nm", "yarn-classic", "npm-nested", "npm-hoisted"]
    )
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limits", default="none", choices=["none", "workspaces", "dependencies"])
    parser.add_argument("--keep", help="keep the installs under this folder")
    parser.add_argument("--workspace-share", type=float, default=0.3, help="share of graphs with workspaces")
    parser.add_argument("--cycles", action="store_true", help="some dependencies on earlier names (cycles)")
    args = parser.parse_args()
    if args.limits != "none" and args.mode != "yarn-berry-nm":
        parser.error("--limits is yarn berry's nmHoistingLimits")
    settings = BerrySettings(hoisting_limits=args.limits)
    planners: dict[str, Callable[[LogicalGraph], Plan]] = {
        "yarn-berry-nm": lambda graph: plan_yarn_berry(graph, settings),
        "yarn-classic": plan_yarn_classic,
        "npm-nested": plan_nested,
        "npm-hoisted": plan_npm_hoisted,
    }
    yarnrc = {"nmHoistingLimits": args.limits} if args.limits != "none" else None
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="nmdoctor-random-"))
    matched = 0
    try:
        for seed in range(args.seed, args.seed + args.count):
            packages, manifest, files = random_graph(seed, workspace_share=args.workspace_share, cycles=args.cycles)
            with Registry(packages) as registry:
                project = install(manifest, files, args.mode, registry.url, work / f"g{seed}", yarnrc=yarnrc)
            same, detail = compare(project, planners[args.mode])
            matched += same
            print(f"seed {seed}: {'same' if same else 'DIFFERENT'}", flush=True)
            if not same:
                print(detail, flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{matched}/{args.count} graphs identical (paths, versions, links and edges)")


if __name__ == "__main__":
    main()
