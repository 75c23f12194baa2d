"""More seeded random graphs installed with yarn 4's PnP linker, each compared with the runtime.

    .venv/bin/python -m tests.installs.pnp_sweep --seeds 20-39

prints the queries and disagreements per graph, then the totals (the test suite runs seeds 3 and 11).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.installs.random_graphs import random_graph
from tests.installs.registry import Registry
from tests.installs.test_pnp_runtime import _compare, install_pnp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="20-29", help="FIRST-LAST")
    first, _, last = parser.parse_args().seeds.partition("-")
    total = failed = 0
    with tempfile.TemporaryDirectory() as folder:
        for seed in range(int(first), int(last or first) + 1):
            packages, project, files = random_graph(seed, workspace_share=0.5, cycles=True)
            with Registry(packages) as registry:
                installed = install_pnp(project, files, {}, registry.url, Path(folder) / f"random-{seed}")
            try:
                answers = _compare(installed, f"random-{seed}", {item["name"] for item in packages} | {"wa", "wb"})
                total += len(answers)
            except AssertionError as error:
                failed += 1
                print(f"seed {seed}: {str(error).splitlines()[0]}")
    print(f"{total} queries in agreement; {failed} graphs with disagreements")


if __name__ == "__main__":
    main()
