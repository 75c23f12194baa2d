"""Reading installed trees of every layout into instances and edges."""

from __future__ import annotations

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.model.chains import dependency_chains
from nmdoctor.render.tree_json import ls_document, why_document
from nmdoctor.vfs import MemoryFS, symlink


def pkg(name: str, version: str, **deps: str) -> dict[str, object]:
    return {"name": name, "version": version, "dependencies": deps}


def test_npm_hoisted_with_nested_conflict_and_doppelganger() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": pkg("app", "1.0.0", a="^1", b="^1", debug="^4"),
            "/app/node_modules/.package-lock.json": {},
            "/app/node_modules/a/package.json": pkg("a", "1.0.0", debug="^2"),
            "/app/node_modules/a/node_modules/debug/package.json": pkg("debug", "2.6.9"),
            "/app/node_modules/b/package.json": pkg("b", "1.0.0", debug="^2"),
            "/app/node_modules/b/node_modules/debug/package.json": pkg("debug", "2.6.9"),
            "/app/node_modules/debug/package.json": pkg("debug", "4.3.4", ms="^2"),
            "/app/node_modules/ms/package.json": pkg("ms", "2.1.3"),
        }
    )
    graph = read_installed_tree(fs, "/app")
    assert graph.layout == "npm-hoisted"
    debugs = sorted((item.version, item.path) for item in graph.instances_of("debug"))
    assert debugs == [
        ("2.6.9", "/app/node_modules/a/node_modules/debug"),
        ("2.6.9", "/app/node_modules/b/node_modules/debug"),
        ("4.3.4", "/app/node_modules/debug"),
    ]
    targets = {(edge.source.name, edge.name): edge.target.path for edge in graph.edges if edge.target}
    assert targets[("a", "debug")] == "/app/node_modules/a/node_modules/debug"
    assert targets[("app", "debug")] == "/app/node_modules/debug"
    why = why_document(graph, "debug")
    assert [item["chains"] for item in why["instances"] if item["version"] == "2.6.9"] == [
        [["app@1.0.0", "a@1.0.0", "debug@2.6.9"]],
        [["app@1.0.0", "b@1.0.0", "debug@2.6.9"]],
    ]


def test_pnpm_one_instance_many_links() -> None:
    store = "/app/node_modules/.pnpm"
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": pkg("app", "1.0.0", a="1.0.0", b="1.0.0"),
            "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
            "/app/node_modules/a": symlink(".pnpm/a@1.0.0/node_modules/a"),
            "/app/node_modules/b": symlink(".pnpm/b@1.0.0/node_modules/b"),
            f"{store}/a@1.0.0/node_modules/a/package.json": pkg("a", "1.0.0", c="^1"),
            f"{store}/a@1.0.0/node_modules/c": symlink("../../c@1.2.0/node_modules/c"),
            f"{store}/b@1.0.0/node_modules/b/package.json": pkg("b", "1.0.0", c="^1"),
            f"{store}/b@1.0.0/node_modules/c": symlink("../../c@1.2.0/node_modules/c"),
            f"{store}/c@1.2.0/node_modules/c/package.json": pkg("c", "1.2.0"),
            f"{store}/node_modules/c": symlink("../c@1.2.0/node_modules/c"),
        }
    )
    graph = read_installed_tree(fs, "/app")
    assert graph.layout == "pnpm-isolated"
    [c] = graph.instances_of("c")
    assert c.path == f"{store}/c@1.2.0/node_modules/c"
    assert c.links == [
        f"{store}/a@1.0.0/node_modules/c",
        f"{store}/b@1.0.0/node_modules/c",
        f"{store}/node_modules/c",
    ]
    document = ls_document(graph)
    entry = next(item for item in document["instances"] if item["name"] == "c")
    assert entry["path"] == "node_modules/.pnpm/c@1.2.0/node_modules/c"
    assert [ref["name"] for ref in entry["dependents"]] == ["a", "b"]
    assert [[item.label for item in chain] for chain in dependency_chains(graph, c)] == [
        ["app@1.0.0", "a@1.0.0", "c@1.2.0"],
        ["app@1.0.0", "b@1.0.0", "c@1.2.0"],
    ]


def test_workspaces_are_roots_and_missing_dependencies_have_no_target() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/repo/package.json": {"name": "repo", "private": True, "workspaces": ["packages/*"]},
            "/repo/packages/web/package.json": pkg("web", "0.1.0", lib="*", gone="^1"),
            "/repo/packages/lib/package.json": pkg("lib", "0.2.0"),
            "/repo/node_modules/web": symlink("../packages/web"),
            "/repo/node_modules/lib": symlink("../packages/lib"),
            "/repo/node_modules/.package-lock.json": {},
            "/repo/node_modules/dangling": symlink("../nowhere"),
        }
    )
    graph = read_installed_tree(fs, "/repo")
    web = graph.instances_of("web")[0]
    assert web.is_workspace and web.links == ["/repo/node_modules/web"]
    edges = {edge.name: edge.target for edge in graph.edges_from(web)}
    assert edges["lib"] is not None and edges["lib"].path == "/repo/packages/lib"
    assert edges["gone"] is None
    assert graph.broken_links == [("/repo/node_modules/dangling", "../nowhere")]
    assert why_document(graph, "lib")["instances"][0]["chains"] == [["lib@0.2.0"], ["web@0.1.0", "lib@0.2.0"]]


def test_npm_nested_layout_is_recognised() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": pkg("app", "1.0.0", a="^1"),
            "/app/node_modules/.package-lock.json": {},
            "/app/node_modules/a/package.json": pkg("a", "1.0.0", b="^1"),
            "/app/node_modules/a/node_modules/b/package.json": pkg("b", "1.0.0"),
        }
    )
    assert read_installed_tree(fs, "/app").layout == "npm-nested"
