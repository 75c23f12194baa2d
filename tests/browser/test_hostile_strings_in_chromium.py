"""Hostile strings from a scanned tree through the HTML report, in the real Chromium: every package name
comes back from the page's data exactly (UTF-16 code unit for code unit), nothing runs, the page draws."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from tests.browser.test_report_in_chromium import open_report
from tests.hostile.cases import HOSTILE_STRINGS, write

pytestmark = pytest.mark.browser

CORPUS = [
    *HOSTILE_STRINGS,
    "<!--",
    "-->",
    "<!-- <script>",
    "</SCRIPT >",
    "</script\t>",
    "<script>alert(3)</script>",
    "]]>",
    "<![CDATA[x]]>",
    "\\",
    '"',
    "'",
    "`${alert(4)}`",
    "\\u003c/script>",
    "\x00\x01\x7f\x9f",
    "\ufeff\ufffe\uffff",
    "\U0001f600",
    "&lt;/script&gt;",
    "{{DATA}}",
    "{{SCRIPT}}",
]

CODE_UNITS = "names => names.map(name => Array.from({length: name.length}, (_, i) => name.charCodeAt(i)))"


def utf16_units(text: str) -> list[int]:
    raw = text.encode("utf-16-le", "surrogatepass")
    return [int.from_bytes(raw[index : index + 2], "little") for index in range(0, len(raw), 2)]


def hostile_project(root: Path) -> None:
    write(root / "package.json", json.dumps({"name": "app", "version": "1.0.0"}))
    for index, text in enumerate(CORPUS):
        write(
            root / "node_modules" / f"p{index}" / "package.json",
            json.dumps({"name": text, "version": "1.0.0", "description": text}),
        )


def test_every_hostile_name_round_trips_through_the_page(page: Any, tmp_path: Path) -> None:
    project = tmp_path / "project"
    hostile_project(project)
    report = tmp_path / "report.html"
    result = CliRunner(mix_stderr=False).invoke(
        main, ["check", str(project), "--format", "html", "--output", str(report)]
    )
    assert result.exit_code in (0, 1), result.stderr
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_report(page, report)
    names = page.evaluate(
        "() => JSON.parse(document.getElementById('report-data').textContent).instances.map(i => i.name)"
    )
    units = page.evaluate(
        f"() => ({CODE_UNITS})(JSON.parse(document.getElementById('report-data').textContent)"
        ".instances.map(i => i.name))"
    )
    assert len(names) == len(CORPUS) + 1
    assert sorted(map(tuple, units)) == sorted(tuple(utf16_units(text)) for text in [*CORPUS, "app"])
    assert dialogs == []
    # One <script> of data and one of code: no string opened another element.
    assert page.evaluate("() => document.querySelectorAll('script').length") == 2
    page.get_by_test_id("tab-packages").click()
    page.get_by_test_id("package-search").fill("script")
    assert page.locator("[data-testid=package-row]").count() >= 3


def test_a_hostile_title_stays_text(page: Any, tmp_path: Path) -> None:
    project = tmp_path / "project"
    hostile_project(project)
    report = tmp_path / "why.html"
    name = "</title><script>alert(5)</script><!--"
    CliRunner(mix_stderr=False).invoke(main, ["why", name, str(project), "--format", "html", "--output", str(report)])
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_report(page, report)
    assert page.title() == f"nmdoctor why {name}"
    assert dialogs == []


def test_addresses_of_ill_formed_names_and_broken_addresses(page: Any, tmp_path: Path) -> None:
    project = tmp_path / "project"
    hostile_project(project)
    report = tmp_path / "report.html"
    CliRunner(mix_stderr=False).invoke(main, ["check", str(project), "--format", "html", "--output", str(report)])
    page.goto(report.as_uri() + "#pkg=%E0%A4%A")  # edited by hand: the page opens as usual
    page.wait_for_selector("body[data-ready=true]")
    lone = "\udc80\udcff"
    address = "#pkg=json:" + "".join(f"%{byte:02X}" for byte in json.dumps(lone).encode())
    page.goto(report.as_uri() + address)
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    shown = page.evaluate(
        f"() => ({CODE_UNITS})([document.querySelector('[data-testid=package-name]')?.textContent ?? ''])"
    )
    assert shown == [utf16_units(lone)]
