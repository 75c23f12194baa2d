"""The PnP resolver against yarn 4's own runtime: real PnP installs (tests/node_tools' yarn, from
the loopback registry), every query asked of ``node -r ./.pnp.cjs`` in one process per project and
of nmdoctor, answers compared (path, error code, and the first line of yarn's message)."""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
from pathlib import Path
from typing import Any

import pytest

from nmdoctor.inspect.pnp_tree import read_pnp_tree
from nmdoctor.resolve.node.pnp import PnpResolver
from nmdoctor.resolve.node.pnp_state import read_pnp_state
from nmdoctor.vfs import DiskFS
from nmdoctor.vfs.pnpfs import PnpFS
from tests.conftest import requires_node
from tests.installs.managers import TOOLS
from tests.installs.pnp_scenarios import PACKAGES, PROJECTS
from tests.installs.random_graphs import random_graph
from tests.installs.registry import Registry

pytestmark = [
    requires_node,
    pytest.mark.node,
    pytest.mark.skipif(not (TOOLS / "@yarnpkg" / "cli-dist").exists(), reason="tests/node_tools installed"),
]
ORACLE = Path(__file__).with_name("pnp_oracle.cjs")
# The runtime's failures each project must reach (so that agreement means something).
EXERCISED = {
    "graph": {
        "UNDECLARED_DEPENDENCY",
        "MISSING_PEER_DEPENDENCY",
        "EXPORTS_RESOLUTION_FAILED",
        "QUALIFIED_PATH_RESOLUTION_FAILED",
    },
    "workspaces": {"UNDECLARED_DEPENDENCY", "EXPORTS_RESOLUTION_FAILED"},
    "fallback-all": {"UNDECLARED_DEPENDENCY"},
    "fallback-none": {"UNDECLARED_DEPENDENCY"},
    "extensions": {"UNDECLARED_DEPENDENCY", "QUALIFIED_PATH_RESOLUTION_FAILED"},
    "loose": {"UNDECLARED_DEPENDENCY"},
}


