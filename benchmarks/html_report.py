"""Benchmark: the HTML report on large trees, from the command to a page a person can use.

On the real npm and pnpm trees of benchmarks/large_tree.py (installed once into its cache) and on a
generated npm-shaped tree of about 3,000 package folders, prints:
  - `nmdoctor check --format html` against `nmdoctor check --format json` (whole processes; the
    difference is measuring package folders and writing the page) and the page's size;
  - in Debian's Chromium (Playwright): from navigation to the page ready to use, and from typing a
    package name in the search box to its instances on screen; median of --repeat loads.

    python benchmarks/html_report.py [--cache .cache/bench] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.large_tree import install, timed  # noqa: E402
from tests.browser.big_tree import write_big_tree  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402


def browser_figures(report: Path, name: str, repeat: int) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    loads, searches = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            start = time.perf_counter()
            page.goto(report.as_uri())
            page.wait_for_selector("body[data-ready=true]")
            loads.append(time.perf_counter() - start)
            page.get_by_test_id("tab-packages").click()
            start = time.perf_counter()
            page.get_by_test_id("package-search").fill(name)
            page.get_by_test_id("package-search").press("Enter")
            page.wait_for_selector("[data-testid=instance]")
            searches.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return statistics.median(loads), statistics.median(searches)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", default=str(REPO / ".cache" / "bench"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if chromium_path() is None:
        sys.exit("needs Chromium (apt-get install chromium)")
    cache = Path(args.cache).resolve()
    nmdoctor = str(Path(sys.executable).with_name("nmdoctor"))
    with tempfile.TemporaryDirectory() as scratch:
        generated = Path(scratch) / "generated"
        write_big_tree(generated, packages=2800)
        trees = []
        for manager in ("npm", "pnpm"):
            install(cache / manager, manager)
            trees.append((f"{manager} tree (real)", cache / manager, "debug"))
        trees.append(("generated npm tree", generated, "pkg-0080"))
        for label, folder, name in trees:
            report = Path(scratch) / f"{folder.name}.html"
            as_json = timed([nmdoctor, "check", "--format", "json", "--output", str(report) + ".json"], folder, 3)
            as_html = timed([nmdoctor, "check", "--format", "html", "--output", str(report)], folder, 3)
            document = json.loads((Path(str(report) + ".json")).read_text())
            instances = document["summary"]["instances"]
            load, search = browser_figures(report, name, args.repeat)
            print(f"{label}: {instances} instances, page {report.stat().st_size / 1024:.0f} KB")
            print(f"  check --format json  {as_json:.3f} s")
            print(f"  check --format html  {as_html:.3f} s   ratio html/json {as_html / as_json:.2f}x")
            print(f"  Chromium: page ready {load:.3f} s, search '{name}' to its instances {search:.3f} s")


if __name__ == "__main__":
    main()
