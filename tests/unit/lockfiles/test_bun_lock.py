"""bun.lock read into the lockfile model: trailing commas, places in the hoisted tree (scoped and
nested, under a workspace), workspace links, aliases; malformed files are one-line errors. The
shapes are bun 1.4.5's (tests/installs/test_bun_installs.py checks real ones against real installs)."""

from __future__ import annotations

import pytest

from nmdoctor.lockfiles import LockfileError
from nmdoctor.lockfiles.bun import read_bun_lockfile, strip_trailing_commas, unlinked_when_isolated

LOCK = """{
  "lockfileVersion": 1,
  "workspaces": {
    "": {"name": "app", "dependencies": {"@s/x": "^1.0.0", "ws-a": "workspace:*", "alias-c": "npm:c@^1.0.0",},},
    "packages/ws-a": {"name": "ws-a", "version": "2.0.0", "dependencies": {"c": "^2.0.0",},},
  },
  "packages": {
    "@s/x": ["@s/x@1.0.0", "", { "dependencies": { "c": "^1.0.0", }, }, "sha512-x"],
    "@s/x/c": ["c@1.0.0", "", {}, "sha512-c1"],
    "alias-c": ["c@1.0.0", "", {}, "sha512-c1"],
    "ws-a": ["ws-a@workspace:packages/ws-a"],
    "ws-a/c": ["c@2.0.0", "", { "bin": { "c": "a,]b" } }, "sha512-c2"],
  },
}
"""


def test_trailing_commas_outside_strings_only() -> None:
    assert strip_trailing_commas('{"a": ["x,]", 1,], "b": "},",}') == '{"a": ["x,]", 1], "b": "},"}'


def test_places_links_and_edges() -> None:
    lock = read_bun_lockfile(LOCK, "/p/bun.lock")
    places = {package.path: (package.name, package.version, package.link_to) for package in lock.packages.values()}
    assert places == {
        "": ("app", "", None),
        "packages/ws-a": ("ws-a", "2.0.0", None),
        "node_modules/@s/x": ("@s/x", "1.0.0", None),
        "node_modules/@s/x/node_modules/c": ("c", "1.0.0", None),
        "node_modules/alias-c": ("c", "1.0.0", None),
        "node_modules/ws-a": ("ws-a", "2.0.0", "packages/ws-a"),
        "packages/ws-a/node_modules/c": ("c", "2.0.0", None),
    }
    edges = {(edge.source, edge.name): edge.target for edge in lock.edges}
    assert edges == {
        ("", "@s/x"): "node_modules/@s/x",
        ("", "ws-a"): "packages/ws-a",
        ("", "alias-c"): "node_modules/alias-c",
        ("packages/ws-a", "c"): "packages/ws-a/node_modules/c",
        ("node_modules/@s/x", "c"): "node_modules/@s/x/node_modules/c",
    }


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{nope", "not valid JSON"),
        ("[]", "expected a JSON object"),
        ('{"packages": {"a": 3}}', "packages['a'] is not [ident, ...]"),
        ('{"workspaces": []}', '"workspaces" and "packages" must be objects'),
    ],
)
def test_bad_files_are_one_line_errors(text: str, problem: str) -> None:
    with pytest.raises(LockfileError, match=r"^/p/bun.lock: ") as caught:
        read_bun_lockfile(text, "/p/bun.lock")
    assert problem in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_key_prefixed_with_the_projects_own_name_nests_in_the_registry_package() -> None:
    """The project is "elysia" and a plugin's peer installs a published elysia too: the key
    "elysia/exact-mirror" is the copy nested in node_modules/elysia, not one at the project."""
    text = """{
      "lockfileVersion": 1,
      "workspaces": {
        "": {"name": "elysia", "dependencies": {"exact-mirror": "^0.2.7"}, "devDependencies": {"plugin": "^1.0.0"}},
      },
      "packages": {
        "elysia": ["elysia@1.4.16", "", { "dependencies": { "exact-mirror": "0.2.3" } }, "sha512-e"],
        "elysia/exact-mirror": ["exact-mirror@0.2.3", "", {}, "sha512-m3"],
        "exact-mirror": ["exact-mirror@0.2.7", "", {}, "sha512-m7"],
        "plugin": ["plugin@1.0.0", "", { "peerDependencies": { "elysia": ">= 1.4.0" } }, "sha512-p"],
      },
    }"""
    lock = read_bun_lockfile(text, "/p/bun.lock")
    assert lock.packages["node_modules/elysia/node_modules/exact-mirror"].version == "0.2.3"
    edges = {(edge.source, edge.name): edge.target for edge in lock.edges}
    assert edges[("node_modules/elysia", "exact-mirror")] == "node_modules/elysia/node_modules/exact-mirror"
    assert edges[("", "exact-mirror")] == "node_modules/exact-mirror"


