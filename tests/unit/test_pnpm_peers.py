"""pnpm peer variants from a graph (linkers.pnpm_peers).

The trees are npm-style (no variants in them); every expected dep path is the one pnpm 10.34.8 wrote
in pnpm-lock.yaml for the same project, installed from tests/installs/peer_scenarios.py.
"""

from __future__ import annotations

from typing import Any

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.pnpm_peers import PeerVariants, resolve_peer_variants
from nmdoctor.lockfiles.pnpm_paths import dep_path_to_filename
from nmdoctor.vfs import MemoryFS
from tests.installs.peer_scenarios import LONG_HOST, LONG_PLUGIN

HOST_RANGE = "^1.0.0 || ^2.0.0"


def pkg(name: str, version: str, **fields: Any) -> dict[str, Any]:
    return {"name": name, "version": version, **fields}


def variants(tree: dict[str, dict[str, Any]], pnpm_major: int = 10) -> PeerVariants:
    files: dict[str, Any] = {
        f"/app/{location}/package.json".replace("//", "/"): data for location, data in tree.items()
    }
    files["/app/node_modules/.package-lock.json"] = {}
    graph = logical_graph(read_installed_tree(MemoryFS.from_mapping(files), "/app"))
    return resolve_peer_variants(graph, pnpm_major=pnpm_major) if pnpm_major != 10 else resolve_peer_variants(graph)


PLUGIN = pkg("plugin", "1.0.0", peerDependencies={"host": HOST_RANGE})
OLD_KIT = pkg("old-kit", "1.0.0", dependencies={"host": "^1.0.0", "plugin": "^1.0.0"})
NEW_KIT = pkg("new-kit", "1.0.0", dependencies={"host": "^2.0.0", "plugin": "^1.0.0"})
WRAPPER = pkg("plugin-wrapper", "1.0.0", dependencies={"plugin": "^1.0.0"})


def test_each_dependent_scope_gives_its_own_variant_and_wrappers_carry_the_peer() -> None:
    result = variants(
        {
            "": pkg(
                "app",
                "1.0.0",
                dependencies={
                    "host": "^2.0.0",
                    "old-kit": "^1.0.0",
                    "new-kit": "^1.0.0",
                    "plugin-wrapper": "^1.0.0",
                    "deep-wrapper": "^1.0.0",
                    "self-provided": "^1.0.0",
                },
            ),
            "node_modules/host": pkg("host", "2.0.0"),
            "node_modules/plugin": PLUGIN,
            "node_modules/old-kit": OLD_KIT,
            "node_modules/old-kit/node_modules/host": pkg("host", "1.0.0"),
            "node_modules/new-kit": NEW_KIT,
            "node_modules/plugin-wrapper": WRAPPER,
            "node_modules/deep-wrapper": pkg("deep-wrapper", "1.0.0", dependencies={"plugin-wrapper": "^1.0.0"}),
            # a peer that is also a dependency is a peer only (auto-install-peers drops the dependency)
            "node_modules/self-provided": pkg(
                "self-provided", "1.0.0", dependencies={"host": "^1.0.0"}, peerDependencies={"host": "^1.0.0"}
            ),
            "node_modules/self-provided/node_modules/host": pkg("host", "1.0.0"),
        }
    )
    assert result.importers["."] == {
        "host": "host@2.0.0",
        "old-kit": "old-kit@1.0.0",
        "new-kit": "new-kit@1.0.0",
        "plugin-wrapper": "plugin-wrapper@1.0.0(host@2.0.0)",
        "deep-wrapper": "deep-wrapper@1.0.0(host@2.0.0)",
        "self-provided": "self-provided@1.0.0(host@2.0.0)",
    }
    assert result.variants["old-kit@1.0.0"].children == {"host": "host@1.0.0", "plugin": "plugin@1.0.0(host@1.0.0)"}
    assert result.variants["new-kit@1.0.0"].children["plugin"] == "plugin@1.0.0(host@2.0.0)"
    # the wrapper links only its dependency; the peer is linked where it is declared
    assert result.variants["plugin-wrapper@1.0.0(host@2.0.0)"].children == {"plugin": "plugin@1.0.0(host@2.0.0)"}
    assert result.variants["plugin@1.0.0(host@2.0.0)"].children == {"host": "host@2.0.0"}


