"""How many of real pnpm's `node_modules/.pnpm/` folder names the pnpm planner reproduces.

Uses the installs benchmarks/large_tree.py builds (run it first): plans pnpm's isolated layout from
the pnpm install's own graph and from the npm install's graph of the same project, and compares the
planned `.pnpm` folder names with the ones pnpm wrote.

    python benchmarks/pnpm_store_names.py [--cache .cache/bench] [--show 10] [--compat]

pnpm also applies its built-in compatibility database (peers it adds to known packages); nmdoctor
does not ship it. `--compat` passes the entries this project meets (every package whose peers in
pnpm's lockfile differ from its package.json) as packageExtensions, to show that they explain the
remaining differences.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from nmdoctor.api import load_project
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.pnpm import PnpmSettings, plan_pnpm
from nmdoctor.render.tree_json import ls_document
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.overlay import OverlayFS

REPO = Path(__file__).resolve().parent.parent
NOT_PACKAGES = {"node_modules", "lock.yaml"}
OPTIONAL = {"optional": True}
# What pnpm 10.34.8's compatibility database adds to packages of this project (read from its
# lockfile's `packages:` entries, which differ from the packages' own package.json).
COMPAT = {
    "react-scripts@*": {"peerDependencies": {"eslint": "*"}},
    "eslint-module-utils@*": {
        "peerDependenciesMeta": {
            name: OPTIONAL
            for name in (
                "eslint-import-resolver-node",
                "eslint-import-resolver-typescript",
                "eslint-import-resolver-webpack",
                "@typescript-eslint/parser",
            )
        }
    },
    "eslint-plugin-import@*": {"peerDependenciesMeta": {"@typescript-eslint/parser": OPTIONAL}},
    "eslint-config-react-app@*": {
        "peerDependencies": {"typescript": "*"},
        "peerDependenciesMeta": {"typescript": OPTIONAL},
    },
    "react-dev-utils@*": {
        "peerDependencies": {"typescript": ">=2.7", "webpack": ">=4"},
        "peerDependenciesMeta": {"typescript": OPTIONAL},
    },
    "debug@<4": {"peerDependenciesMeta": {"supports-color": OPTIONAL}},
}


def real_names(project: Path) -> set[str]:
    return {name for name in os.listdir(project / "node_modules" / ".pnpm") if name not in NOT_PACKAGES}


def planned_names(project: Path, settings: PnpmSettings) -> tuple[set[str], set[str], float]:
    """The planned .pnpm folder names, the graph's name@version keys, and the planning time."""
    graph = load_project(str(project), fs=DiskFS())
    logical = logical_graph(graph)
    started = time.perf_counter()
    plan = plan_pnpm(logical, settings)
    seconds = time.perf_counter() - started
    store = f"{graph.project}/node_modules/.pnpm"
    keys = {key for key, package in logical.packages.items() if package.importer is None}
    return {name for name in plan.fs.listdir(store) if name not in NOT_PACKAGES}, keys, seconds


def rows(graph: object) -> set[tuple[str, str, tuple[str, ...]]]:
    document = ls_document(graph)  # type: ignore[arg-type]
    return {
        (item["name"] + "@" + item["version"], item["path"], tuple(item["links"])) for item in document["instances"]
    }


def hoisted(project: Path, fs: object) -> dict[str, str]:
    """name -> real folder of each link in node_modules/.pnpm/node_modules (pnpm's hidden hoisting)."""
    folder = f"{project}/node_modules/.pnpm/node_modules"
    found: dict[str, str] = {}
    for entry in fs.listdir(folder):  # type: ignore[attr-defined]
        if entry == ".bin":
            continue
        names = [f"{entry}/{child}" for child in fs.listdir(f"{folder}/{entry}")] if entry.startswith("@") else [entry]  # type: ignore[attr-defined]
        for name in names:
            found[name] = fs.realpath(f"{folder}/{name}")  # type: ignore[attr-defined]
    return found


def same_tree(project: Path, settings: PnpmSettings) -> None:
    """The plan from pnpm's own graph against pnpm's tree: instances (path and links) and hoisting."""
    fs = DiskFS()
    real = load_project(str(project), fs=fs)
    plan = plan_pnpm(logical_graph(real), settings)
    overlay = OverlayFS(plan.fs, fs, [f"{root.path}/node_modules" for root in real.roots], plan.binds)
    planned = read_installed_tree(overlay, str(project))
    real_rows, planned_rows = rows(real), rows(planned)
    print(
        f"pnpm tree: {len(real_rows & planned_rows)}/{len(real_rows)} instances at pnpm's path with the same links "
        "(hidden hoisting included)"
    )
    real_hoisted, planned_hoisted = hoisted(project, fs), hoisted(project, overlay)
    same = sum(planned_hoisted.get(name) == target for name, target in real_hoisted.items())
    print(f"pnpm tree: {same}/{len(real_hoisted)} hoisted names link the same folder ({len(planned_hoisted)} planned)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench"))
    parser.add_argument("--show", type=int, default=10, help="differences to print per side")
    parser.add_argument("--compat", action="store_true", help="apply COMPAT as packageExtensions")
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    settings = PnpmSettings(package_extensions=COMPAT) if args.compat else PnpmSettings()
    same_tree(cache / "pnpm", settings)
    real = real_names(cache / "pnpm")
    print(f"real pnpm install: {len(real)} .pnpm folders, {sum('_' in name for name in real)} with a suffix")
    pnpm_keys: set[str] = set()
    for source in ("pnpm", "npm"):
        planned, keys, seconds = planned_names(cache / source, settings)
        pnpm_keys = pnpm_keys or keys
        if source == "npm":
            print(
                f"npm's graph: {len(keys)} name@version, {len(keys & pnpm_keys)} also in pnpm's "
                f"({len(pnpm_keys - keys)} only in pnpm's, {len(keys - pnpm_keys)} only in npm's)"
            )
        same = real & planned
        print(
            f"planned from the {source} install's graph: {len(planned)} folders, {len(same)}/{len(real)} "
            f"real names reproduced exactly ({100 * len(same) / len(real):.1f}%), "
            f"{len(planned - real)} planned names pnpm did not make; planning took {seconds:.2f} s"
        )
        for name in sorted(real - planned)[: args.show]:
            print(f"    real only:    {name}")
        for name in sorted(planned - real)[: args.show]:
            print(f"    planned only: {name}")


if __name__ == "__main__":
    main()