def install_pnp(
    project: dict[str, Any], files: dict[str, str], yarnrc: dict[str, Any], registry: str, dest: Path
) -> Path:
    """Write the project and install it with yarn 4's PnP linker (its own cache and HOME)."""
    dest.mkdir(parents=True)
    (dest / "package.json").write_text(json.dumps(project, indent=2))
    for path, text in files.items():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text)
    settings = {
        "nodeLinker": "pnp",
        "enableGlobalCache": False,
        "enableTelemetry": False,
        "npmRegistryServer": registry.rstrip("/"),
        "unsafeHttpWhitelist": ["127.0.0.1"],
        **yarnrc,
    }
    (dest / ".yarnrc.yml").write_text("".join(f"{key}: {json.dumps(value)}\n" for key, value in settings.items()))
    (dest / "yarn.lock").write_text("")
    home = dest.parent / f".home-{dest.name}"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
    env.update({"HOME": str(home), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
    result = subprocess.run(
        ["node", str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"), "install"],
        cwd=dest,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"yarn install failed in {dest}:\n{result.stdout[-3000:]}")
    return dest


def _requests(names: list[str], root: str) -> list[str]:
    requests = [*names, *(f"{name}/package.json" for name in names)]
    requests += [
        "nope", "@s/nope", "c/extra", "c/extra.js", "c/lib", "c/lib/", "alias-c/index", "ex/feature/a",
        "ex/feature/a.js", "ex/feature/private/b", "ex/data", "ex/dir/x.js", "ex/dir/x", "ex/nope", "ex/",
        "mainpkg/", "mainpkg/lib/entry", "@s/x/sub/y", "unpl/bin/tool", "ws-b/util", "ws-b/nope", "app/x",
        "./index", "./index.js", "./nope", ".", "..", "../", "./", "./package.json", "../package.json",
        "#dep", "#int", "#star/s", "#cond", "#nope", "#own", "fs", "node:fs", "node:nope", "pnpapi",
        f"{root}/package.json", f"{root}/src/own", f"{root}/nope",
    ]  # fmt: skip
    return requests


def _froms(root: Path, locations: list[str]) -> list[str]:
    froms = [f"{root}/index.js", f"{root}/", f"{root}/src/index.js", f"{root}/lib/util.js"]
    froms += [f"{root}/.yarn/sdks/tool.js", f"{root}/ignored/x.js", f"{root.parent}/outside/x.js"]
    for location in locations:
        froms += [posixpath.join(location, "index.js"), posixpath.join(location, "lib/x.js")]
    return froms


def _ours(answer: Any) -> dict[str, Any]:
    resolved = answer.resolved
    if resolved is not None and resolved.startswith("node:"):
        resolved = resolved[5:]  # node's require.resolve names a builtin without its scheme
    first = answer.message.split("\n")[0] if answer.message else None
    return {"resolved": resolved, "error": answer.error, "first": first}


def _theirs(answer: dict[str, Any]) -> dict[str, Any]:
    resolved = answer["resolved"]
    if resolved is not None and resolved.startswith("node:"):
        resolved = resolved[5:]
    return {"resolved": resolved, "error": answer["error"], "first": answer["first"]}


@pytest.fixture(scope="module")
def installs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pnp").resolve()
    with Registry(PACKAGES) as registry:
        done = {
            name: install_pnp(manifest, files, yarnrc, registry.url, root / name)
            for name, (manifest, files, yarnrc) in PROJECTS.items()
        }
    for archive in (done["extensions"] / ".yarn" / "cache").glob("jsononly-*.zip"):
        archive.unlink()  # "Required package missing from disk"
    return done


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_pnp_resolver_agrees_with_yarn_runtime(installs: dict[str, Path], name: str) -> None:
    theirs = _compare(installs[name], name, {"ghost", "host", "plug", "c"})
    # The suite must exercise what it claims to.
    codes = {answer["pnpCode"] for answer in theirs}
    assert EXERCISED[name] <= codes
    if name == "extensions":
        assert any(str(answer["first"]).startswith("Required package missing from disk") for answer in theirs)
    if name == "loose":
        assert read_pnp_state(PnpFS(DiskFS()), str(installs[name])).fallback_pool


def _compare(project: Path, name: str, more_names: set[str]) -> list[dict[str, Any]]:
    """Ask yarn's runtime and nmdoctor the same queries in ``project``; assert they agree and
    return the runtime's answers."""
    fs = PnpFS(DiskFS())
    state = read_pnp_state(fs, str(project))
    resolver = PnpResolver(state, fs)
    locations = sorted({str(state.package_location(locator)) for locator in state.locators()})
    names = sorted({str(locator.name) for locator in state.locators()} | more_names)
    queries = [
        {"id": index, "from": source, "request": request}
        for index, (source, request) in enumerate(
            (source, request) for source in _froms(project, locations) for request in _requests(names, str(project))
        )
    ]
    batch = project.parent / f"{name}-queries.jsonl"
    batch.write_text("".join(json.dumps(query) + "\n" for query in queries))
    result = subprocess.run(
        ["node", "-r", str(project / ".pnp.cjs"), str(ORACLE), str(batch)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    theirs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(theirs) == len(queries)
    disagreements = []
    for query, answer in zip(queries, theirs, strict=True):
        source = query["from"]
        mine = resolver.resolve(query["request"], source.rstrip("/"), parent_is_dir=source.endswith("/"))
        expected = _theirs(answer)
        got = _ours(mine)
        if answer["pnpCode"] is None:
            expected["first"] = got["first"] = None  # node's own messages are compared elsewhere
        if got != expected:
            disagreements.append((query["from"], query["request"], expected, got))
    assert not disagreements, f"{len(disagreements)}/{len(queries)} differ:\n" + "\n".join(map(str, disagreements[:40]))
    print(f"{name}: {len(queries)} queries, all identical")
    return theirs


@pytest.mark.parametrize("seed", [3, 11])
def test_random_graphs_agree_with_yarn_runtime(tmp_path: Path, seed: int) -> None:
    """Seeded random graphs (peers, cycles, workspaces that depend on each other) installed with
    PnP: every package asked for every name of the graph."""
    packages, project, files = random_graph(seed, workspace_share=0.5, cycles=True)
    with Registry(packages) as registry:
        folder = install_pnp(project, files, {}, registry.url, tmp_path / f"random-{seed}")
    _compare(folder, f"random-{seed}", {package["name"] for package in packages} | {"wa", "wb"})


def test_resolve_command_goes_through_pnp(installs: dict[str, Path], tmp_path: Path) -> None:
    """``nmdoctor resolve`` (one query, --explain, --batch) in a PnP project answers as the runtime."""
    from click.testing import CliRunner

    from nmdoctor.cli.main import main

    project = installs["graph"]
    state = read_pnp_state(PnpFS(DiskFS()), str(project))
    sneaky = next(locator for locator in state.locators() if locator.name == "sneaky")
    sneaky_file = f"{state.package_location(sneaky)}index.js"
    queries = [
        {"id": 1, "from": f"{project}/src/index.js", "request": "c"},
        {"id": 2, "from": f"{project}/src/index.js", "request": "sneaky"},
        {"id": 3, "from": sneaky_file, "request": "c"},
        {"id": 4, "from": f"{project}/src/index.js", "request": "ghost"},
    ]
    batch = tmp_path / "queries.jsonl"
    batch.write_text("".join(json.dumps(query) + "\n" for query in queries))
    oracle = subprocess.run(
        ["node", "-r", str(project / ".pnp.cjs"), str(ORACLE), str(batch)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    expected = [_theirs(json.loads(line)) for line in oracle.stdout.splitlines()]
    runner = CliRunner()
    answered = runner.invoke(main, ["resolve", "--batch", str(batch)])
    assert answered.exit_code == 0, answered.output
    got = [json.loads(line) for line in answered.output.splitlines()]
    assert [(answer["resolved"], answer["error"]) for answer in got] == [
        (answer["resolved"], answer["error"]) for answer in expected
    ]
    # One query from inside a zip of the cache, as the CLI user writes it.
    single = runner.invoke(main, ["resolve", "c", "--from", sneaky_file, "--json"])
    assert json.loads(single.output)["resolved"] == expected[2]["resolved"]
    workspace = installs["workspaces"] / "packages" / "ws-a" / "index.js"
    explained = runner.invoke(main, ["resolve", "c", "--from", str(workspace), "--explain"])
    assert explained.exit_code == 1
    assert "Your application tried to access c, but it isn't declared in your dependencies" in explained.output
    assert 'Fix: add "c": "1.0.0" to the dependencies of ws-a.' in explained.output
    none = installs["fallback-none"]
    state = read_pnp_state(PnpFS(DiskFS()), str(none))
    sneaky = next(locator for locator in state.locators() if locator.name == "sneaky")
    explained = runner.invoke(
        main, ["resolve", "c", "--from", f"{state.package_location(sneaky)}index.js", "--explain"]
    )
    assert explained.exit_code == 1
    assert '  packageExtensions:\n    "sneaky@*":\n      dependencies:\n        c: "2.0.0"\n' in explained.output


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_pnp_tree_edges_and_verify(installs: dict[str, Path], name: str) -> None:
    """``ls``/``why``'s model of a PnP install: every declared edge goes where the runtime maps the
    name (pnpapi.resolveToUnqualified from the dependent's folder); ``verify`` is clean on the fresh
    installs and names the package whose zip was deleted."""
    from nmdoctor.inspect.verify import verify_tree
    from nmdoctor.lockfiles import read_lockfile
    from nmdoctor.lockfiles.detect import manifest_json

    project = installs[name]
    disk = DiskFS()
    graph = read_pnp_tree(disk, str(project))
    assert graph.layout == "yarn-berry-pnp"
    edges = [edge for edge in graph.edges if edge.kind.value != "peer" or edge.target is not None]
    queries = [{"id": index, "issuer": edge.source.path + "/", "name": edge.name} for index, edge in enumerate(edges)]
    batch = project.parent / f"{name}-edges.jsonl"
    batch.write_text("".join(json.dumps(query) + "\n" for query in queries))
    result = subprocess.run(
        [
            "node",
            "-r",
            str(project / ".pnp.cjs"),
            str(Path(__file__).with_name("pnp_edges.cjs")),
            str(batch),
            f"{project}/",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    theirs = [json.loads(line)["folder"] for line in result.stdout.splitlines()]
    # A workspace's virtual path is one of its links (as the node-modules linker's symlink is).
    ours = [
        None if edge.target is None else folder if folder in edge.target.links else edge.target.path
        for edge, folder in zip(edges, theirs, strict=True)
    ]
    if name == "extensions":  # the runtime still maps to the deleted zip's folder
        theirs = [None if folder and "/jsononly-" in folder else folder for folder in theirs]
    assert ours == theirs
    assert len(edges) >= 2
    lock = read_lockfile(disk, str(project / "yarn.lock"), manifest_json(disk, str(project)))
    findings = [
        (finding.code, finding.package.name if finding.package else None) for finding in verify_tree(graph, lock)
    ]
    errors = [
        finding
        for finding, found in zip(findings, verify_tree(graph, lock), strict=True)
        if found.severity.value == "error"
    ]
    if name == "extensions":
        assert ("missing-dependency", "jsononly") in errors or any(item[1] == "jsononly" for item in errors), findings
    else:
        assert errors == [], findings


def _node_fails(project: Path, code: str) -> str | None:
    """The first line of the error node -r .pnp.cjs prints running ``code`` in ``project``, or None."""
    result = subprocess.run(
        ["node", "-r", str(project / ".pnp.cjs"), "-e", code],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if result.returncode == 0:
        return None
    return next((line for line in result.stderr.splitlines() if line.startswith("Error")), result.stderr)


def test_check_under_pnp_matches_what_node_does(installs: dict[str, Path], tmp_path: Path) -> None:
    """``check`` under PnP: an undeclared require in a workspace and one in a package that no
    fallback rescues are errors (and node fails on them), one the fallback rescues is a warning (and
    node runs it); the packageExtensions fix printed, applied and installed, makes node succeed."""
    import shutil

    from nmdoctor.api import check

    disk = DiskFS()
    findings = {}
    for name in ("workspaces", "fallback-none", "graph"):
        graph = read_pnp_tree(disk, str(installs[name]))
        findings[name] = [
            (finding.code, finding.severity.value, finding.package.name if finding.package else None, finding.request)
            for finding in check(graph, fs=disk, select=["phantom-dependency", "unresolvable-import"])
        ]
    assert findings["workspaces"] == [("phantom-dependency", "error", "ws-a", "c")]
    assert "tried to access c, but it isn't declared" in str(
        _node_fails(installs["workspaces"], "require('./packages/ws-a/index.js')")
    )
    assert findings["fallback-none"] == [("phantom-dependency", "error", "sneaky", "c")]
    assert "sneaky tried to access c, but it isn't declared" in str(
        _node_fails(installs["fallback-none"], "require('sneaky')")
    )
    assert findings["graph"] == [("phantom-dependency", "warning", "sneaky", "c")]
    assert _node_fails(installs["graph"], "require('sneaky')") is None
    # The fix, followed: the .yarnrc.yml line check printed, a reinstall, and sneaky loads.
    graph = read_pnp_tree(disk, str(installs["fallback-none"]))
    (finding,) = check(graph, fs=disk, select=["phantom-dependency"])
    assert finding.fix is not None
    line = finding.fix.removeprefix("declare it in .yarnrc.yml: ").removesuffix(", then run yarn install")
    fixed = tmp_path / "fixed"
    shutil.copytree(installs["fallback-none"], fixed, symlinks=True)
    with (fixed / ".yarnrc.yml").open("a") as handle:
        handle.write(line + "\n")
    env = {key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_"))}
    env.update({"HOME": str(tmp_path), "YARN_ENABLE_IMMUTABLE_INSTALLS": "false"})
    with Registry(PACKAGES) as registry:
        yarnrc = (fixed / ".yarnrc.yml").read_text()
        (fixed / ".yarnrc.yml").write_text(
            "\n".join(
                f'npmRegistryServer: "{registry.url.rstrip("/")}"' if entry.startswith("npmRegistryServer") else entry
                for entry in yarnrc.splitlines()
            )
            + "\n"
        )
        subprocess.run(
            ["node", str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"), "install"],
            cwd=fixed,
            env=env,
            capture_output=True,
            timeout=300,
            check=True,
        )
    assert _node_fails(fixed, "require('sneaky')") is None
    assert check(read_pnp_tree(disk, str(fixed)), fs=disk, select=["phantom-dependency"]) == []
