"""The HTML report's document and file, without a browser (tests/browser looks at the page itself)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.inspect.sizes import folder_size
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.model.chains import dependency_chains
from nmdoctor.render.html_report import render_html, report_data
from nmdoctor.vfs import DiskFS

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def embedded(page: str) -> dict[str, object]:
    match = re.search(r'<script id="report-data" type="application/json">(.*?)</script>', page, re.S)
    assert match is not None
    return json.loads(match.group(1).replace("<\\/", "</"))


def test_check_html_carries_the_findings_and_the_tree(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run("check", str(EXAMPLES / "npm-doppelganger"), "--format", "html", "--output", str(target))
    assert (code, out) == (1, "")
    page = target.read_text()
    assert "<script src" not in page and "<link" not in page and "http://" not in page and "https://" not in page
    data = embedded(page)
    _, json_out, _ = run("check", str(EXAMPLES / "npm-doppelganger"), "--format", "json")
    assert data["findings"] == json.loads(json_out)
    lodash = [item for item in data["instances"] if item["name"] == "lodash"]  # type: ignore[union-attr]
    assert len(lodash) == 3
    for item in lodash:
        assert item["size"] == folder_size(str(EXAMPLES / "npm-doppelganger" / item["path"]))
    assert "doppelganger" in data["meanings"]  # type: ignore[operator]


def test_dependents_are_in_the_order_why_walks_them() -> None:
    graph = read_installed_tree(DiskFS(), str(EXAMPLES / "npm-doppelganger"))
    data = report_data(graph, title="t")
    for position, instance in enumerate(graph.instances):
        assert data["dependents"][position] == [
            graph.instances.index(edge.source) for edge in graph.dependents(instance)
        ]
    react = next(item for item in graph.instances if item.name == "react" and item.version == "18.2.0")
    assert [[item.label for item in chain] for chain in dependency_chains(graph, react)] == [
        ["dashboard@1.0.0", "react@18.2.0"],
        ["dashboard@1.0.0", "react-dom@18.2.0", "react@18.2.0"],
    ]


def test_nothing_in_the_data_can_end_the_script_element() -> None:
    graph = read_installed_tree(DiskFS(), str(EXAMPLES / "npm-phantom"))
    data = report_data(graph, title="</title><script>alert(1)</script>")
    data["instances"][0]["name"] = "</script><script>alert(2)</script>{{SCRIPT}}"
    page = render_html(data)
    assert page.count("</script>") == 2  # the data element's and the program's own
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
    assert embedded(page)["instances"][0]["name"] == "</script><script>alert(2)</script>{{SCRIPT}}"  # type: ignore[index]


def test_why_html_opens_on_the_package_and_fails_when_it_is_not_installed(tmp_path: Path) -> None:
    code, out, _ = run("why", "react", str(EXAMPLES / "npm-doppelganger"), "--format", "html")
    assert code == 0
    assert embedded(out)["focus"] == "react"
    code, out, _ = run("why", "left-pad", str(EXAMPLES / "npm-doppelganger"), "--format", "html")
    assert code == 1
    assert embedded(out)["focus"] == "left-pad"


def test_why_text_and_json_go_to_output(tmp_path: Path) -> None:
    target = tmp_path / "why.json"
    code, out, _ = run("why", "react", str(EXAMPLES / "npm-doppelganger"), "--json", "--output", str(target))
    assert (code, out) == (0, "")
    _, printed, _ = run("why", "react", str(EXAMPLES / "npm-doppelganger"), "--format", "json")
    assert json.loads(target.read_text()) == json.loads(printed)


def test_migrate_html_carries_the_breaks(tmp_path: Path) -> None:
    target = tmp_path / "migrate.html"
    code, out, _ = run(
        "migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm", "--format", "html", "--output", str(target)
    )
    _, json_out, _ = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm", "--json")
    assert code == 1 and out == ""
    data = embedded(target.read_text())
    assert data["migration"] == json.loads(json_out) and data["findings"] is None


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    code, _, err = run(
        "check", str(EXAMPLES / "npm-phantom"), "--format", "html", "--output", str(tmp_path / "no" / "r.html")
    )
    assert code == 2
    assert err.strip().splitlines()[-1].endswith("r.html: cannot write (No such file or directory)")
