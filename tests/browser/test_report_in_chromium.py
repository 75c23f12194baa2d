"""The HTML report as a person sees it in Chromium: findings and fixes, the explorer, a migration,
and a tree of thousands of packages."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.browser.big_tree import write_big_tree
from tests.browser.conftest import ARTIFACTS, shoot

pytestmark = pytest.mark.browser

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
EXAMPLE_NAMES = sorted(path.name for path in EXAMPLES.iterdir() if (path / "package.json").exists())


def run(*args: str) -> tuple[int, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args))
    return result.exit_code, result.stdout


def open_report(page: Any, path: Path) -> float:
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    return time.perf_counter() - start


def search(page: Any, name: str) -> None:
    page.get_by_test_id("tab-packages").click()
    page.get_by_test_id("package-search").fill(name)
    page.locator(f'[data-testid=package-row][data-name="{name}"]').click()
    shown = "name => document.querySelector('[data-testid=package-name]')?.textContent === name"
    page.wait_for_function(shown, arg=name)


def shown_chains(page: Any) -> list[list[list[str]]]:
    """The chains under each instance card, as ``why --json`` lists them (all of them shown)."""
    for button in page.locator("[data-testid=chains] button").all():
        button.click()
    return [
        [item.split(" > ") for item in card.locator("[data-testid=chains] li").all_inner_texts()]
        for card in page.get_by_test_id("instance").all()
    ]


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_finding_and_its_fix_is_on_the_page(page: Any, tmp_path: Path, example: str) -> None:
    report = tmp_path / "report.html"
    run("check", str(EXAMPLES / example), "--format", "html", "--output", str(report))
    _, printed = run("check", str(EXAMPLES / example), "--format", "json")
    findings = json.loads(printed)["findings"]
    open_report(page, report)
    shoot(page, f"check-{example}")
    view = page.get_by_test_id("findings-view")
    assert view.is_visible()
    if not findings:  # the example of a setup that works
        assert page.get_by_test_id("findings-shown").inner_text() == "No problems found."
    shown = view.get_by_test_id("finding").all_inner_texts()
    assert len(shown) == len(findings)
    for finding in findings:
        assert any(finding["message"] in text and f"Fix: {finding['fix']}" in text for text in shown), finding


@pytest.mark.parametrize("example", EXAMPLE_NAMES)
def test_every_package_shows_its_instances_and_the_chains_why_prints(page: Any, tmp_path: Path, example: str) -> None:
    report = tmp_path / "report.html"
    run("check", str(EXAMPLES / example), "--format", "html", "--output", str(report))
    _, listing = run("ls", str(EXAMPLES / example), "--json")
    names = sorted({item["name"] for item in json.loads(listing)["instances"]})
    open_report(page, report)
    for name in names:
        _, printed = run("why", name, str(EXAMPLES / example), "--json")
        expected = json.loads(printed)["instances"]
        search(page, name)
        assert page.get_by_test_id("instance").count() == len(expected)
        assert [card.get_attribute("data-path") for card in page.get_by_test_id("instance").all()] == [
            item["path"] for item in expected
        ]
        assert shown_chains(page) == [item["chains"] for item in expected]


def test_doppelganger_copies_are_counted_and_marked(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run("check", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(report))
    open_report(page, report)
    row = page.locator('[data-testid=package-row][data-name="lodash"]')
    page.get_by_test_id("tab-packages").click()
    assert "doppelganger" in row.inner_text() and "3 copies" in row.inner_text()
    search(page, "lodash")
    assert page.get_by_test_id("instance-count").inner_text().startswith("3 installed instances")
    badges = page.locator("[data-testid=instance] .badge.dopple").all_inner_texts()
    assert badges == ["doppelganger: 2 copies of lodash@4.17.21"] * 2
    page.get_by_test_id("package-search").fill("")
    page.get_by_test_id("only-duplicates").check()
    assert page.get_by_test_id("packages-shown").inner_text() == "2 packages of 5"
    assert sorted(row.get_attribute("data-name") for row in page.get_by_test_id("package-row").all()) == [
        "lodash",
        "react",
    ]
    shoot(page, "doppelganger-lodash")


def test_filters_hide_and_show_findings(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run("check", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(report))
    open_report(page, report)
    assert page.get_by_test_id("finding").count() == 2
    page.locator("[data-severity=error]").uncheck()
    assert [item.get_attribute("data-code") for item in page.get_by_test_id("finding").all()] == ["doppelganger"]
    page.locator("[data-severity=error]").check()
    page.get_by_test_id("code-filter").select_option("duplicate-singleton")
    assert page.get_by_test_id("findings-shown").inner_text() == "1 finding shown of 2"
    page.get_by_test_id("code-filter").select_option("")
    page.get_by_test_id("finding-search").fill("lodash")
    assert page.get_by_test_id("finding").count() == 1


def test_a_finding_leads_to_its_package(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run("check", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(report))
    open_report(page, report)
    page.locator("[data-code=duplicate-singleton] a.pkg").first.click()
    assert page.get_by_test_id("package-name").inner_text() == "react"
    assert page.url.endswith("#pkg=react")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.get_by_test_id("package-detail").is_visible()
    assert page.get_by_test_id("package-name").inner_text() == "react"


def test_why_report_opens_on_the_package(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "why.html"
    run("why", "react", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(report))
    open_report(page, report)
    shoot(page, "why-react")
    assert page.get_by_test_id("package-name").inner_text() == "react"
    assert page.get_by_test_id("instance-count").inner_text().startswith("2 installed instances · 2 versions")
    missing = tmp_path / "missing.html"
    run("why", "left-pad", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(missing))
    open_report(page, missing)
    assert page.get_by_test_id("not-installed").inner_text() == "left-pad is not installed in this project."


def test_migration_breaks_are_listed(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "migrate.html"
    run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm", "--format", "html", "--output", str(report))
    _, printed = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm", "--json")
    document = json.loads(printed)
    open_report(page, report)
    shoot(page, "migrate-npm-phantom-to-pnpm")
    view = page.get_by_test_id("migration-view")
    assert view.is_visible()
    assert f"under {document['summary']['target']}" in page.get_by_test_id("migration-summary").inner_text()
    shown = view.get_by_test_id("finding").all_inner_texts()
    assert len(shown) == len(document["findings"]) > 0
    for finding in document["findings"]:
        assert any(finding["message"] in text for text in shown)


def test_a_tree_of_thousands_of_packages(page: Any, tmp_path: Path) -> None:
    folders = write_big_tree(tmp_path / "big")
    report = tmp_path / "big.html"
    run("check", str(tmp_path / "big"), "--format", "html", "--output", str(report))
    seconds = open_report(page, report)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "big-tree-render.json").write_text(json.dumps({"instances": folders, "seconds": round(seconds, 3)}))
    shoot(page, "big-tree-findings")
    page.get_by_test_id("tab-packages").click()
    # Only the rows on screen exist, however long the list.
    assert page.get_by_test_id("package-row").count() < 100
    assert page.get_by_test_id("packages-shown").inner_text() == "2800 packages of 2800"
    page.get_by_test_id("package-list").evaluate("list => { list.scrollTop = list.scrollHeight; }")
    page.wait_for_selector('[data-testid=package-row][data-name="pkg-2799"]')
    _, printed = run("check", str(tmp_path / "big"), "--format", "json")
    dopple = next(item["package"]["name"] for item in json.loads(printed)["findings"] if item["code"] == "doppelganger")
    _, printed = run("why", dopple, str(tmp_path / "big"), "--json")
    expected = json.loads(printed)["instances"]
    search(page, dopple)
    assert page.get_by_test_id("instance").count() == len(expected) > 2
    assert shown_chains(page) == [item["chains"] for item in expected]
    shoot(page, "big-tree-doppelganger")


def test_what_each_copy_depends_on_and_which_copy_it_gets(page: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run("check", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(report))
    open_report(page, report)
    search(page, "app-ui")
    uses = page.get_by_test_id("depends-on").inner_text()
    assert "react → 17.0.2" in uses and "lodash → 4.17.21" in uses
    page.get_by_test_id("depends-on").get_by_text("react → 17.0.2").click()
    assert page.get_by_test_id("package-name").inner_text() == "react"