def test_a_missing_peer_is_installed_for_the_importer_and_optional_ones_stay_missing() -> None:
    result = variants(
        {
            "": pkg(
                "app",
                "1.0.0",
                dependencies={"old-kit": "^1.0.0", "new-kit": "^1.0.0", "plugin-wrapper": "^1.0.0", "opt": "^1.0.0"},
            ),
            "node_modules/host": pkg("host", "1.0.0"),
            "node_modules/plugin": PLUGIN,
            "node_modules/old-kit": OLD_KIT,
            "node_modules/new-kit": NEW_KIT,
            "node_modules/new-kit/node_modules/host": pkg("host", "2.0.0"),
            "node_modules/plugin-wrapper": WRAPPER,
            "node_modules/opt": pkg(
                "opt",
                "1.0.0",
                peerDependencies={"absent": "^1.0.0"},
                peerDependenciesMeta={"absent": {"optional": True}},
            ),
        }
    )
    # host: the highest version in the graph that satisfies the peer range, in scope but not linked
    assert result.importers["."]["plugin-wrapper"] == "plugin-wrapper@1.0.0(host@2.0.0)"
    assert "host" not in result.importers["."]
    assert result.importers["."]["opt"] == "opt@1.0.0"


def test_peers_of_peers_nest_and_long_names_are_hashed() -> None:
    result = variants(
        {
            "": pkg(
                "web",
                "1.0.0",
                dependencies={
                    "react": "^18.0.0",
                    "react-dom": "^18.0.0",
                    "router": "^1.0.0",
                    "host": "^1.0.0",
                    LONG_HOST: "^1.0.0",
                    LONG_PLUGIN: "^1.0.0",
                },
            ),
            "node_modules/react": pkg("react", "18.3.1"),
            "node_modules/react-dom": pkg("react-dom", "18.3.1", peerDependencies={"react": "^18.0.0"}),
            "node_modules/router": pkg("router", "1.0.0", peerDependencies={"react": "*", "react-dom": "*"}),
            "node_modules/host": pkg("host", "1.0.0"),
            f"node_modules/{LONG_HOST}": pkg(LONG_HOST, "1.0.0"),
            f"node_modules/{LONG_PLUGIN}": pkg(
                LONG_PLUGIN, "1.0.0", peerDependencies={LONG_HOST: "^1.0.0", "host": "*"}
            ),
        }
    )
    assert result.importers["."]["router"] == "router@1.0.0(react-dom@18.3.1(react@18.3.1))(react@18.3.1)"
    folder = (
        "@a-rather-long-scope-name-for-tests+an-extremely-long-plugin-package-name-with-a-peer"
        "@1_05bbe07d34dc4a04dc56718328689fef"
    )
    assert dep_path_to_filename(result.importers["."][LONG_PLUGIN], "9.0") == folder


