"""migrate: planned layouts and the resolutions that break under them."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.pnpm import PnpmSettings, hoisted_dependencies, plan_pnpm
from nmdoctor.vfs import MemoryFS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def pkg(name: str, version: str, **deps: str) -> dict[str, object]:
    return {"name": name, "version": version, "dependencies": deps}


NPM_TREE = {
    "/app/package.json": pkg("app", "1.0.0", a="^1", b="^1"),
    "/app/node_modules/.package-lock.json": {},
    "/app/node_modules/a/package.json": pkg("a", "1.0.0", c="^1"),
    "/app/node_modules/b/package.json": pkg("b", "1.0.0", c="^2"),
    "/app/node_modules/b/node_modules/c/package.json": pkg("c", "2.0.0"),
    "/app/node_modules/c/package.json": pkg("c", "1.0.0"),
}


def test_pnpm_plan_links_and_hoisting() -> None:
    graph = read_installed_tree(MemoryFS.from_mapping(NPM_TREE), "/app")
    logical = logical_graph(graph)
    plan = plan_pnpm(logical)
    store = "/app/node_modules/.pnpm"
    assert plan.fs.readlink("/app/node_modules/a") == ".pnpm/a@1.0.0/node_modules/a"
    assert plan.fs.readlink(f"{store}/b@1.0.0/node_modules/c") == "../../c@2.0.0/node_modules/c"
    # a (first by dep path at depth 0) claims the hidden hoisted name "c" for c@1.0.0
    assert hoisted_dependencies(logical, PnpmSettings()) == {"c": ("c@1.0.0", "private")}
    assert plan.fs.readlink(f"{store}/node_modules/c") == "../c@1.0.0/node_modules/c"
    shameful = hoisted_dependencies(logical, PnpmSettings(shamefully_hoist=True))
    assert shameful == {"c": ("c@1.0.0", "public")}
    assert hoisted_dependencies(logical, PnpmSettings(hoist_pattern=())) == {}


def run(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner(mix_stderr=False).invoke(main, [*args, "--json"])
    return result.exit_code, json.loads(result.stdout) if result.stdout else {}


def test_seed_002_predicted_from_the_npm_tree() -> None:
    code, document = run("migrate", str(EXAMPLES / "npm-string-loader"), "--to", "pnpm")
    assert code == 1
    findings = document["findings"]
    assert sorted(item["request"] for item in findings) == ["css-loader", "style-loader"]
    assert all(item["code"] == "string-module-reference" for item in findings)
    assert "public-hoist-pattern[]=css-loader" in " ".join(item["fix"] for item in findings)
    assert document["summary"]["target"] == "pnpm-isolated"


def test_phantom_breaks_under_pnpm_but_not_nested() -> None:
    code, document = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm")
    assert code == 1
    [finding] = document["findings"]
    assert (finding["code"], finding["request"], finding["from"]) == ("unresolvable-import", "debug", "src/server.js")
    code, document = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "nested")
    assert code == 1  # nested npm puts debug under server-kit: the phantom breaks there too
    code, document = run("migrate", str(EXAMPLES / "npm-doppelganger"), "--to", "pnpm")
    assert code == 0 and document["findings"] == []


def test_unknown_target_is_a_usage_error() -> None:
    result = CliRunner(mix_stderr=False).invoke(main, ["migrate", str(EXAMPLES / "npm-phantom"), "--to", "bun"])
    assert result.exit_code == 2


def test_npm_hoisted_plan_hoists_first_version_and_nests_conflicts() -> None:
    from nmdoctor.linkers.nested import plan_nested
    from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted

    graph = read_installed_tree(MemoryFS.from_mapping(NPM_TREE), "/app")
    plan = plan_npm_hoisted(logical_graph(graph))
    placed = sorted(path for path in plan.binds)
    assert placed == [
        "/app/node_modules/a",
        "/app/node_modules/b",
        "/app/node_modules/b/node_modules/c",
        "/app/node_modules/c",
    ]
    nested = sorted(plan_nested(logical_graph(graph)).binds)
    assert nested == [
        "/app/node_modules/a",
        "/app/node_modules/a/node_modules/c",
        "/app/node_modules/b",
        "/app/node_modules/b/node_modules/c",
    ]