# As bun 1.3.14 locks sharp's and tailwind's wasm fallbacks (AmanVarshney01/create-better-t-stack):
# a platform package's `cpu`/`os` as a name or a list, "none" for wasm32 (no value bun knows), and
# the runtime only the fallback depends on, which bun skips with it.
PLATFORM_LOCK = """{
  "lockfileVersion": 1,
  "configVersion": 1,
  "workspaces": {"": {"name": "app", "dependencies": {"oxide": "^1.0.0", "tslib": "^2.0.0"}}},
  "packages": {
    "oxide": ["oxide@1.0.0", "", { "optionalDependencies": { "oxide-linux-x64": "1.0.0", "oxide-darwin": "1.0.0",
      "oxide-wasm32": "1.0.0" } }, "sha512-o"],
    "oxide-linux-x64": ["oxide-linux-x64@1.0.0", "", { "os": "linux", "cpu": "x64" }, "sha512-l"],
    "oxide-darwin": ["oxide-darwin@1.0.0", "", { "os": "darwin", "cpu": ["arm64", "x64"] }, "sha512-d"],
    "oxide-wasm32": ["oxide-wasm32@1.0.0", "", { "dependencies": { "wasm-runtime": "^1.0.0", "tslib": "^2.0.0" },
      "cpu": "none" }, "sha512-w"],
    "wasm-runtime": ["wasm-runtime@1.0.0", "", { "dependencies": { "emnapi": "^1.0.0" } }, "sha512-r"],
    "emnapi": ["emnapi@1.0.0", "", {}, "sha512-e"],
    "tslib": ["tslib@2.0.0", "", {}, "sha512-t"],
  },
}
"""


def test_platforms_and_what_only_a_skipped_platform_package_leads_to() -> None:
    from nmdoctor.lockfiles.to_graph import skipped_here

    lock = read_bun_lockfile(PLATFORM_LOCK, "/p/bun.lock")
    packages = {package.name: package for package in lock.packages.values()}
    assert packages["oxide-linux-x64"].platforms == {"os": ("linux",), "cpu": ("x64",)}
    assert packages["oxide-darwin"].platforms == {"os": ("darwin",), "cpu": ("arm64", "x64")}
    assert packages["oxide-wasm32"].platforms == {"cpu": ("none",)}
    optional = {name for name, package in packages.items() if package.optional}
    # tslib is also the project's own dependency: not optional.
    assert optional == {"oxide-linux-x64", "oxide-darwin", "oxide-wasm32", "wasm-runtime", "emnapi"}
    skipped = {lock.packages[key].name for key in skipped_here(lock)}
    assert {"oxide-wasm32", "wasm-runtime", "emnapi"} <= skipped
    assert not {"oxide", "tslib"} & skipped


ISOLATED = """{
  "lockfileVersion": 1,
  "workspaces": {
    "": {"name": "app", "dependencies": {"host": "^1.0.0", "react": "^19.0.0", "tool": "^1.0.0"}},
  },
  "packages": {
    "host": ["host@1.0.0", "", {"peerDependencies": {"react": "^18.0.0", "opt": "^1.0.0"},
             "optionalPeers": ["opt"]}, "sha512-h"],
    "host/react": ["react@18.2.0", "", {"dependencies": {"loose-envify": "^1.1.0"}}, "sha512-r18"],
    "loose-envify": ["loose-envify@1.4.0", "", {}, "sha512-le"],
    "opt": ["opt@1.0.0", "", {"dependencies": {"opt-dep": "^1.0.0"}}, "sha512-o"],
    "opt-dep": ["opt-dep@1.0.0", "", {}, "sha512-od"],
    "react": ["react@19.2.3", "", {}, "sha512-r19"],
    "tool": ["tool@1.0.0", "", {"peerDependencies": {"lonely": "^1.0.0"}}, "sha512-t"],
    "lonely": ["lonely@1.0.0", "", {}, "sha512-l"],
  },
}
"""


def test_what_bun_s_isolated_linker_leaves_out() -> None:
    """bun's isolated linker installs an optional peer only when a dependency brings it, and links a
    required peer to the copy of its name already installed (out of range or not) rather than the
    copy bun.lock's hoisted tree nests for it; a required peer nothing else brings is installed (bun
    1.3.1 on t3-oss/t3-env: the entries below stayed out, and `--linker hoisted` installed them)."""
    lock = read_bun_lockfile(ISOLATED, "/p/bun.lock")
    left_out = {lock.packages[key].path for key in unlinked_when_isolated(lock)}
    assert left_out == {
        "node_modules/opt",
        "node_modules/opt-dep",
        "node_modules/host/node_modules/react",
        "node_modules/loose-envify",
    }