def test_dedupe_peer_dependents_and_peers_found_below_an_importer() -> None:
    meta_only = pkg("meta-peer", "1.0.0", peerDependenciesMeta={"host": {"optional": True}})
    deduped = variants(
        {
            "": pkg("app", "1.0.0", dependencies={"bare-kit": "^1.0.0", "hosted-kit": "^1.0.0"}),
            "node_modules/host": pkg("host", "1.0.0"),
            "node_modules/meta-peer": meta_only,
            "node_modules/bare-kit": pkg("bare-kit", "1.0.0", dependencies={"meta-peer": "^1.0.0"}),
            "node_modules/hosted-kit": pkg(
                "hosted-kit", "1.0.0", dependencies={"host": "^1.0.0", "meta-peer": "^1.0.0"}
            ),
        }
    )
    # bare-kit keeps its name but links the variant that has the host (dedupe-peer-dependents)
    assert deduped.importers["."]["bare-kit"] == "bare-kit@1.0.0"
    assert deduped.variants["bare-kit@1.0.0"].children == {"meta-peer": "meta-peer@1.0.0(host@1.0.0)"}
    assert sorted(deduped.variants) == [
        "bare-kit@1.0.0",
        "host@1.0.0",
        "hosted-kit@1.0.0",
        "meta-peer@1.0.0(host@1.0.0)",
    ]

    optional = pkg(
        "opt-plugin", "1.0.0", peerDependencies={"host": "*"}, peerDependenciesMeta={"host": {"optional": True}}
    )
    below = variants(
        {
            "": pkg("app", "1.0.0", dependencies={"opt-user": "^1.0.0", "opt-deep": "^1.0.0"}),
            "node_modules/host": pkg("host", "1.0.0"),
            "node_modules/opt-plugin": optional,
            "node_modules/opt-user": pkg("opt-user", "1.0.0", dependencies={"opt-plugin": "^1.0.0"}),
            "node_modules/opt-hosted": pkg(
                "opt-hosted", "1.0.0", dependencies={"host": "^1.0.0", "opt-plugin": "^1.0.0"}
            ),
            "node_modules/opt-deep": pkg("opt-deep", "1.0.0", dependencies={"opt-hosted": "^1.0.0"}),
        }
    )
    # the host opt-hosted provides deep down joins the importer's scope: opt-user sees it too
    assert below.importers["."] == {"opt-user": "opt-user@1.0.0(host@1.0.0)", "opt-deep": "opt-deep@1.0.0"}


CHAIN = {
    "": pkg("app", "1.0.0", dependencies={"outer": "^1.0.0", "hosting-outer": "^1.0.0", "hosted-kit": "^1.0.0"}),
    "node_modules/host": pkg("host", "1.0.0"),
    "node_modules/meta-peer": pkg("meta-peer", "1.0.0", peerDependenciesMeta={"host": {"optional": True}}),
    "node_modules/bare-kit": pkg("bare-kit", "1.0.0", dependencies={"meta-peer": "^1.0.0"}),
    "node_modules/hosted-kit": pkg("hosted-kit", "1.0.0", dependencies={"host": "^1.0.0", "meta-peer": "^1.0.0"}),
    "node_modules/outer": pkg("outer", "1.0.0", dependencies={"bare-kit": "^1.0.0"}),
    "node_modules/hosting-outer": pkg("hosting-outer", "1.0.0", dependencies={"bare-kit": "^1.0.0", "host": "^1.0.0"}),
}


def test_from_pnpm_11_a_deduplicated_dependency_brings_its_peers_into_the_dependents_dep_paths() -> None:
    """bare-kit, deduplicated onto meta-peer's variant with the host, is bare-kit@1.0.0(host@1.0.0)
    in pnpm 11.29.0 and 12.26.0 (pnpm 10.34.8 keeps bare-kit@1.0.0); outer, which does not provide
    the host, carries it too; hosting-outer and hosted-kit provide it (the .pnpm folders of real
    installs of the same project by the three)."""
    alone = {key: value for key, value in CHAIN.items() if "outer" not in key}
    alone[""] = pkg("app", "1.0.0", dependencies={"bare-kit": "^1.0.0", "hosted-kit": "^1.0.0"})
    assert sorted(variants(alone, pnpm_major=10).variants)[0] == "bare-kit@1.0.0"
    for major in (11, 12):
        deduped = variants(alone, pnpm_major=major)
        assert deduped.importers["."]["bare-kit"] == "bare-kit@1.0.0(host@1.0.0)"
        assert deduped.variants["bare-kit@1.0.0(host@1.0.0)"].children == {"meta-peer": "meta-peer@1.0.0(host@1.0.0)"}
    common = ["bare-kit@1.0.0(host@1.0.0)", "host@1.0.0", "hosted-kit@1.0.0", "hosting-outer@1.0.0"]
    assert sorted(variants(CHAIN, pnpm_major=10).variants) == [*common, "meta-peer@1.0.0(host@1.0.0)", "outer@1.0.0"]
    for major in (11, 12):
        chained = variants(CHAIN, pnpm_major=major)
        assert sorted(chained.variants) == [*common, "meta-peer@1.0.0(host@1.0.0)", "outer@1.0.0(host@1.0.0)"]
        assert chained.importers["."]["outer"] == "outer@1.0.0(host@1.0.0)"
        assert chained.variants["outer@1.0.0(host@1.0.0)"].children == {"bare-kit": "bare-kit@1.0.0(host@1.0.0)"}


def test_a_cycle_of_peers_counts_as_name_at_version() -> None:
    result = variants(
        {
            "": pkg(
                "app",
                "1.0.0",
                dependencies={"bundler": "^1.0.0", "app-scripts": "^1.0.0", "ping": "^1.0.0", "pong": "^1.0.0"},
            ),
            "node_modules/ping": pkg("ping", "1.0.0", peerDependencies={"pong": "^1.0.0"}),
            "node_modules/pong": pkg("pong", "1.0.0", peerDependencies={"ping": "^1.0.0"}),
            "node_modules/css": pkg("css", "1.0.0"),
            "node_modules/bundler": pkg("bundler", "1.0.0", dependencies={"minifier": "^1.0.0"}),
            "node_modules/minifier": pkg(
                "minifier",
                "1.0.0",
                peerDependencies={"bundler": "*", "css": "*"},
                peerDependenciesMeta={"css": {"optional": True}},
            ),
            "node_modules/app-scripts": pkg(
                "app-scripts", "1.0.0", dependencies={"bundler": "^1.0.0", "css": "^1.0.0"}
            ),
        }
    )
    assert result.importers["."] == {
        "bundler": "bundler@1.0.0(css@1.0.0)",
        "app-scripts": "app-scripts@1.0.0",
        "ping": "ping@1.0.0(pong@1.0.0)",
        "pong": "pong@1.0.0(ping@1.0.0)",
    }
    # a dependency whose peer is its own dependent: the dependent carries the dependency's other
    # peers, not itself
    assert result.variants["bundler@1.0.0(css@1.0.0)"].children == {
        "minifier": "minifier@1.0.0(bundler@1.0.0(css@1.0.0))(css@1.0.0)"
    }
    assert result.variants["pong@1.0.0(ping@1.0.0)"].children == {"ping": "ping@1.0.0(pong@1.0.0)"}


def test_package_extensions_add_peers_and_the_dependency_becomes_a_peer() -> None:
    """pnpm's compatibility database makes eslint a peer of react-scripts, which also depends on
    eslint ^8: pnpm 10.34.8 then links the project's eslint 9 (react-scripts@5.0.1(...)(eslint@9...))."""
    tree = {
        "": pkg("app", "1.0.0", dependencies={"eslint": "9.0.0", "scripts": "1.0.0"}),
        "node_modules/eslint": pkg("eslint", "9.0.0"),
        "node_modules/scripts": pkg("scripts", "1.0.0", dependencies={"eslint": "^8.0.0"}),
        "node_modules/scripts/node_modules/eslint": pkg("eslint", "8.0.0"),
    }
    files = {f"/app/{location}/package.json".replace("//", "/"): data for location, data in tree.items()}
    graph = logical_graph(read_installed_tree(MemoryFS.from_mapping(files), "/app"))
    assert resolve_peer_variants(graph).importers["."]["scripts"] == "scripts@1.0.0"
    extended = resolve_peer_variants(graph, package_extensions={"scripts@*": {"peerDependencies": {"eslint": "*"}}})
    assert extended.importers["."]["scripts"] == "scripts@1.0.0(eslint@9.0.0)"
    assert extended.variants["scripts@1.0.0(eslint@9.0.0)"].children == {"eslint": "eslint@9.0.0"}
    assert "eslint@8.0.0" not in extended.variants
    # a selector whose range does not match changes nothing
    other = resolve_peer_variants(graph, package_extensions={"scripts@2": {"peerDependencies": {"eslint": "*"}}})
    assert other.importers["."]["scripts"] == "scripts@1.0.0"
