"""Each graph check fires on a tree that has its problem and stays quiet on a clean one."""

from __future__ import annotations

import os
from pathlib import Path

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.diagnostics.rules.duplicates import folder_size
from nmdoctor.inspect.package_code import PackageCode
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import DiskFS, MemoryFS, symlink
from nmdoctor.vfs.cached import CachedFS


def pkg(name: str, version: str, **fields: object) -> dict[str, object]:
    return {"name": name, "version": version, **fields}


CLEAN = {
    "/app/package.json": pkg("app", "1.0.0", dependencies={"a": "^1", "react": "^18"}),
    "/app/node_modules/a/package.json": pkg("a", "1.0.0", peerDependencies={"react": "*"}),
    "/app/node_modules/react/package.json": pkg("react", "18.3.1"),
}


def codes(entries: dict[str, object]) -> list[str]:
    fs = MemoryFS.from_mapping(entries)
    graph = read_installed_tree(fs, "/app")
    return sorted(finding.code for finding in run_checks(CheckContext(graph=graph, fs=fs)))


def test_clean_tree_has_no_findings() -> None:
    assert codes(CLEAN) == []


def test_missing_dependency_and_unmet_peer() -> None:
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"a": "^1", "gone": "^2"})
    del tree["/app/node_modules/react/package.json"]
    assert codes(tree) == ["missing-dependency", "unmet-peer-dependency"]


def test_optional_dependencies_may_be_absent() -> None:
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"a": "^1", "react": "^18"}, optionalDependencies={"fsevents": "^2"}
    )
    assert codes(tree) == []


def test_extraneous_and_broken_link() -> None:
    tree = dict(CLEAN)
    tree["/app/node_modules/left-over/package.json"] = pkg("left-over", "0.1.0")
    tree["/app/node_modules/ghost"] = symlink(".pnpm/ghost@1.0.0/node_modules/ghost")
    assert codes(tree) == ["broken-symlink", "extraneous-package"]


BERRY_LOCK = """__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    builds: "npm:^1.0.0"
  languageName: unknown
  linkType: soft

"builds@npm:^1.0.0":
  version: 1.0.0
  resolution: "builds@npm:1.0.0"
  dependencies:
    node-gyp: "npm:latest"
  checksum: 10c0/00
  languageName: node
  linkType: hard

"node-gyp@npm:latest":
  version: 10.1.0
  resolution: "node-gyp@npm:10.1.0"
  checksum: 10c0/00
  languageName: node
  linkType: hard
"""


def test_what_the_lockfile_locks_is_not_extraneous() -> None:
    """yarn berry gives a package that builds a node-gyp dependency its package.json does not declare
    (pmndrs/react-spring's @parcel/watcher, yarn 3.8.5): the lockfile locks it, and a reinstall brings
    it back. A package the lockfile does not lock is still extraneous."""
    from nmdoctor.lockfiles import read_lockfile

    tree = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"builds": "^1.0.0"}),
        "/app/yarn.lock": BERRY_LOCK,
        "/app/node_modules/builds/package.json": pkg("builds", "1.0.0", scripts={"install": "node-gyp rebuild"}),
        "/app/node_modules/node-gyp/package.json": pkg("node-gyp", "10.1.0"),
        "/app/node_modules/left-over/package.json": pkg("left-over", "0.1.0"),
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    lock = read_lockfile(fs, "/app/yarn.lock", {"name": "app"})
    context = CheckContext(graph=graph, fs=fs, lockfile=lock)
    found = [finding.package.name for finding in run_checks(context) if finding.code == "extraneous-package"]
    assert found == ["left-over"]


def test_doppelganger_and_duplicate_singleton() -> None:
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"a": "^1", "b": "^1", "react": "^18"})
    tree["/app/node_modules/a/package.json"] = pkg("a", "1.0.0", dependencies={"ms": "^1", "react": "^17"})
    tree["/app/node_modules/a/node_modules/ms/package.json"] = pkg("ms", "1.0.0")
    tree["/app/node_modules/a/node_modules/ms/index.js"] = "x" * 100
    tree["/app/node_modules/a/node_modules/react/package.json"] = pkg("react", "17.0.2")
    tree["/app/node_modules/b/package.json"] = pkg("b", "1.0.0", dependencies={"ms": "^1"})
    tree["/app/node_modules/b/node_modules/ms/package.json"] = pkg("ms", "1.0.0")
    tree["/app/node_modules/b/node_modules/ms/index.js"] = "x" * 100
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    findings = {finding.code: finding for finding in run_checks(CheckContext(graph=graph, fs=fs))}
    assert sorted(findings) == ["doppelganger", "duplicate-singleton"]
    assert "installed 2 times" in findings["doppelganger"].message
    assert "(used by a@1.0.0)" in findings["doppelganger"].message
    assert "17.0.2 at node_modules/a/node_modules/react" in findings["duplicate-singleton"].message


def _singleton(tree: dict[str, object]) -> tuple[str, str]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    context = CheckContext(graph=graph, fs=fs, package_code=PackageCode(fs))
    found = [item for item in run_checks(context) if item.code == "duplicate-singleton"]
    assert len(found) == 1
    return found[0].severity.value, found[0].message


def test_a_singleton_is_an_error_only_where_a_dependent_loads_another_copy() -> None:
    # app renders with react 18 and depends on a component library that gets react 17: an error.
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"ui": "^1", "react": "^18"})
    tree["/app/node_modules/ui/package.json"] = pkg("ui", "1.0.0", dependencies={"react": "^17"})
    tree["/app/node_modules/ui/node_modules/react/package.json"] = pkg("react", "17.0.2")
    # a library that declares react and never loads it (a markdown plugin's stray dependency): a warning
    assert _singleton(tree)[0] == "warning"
    tree["/app/node_modules/ui/index.js"] = "const React = require('react');\nmodule.exports = React;\n"
    severity, message = _singleton(tree)
    assert severity == "error"
    assert message.endswith(
        "(app@1.0.0 loads 18.3.1 and depends on ui@1.0.0, which gets 17.0.2 at node_modules/ui/node_modules/react)"
    )
    # a tool with its own react, whose dependent loads none itself: both reached, a warning.
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"docs-cli": "^1", "react": "^18"})
    del tree["/app/node_modules/ui/package.json"], tree["/app/node_modules/ui/node_modules/react/package.json"]
    tree["/app/node_modules/docs-cli/package.json"] = pkg("docs-cli", "1.0.0", dependencies={"redoc": "^2"})
    tree["/app/node_modules/docs-cli/node_modules/redoc/package.json"] = pkg(
        "redoc", "2.0.0", peerDependencies={"react": "^17"}
    )
    tree["/app/node_modules/docs-cli/node_modules/react/package.json"] = pkg("react", "17.0.2")
    severity, message = _singleton(tree)
    assert severity == "warning"
    assert message.endswith(
        "(one project reaches both, but no package that loads one depends on a package that gets the other)"
    )


def test_two_copies_of_a_context_library_apart_are_a_warning() -> None:
    # swagger-ui-react brings its own react-redux and its own Provider: the app's copy stays apart.
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"swagger-ui-react": "^5", "react-redux": "^7"})
    tree["/app/node_modules/react-redux/package.json"] = pkg("react-redux", "7.2.9")
    tree["/app/node_modules/swagger-ui-react/package.json"] = pkg(
        "swagger-ui-react", "5.0.0", dependencies={"react-redux": "^9"}
    )
    tree["/app/node_modules/swagger-ui-react/node_modules/react-redux/package.json"] = pkg("react-redux", "9.3.0")
    tree["/app/node_modules/swagger-ui-react/index.js"] = "module.exports = require('react-redux');\n"
    severity, message = _singleton(tree)
    assert severity == "warning"
    assert "app@1.0.0 loads 7.2.9 and depends on swagger-ui-react@5.0.0" in message


def test_version_mismatch_and_peer_out_of_range() -> None:
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"a": "^2", "react": "^18"})
    tree["/app/node_modules/a/package.json"] = pkg("a", "1.0.0", peerDependencies={"react": "^17"})
    assert codes(tree) == ["unmet-peer-dependency", "version-mismatch"]


def test_specs_that_are_not_ranges_are_not_judged() -> None:
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"a": "github:me/a#main", "react": "latest"})
    assert codes(tree) == []


def test_a_star_range_accepts_a_prerelease_as_npm_does() -> None:
    # withastro/astro's e2e fixture: "@types/react": "npm:types-react", locked at 19.0.0-alpha.3 (the
    # `latest` tag when it was installed). npm's dep-valid takes `*` (or nothing) as valid for any
    # version, and npm and pnpm install the latest tag for it even when that tag is a prerelease.
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"a": "^1", "react": "^18", "@types/react": "npm:types-react", "b": "*", "c": ""}
    )
    tree["/app/node_modules/@types/react/package.json"] = pkg("types-react", "19.0.0-alpha.3")
    tree["/app/node_modules/b/package.json"] = pkg("b", "2.0.0-beta.1")
    tree["/app/node_modules/c/package.json"] = pkg("c", "1.0.0-rc.1")
    assert codes(tree) == []
    # a range other than `*` is still judged by semver, which leaves prereleases out
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"a": "^1", "react": "^18", "@types/react": "npm:types-react", "b": ">=1", "c": ""}
    )
    assert codes(tree) == ["version-mismatch"]


def test_an_alias_to_a_dist_tag_is_not_judged() -> None:
    # appwrite/console's bun.lock: the override "vite": "npm:rolldown-vite@latest" installs
    # rolldown-vite 7.3.1 as vite. `latest` is a dist-tag the registry resolved at install time: no
    # version can be told wrong from the files, and a reinstall from the lockfile keeps 7.3.1. (npm 11's
    # own `npm ls` calls an alias to a tag invalid, is-number 7.0.0 for "npm:is-number@latest", checked
    # here; its dep-valid leaves a plain tag alone, and so does nmdoctor, aliased or not.)
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"a": "^1", "react": "^18", "isnum": "npm:is-number@latest"}
    )
    tree["/app/node_modules/isnum/package.json"] = pkg("is-number", "7.0.0")
    assert codes(tree) == []
    # an alias to a range is still judged
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"a": "^1", "react": "^18", "isnum": "npm:is-number@^6"}
    )
    assert codes(tree) == ["version-mismatch"]


def test_folder_size_on_disk_walks_as_the_filesystem_view_does(tmp_path: Path) -> None:
    """The host's fast path (os.scandir) counts what the generic walk counts, limit included:
    files and nested folders, not links, not the package's own node_modules."""
    package = tmp_path / "pkg"
    for index, name in enumerate(["a.js", "lib/b.js", "lib/deep/c.js", "z/d.json", "node_modules/x/e.js"]):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_bytes(b"x" * (10 + index))
    os.symlink(package / "a.js", package / "link.js")
    os.symlink(package / "lib", package / "linked-lib")

    class Generic:  # the FileSystem protocol only: no fast path
        def __init__(self) -> None:
            disk = DiskFS()
            self.listdir, self.lstat = disk.listdir, disk.lstat

    for limit in (20000, 5, 3, 1):
        generic = folder_size(Generic(), str(package), limit)  # type: ignore[arg-type]
        assert folder_size(CachedFS(DiskFS()), str(package), limit) == generic
    assert folder_size(DiskFS(), str(package)) == 10 + 11 + 12 + 13


def test_a_name_declared_twice_is_judged_by_either_range() -> None:
    # medusa's @medusajs/medusa: "@swc/core": "1.5.7" in dependencies, "^1.7.28" in devDependencies;
    # the real yarn 3.2.1 installed 1.7.28 (the dev range): no mismatch while one range holds.
    tree = dict(CLEAN)
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"a": "^1", "react": "^18", "x": "1.5.7"}, devDependencies={"x": "^1.7.28"}
    )
    tree["/app/node_modules/x/package.json"] = pkg("x", "1.7.28")
    assert codes(tree) == []
    tree["/app/node_modules/x/package.json"] = pkg("x", "2.0.0")
    assert codes(tree) == ["version-mismatch"]


def _doppelganger_fix(tree: dict[str, object]) -> str:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    [found] = [item for item in run_checks(CheckContext(graph=graph, fs=fs)) if item.code == "doppelganger"]
    assert found.fix is not None
    return found.fix


def _copies_tree() -> dict[str, object]:
    tree: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"a": "^1", "b": "^1", "ms": "^2"}),
        "/app/node_modules/a/package.json": pkg("a", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/b/package.json": pkg("b", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/ms/package.json": pkg("ms", "2.0.0"),
    }
    for parent in ("a", "b"):
        tree[f"/app/node_modules/{parent}/node_modules/ms/package.json"] = pkg("ms", "1.0.0")
    return tree


def _free_slot_tree() -> dict[str, object]:
    """The copies of ms@1.0.0 with the top-level folder free (what npm leaves after the project
    drops its own ms: real npm 11.19.1, whose `npm dedupe` then moves one copy up)."""
    tree = _copies_tree()
    del tree["/app/node_modules/ms/package.json"]
    tree["/app/package.json"] = pkg("app", "1.0.0", dependencies={"a": "^1", "b": "^1"})
    return tree


def test_the_doppelganger_fix_is_the_managers_own() -> None:
    assert _doppelganger_fix(_free_slot_tree()) == "run `npm dedupe` (or align the versions that keep the copies apart)"
    yarn1 = {**_free_slot_tree(), "/app/node_modules/.yarn-integrity": "{}"}
    assert _doppelganger_fix(yarn1) == "align the versions that keep the copies apart"  # yarn 1 has no dedupe
    berry = {**_free_slot_tree(), "/app/node_modules/.yarn-state.yml": "__metadata:\n  version: 1\n"}
    assert _doppelganger_fix(berry) == "run `yarn dedupe` (or align the versions that keep the copies apart)"


def test_a_scope_folders_node_modules_is_no_slot_a_dedupe_fills() -> None:
    """Copies below two packages of one scope (release-it's isexe@3.1.1 under @npmcli/git and
    @npmcli/promise-spawn, whose which@4.0.0 needs it, beside the top-level isexe@2.0.0): node
    searches node_modules/@npmcli/node_modules from both, but npm never places a package in a scope
    folder's node_modules, so the version above keeps them apart. Real npm 10.9.2's `npm dedupe
    --dry-run` on that tree changes both copies (3.1.1 => 3.1.5) and merges neither."""
    tree: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"@s/a": "^1", "@s/b": "^1", "ms": "^2"}),
        "/app/node_modules/@s/a/package.json": pkg("@s/a", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/@s/b/package.json": pkg("@s/b", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/ms/package.json": pkg("ms", "2.0.0"),
        "/app/node_modules/@s/a/node_modules/ms/package.json": pkg("ms", "1.0.0"),
        "/app/node_modules/@s/b/node_modules/ms/package.json": pkg("ms", "1.0.0"),
    }
    assert _doppelganger_fix(tree).startswith(
        "align the versions that keep the copies apart: node_modules/ms holds `ms@2.0.0` (used by app@1.0.0)"
    )


def test_copies_kept_apart_by_the_version_above_are_not_deduped() -> None:
    """Another version holds the folder both dependents search (app's ms@2.0.0): real npm 11.19.1's
    `npm dedupe` leaves the two copies of ms@1.0.0 (tests/installs/test_doppelganger_dedupe.py), so
    the fix names what keeps them apart instead."""
    held = (
        "align the versions that keep the copies apart: node_modules/ms holds `ms@2.0.0` (used by app@1.0.0) "
        "where one copy would serve every dependent"
    )
    assert (
        _doppelganger_fix(_copies_tree()) == held + "; `npm dedupe` merges the copies only where one version serves all"
    )
    yarn1 = {**_copies_tree(), "/app/node_modules/.yarn-integrity": "{}"}
    assert _doppelganger_fix(yarn1) == held  # yarn 1 has no dedupe
    # a copy of the same version above serves both: the nested ones are redundant, the dedupe removes them
    same = {**_copies_tree(), "/app/node_modules/ms/package.json": pkg("ms", "1.0.0")}
    assert _doppelganger_fix(same).startswith("run `npm dedupe`")
    # shadowed: the only free folder both search lies above another version one of them finds first
    nested: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"p": "^1"}),
        "/app/node_modules/p/package.json": pkg("p", "1.0.0", dependencies={"a": "^1", "b": "^1", "ms": "^2"}),
        "/app/node_modules/p/node_modules/ms/package.json": pkg("ms", "2.0.0"),
        "/app/node_modules/p/node_modules/a/package.json": pkg("a", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/p/node_modules/b/package.json": pkg("b", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/p/node_modules/a/node_modules/ms/package.json": pkg("ms", "1.0.0"),
        "/app/node_modules/p/node_modules/b/node_modules/ms/package.json": pkg("ms", "1.0.0"),
    }
    assert _doppelganger_fix(nested).startswith(
        "align the versions that keep the copies apart: node_modules/p/node_modules/ms"
    )
    # one copy at the top, the other below a package whose own other version its dependent finds
    # first (react-scripts' @types/yargs 16 between jest-watch-typeahead's 17 and the top-level 17)
    between: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"a": "^1", "p": "^1"}),
        "/app/node_modules/a/package.json": pkg("a", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/ms/package.json": pkg("ms", "1.0.0"),
        "/app/node_modules/p/package.json": pkg("p", "1.0.0", dependencies={"q": "^1", "ms": "^2"}),
        "/app/node_modules/p/node_modules/ms/package.json": pkg("ms", "2.0.0"),
        "/app/node_modules/p/node_modules/q/package.json": pkg("q", "1.0.0", dependencies={"ms": "^1"}),
        "/app/node_modules/p/node_modules/q/node_modules/ms/package.json": pkg("ms", "1.0.0"),
    }
    assert _doppelganger_fix(between).startswith(
        "align the versions that keep the copies apart: node_modules/p/node_modules/ms holds `ms@2.0.0` "
        "(used by p@1.0.0)"
    )
    # copies declaring a peer: npm leaves them under a free folder too (b4a@1.9.0 three times beside
    # an empty node_modules/b4a in the large benchmark tree, after real npm 11.19.1's `npm dedupe`)
    peered = _free_slot_tree()
    for parent in ("a", "b"):
        peered[f"/app/node_modules/{parent}/node_modules/ms/package.json"] = {
            **pkg("ms", "1.0.0"),
            "peerDependencies": {"react-native-ms": "*"},
            "peerDependenciesMeta": {"react-native-ms": {"optional": True}},
        }
    assert _doppelganger_fix(peered) == (
        "the copies declare peer dependencies (`react-native-ms`): npm places such a package where its peers "
        "resolve, and `npm dedupe` leaves these copies (real npm 11.19.1)"
    )
    # a version above that nothing uses is pruned by the dedupe, which then moves one copy up
    unused = {**_copies_tree(), "/app/package.json": pkg("app", "1.0.0", dependencies={"a": "^1", "b": "^1"})}
    assert _doppelganger_fix(unused).startswith("run `npm dedupe`")


def test_pnpm_copies_name_the_peers_that_keep_them_apart() -> None:
    """pnpm copies a package once per set of peers: w@1.0.0 twice, given g 1.0.0 and g 2.0.0."""
    store = "/app/node_modules/.pnpm"
    tree: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"x": "^1", "y": "^1"}),
        "/app/node_modules/x": symlink(".pnpm/x@1.0.0/node_modules/x"),
        "/app/node_modules/y": symlink(".pnpm/y@1.0.0/node_modules/y"),
    }
    for parent, g in (("x", "1.0.0"), ("y", "2.0.0")):
        tree[f"{store}/{parent}@1.0.0/node_modules/{parent}/package.json"] = pkg(
            parent, "1.0.0", dependencies={"w": "^1", "g": g}
        )
        tree[f"{store}/{parent}@1.0.0/node_modules/w"] = symlink(f"../../w@1.0.0_g@{g}/node_modules/w")
        tree[f"{store}/{parent}@1.0.0/node_modules/g"] = symlink(f"../../g@{g}/node_modules/g")
        tree[f"{store}/w@1.0.0_g@{g}/node_modules/w/package.json"] = pkg("w", "1.0.0", peerDependencies={"g": "*"})
        tree[f"{store}/w@1.0.0_g@{g}/node_modules/g"] = symlink(f"../../g@{g}/node_modules/g")
        tree[f"{store}/g@{g}/node_modules/g/package.json"] = pkg("g", g)
    assert _doppelganger_fix(tree) == (
        "give its dependents one version of `g` (1.0.0, 2.0.0): pnpm makes one copy per set of peers "
        "(`pnpm dedupe` aligns them where the ranges allow)"
    )


def test_an_unmet_peer_the_project_holds_at_another_version_is_not_fixed_by_a_downgrade() -> None:
    """rainbow's app uses react 19; a package takes react ^16.8.0 as its peer. Adding the peer's
    range would move the app off the react it uses: the fix names both ways."""
    tree = dict(CLEAN)
    tree["/app/node_modules/a/package.json"] = pkg("a", "1.0.0", peerDependencies={"react": "^16.8.0"})
    tree["/app/node_modules/react/package.json"] = pkg("react", "19.1.0")
    fs = MemoryFS.from_mapping(tree)
    [found] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["unmet-peer-dependency"])
    assert found.fix == (
        'use a release of a whose peer range accepts react@19.1.0, or, if the project can move, make "react" '
        'satisfy "^16.8.0" in the dependencies of the project that uses a'
    )
    del tree["/app/node_modules/react/package.json"]
    fs = MemoryFS.from_mapping(tree)
    [found] = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["unmet-peer-dependency"])
    assert found.fix == 'add "react": "^16.8.0" to the dependencies of the project that uses a'


def test_a_copy_under_an_alias_is_not_a_doppelganger() -> None:
    """node finds string-width-cjs (an alias of string-width) by its folder name: that folder and
    node_modules/string-width are two in every hoisted layout, whatever the versions."""
    tree: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"string-width": "^4", "ui": "^8"}),
        "/app/node_modules/string-width/package.json": pkg("string-width", "4.2.3"),
        "/app/node_modules/ui/package.json": pkg(
            "ui", "8.0.2", dependencies={"string-width-cjs": "npm:string-width@^4.2.0"}
        ),
        "/app/node_modules/string-width-cjs/package.json": pkg("string-width", "4.2.3"),
    }
    assert codes(tree) == []
    # two copies under the alias name are still copies
    tree["/app/node_modules/ui/node_modules/string-width-cjs/package.json"] = pkg("string-width", "4.2.3")
    tree["/app/package.json"] = pkg(
        "app", "1.0.0", dependencies={"string-width": "^4", "ui": "^8", "string-width-cjs": "npm:string-width@^4"}
    )
    assert "doppelganger" in codes(tree)


def test_a_lockfile_entry_recording_no_version_is_not_judged() -> None:
    # CarmenSoftware's package-lock.json holds `"node_modules/.../@typescript-eslint/typescript-estree":
    # {"dev": true}`, no version: "wants 8.46.2 but gets  from" judged nothing
    tree = dict(CLEAN)
    tree["/app/node_modules/a/package.json"] = pkg(
        "a", "1.0.0", peerDependencies={"react": "*"}, dependencies={"b": "8.46.2"}
    )
    tree["/app/node_modules/b/package.json"] = {"name": "b"}
    assert codes(tree) == []


def test_two_versions_wanting_one_free_folder_are_not_both_deduped() -> None:
    """Copies of strip-ansi@7.2.0 under three packages and of strip-ansi@5.2.0 under two others,
    with node_modules/strip-ansi free (jsdoc's npm workspaces tree): real npm 11.19.1's `npm dedupe
    --dry-run` moves one 7.2.0 copy up, removes the others, and leaves both 5.2.0 copies nested. So
    `npm dedupe` alone is no fix for either group: the fix says to align the versions first."""
    tree: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"a": "^1", "b": "^1", "c": "^1", "d": "^1"}),
    }
    for parent, version in (("a", "7.2.0"), ("b", "7.2.0"), ("c", "5.2.0"), ("d", "5.2.0")):
        tree[f"/app/node_modules/{parent}/package.json"] = pkg(parent, "1.0.0", dependencies={"strip-ansi": version})
        tree[f"/app/node_modules/{parent}/node_modules/strip-ansi/package.json"] = pkg("strip-ansi", version)
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    fixes = sorted(
        item.fix or "" for item in run_checks(CheckContext(graph=graph, fs=fs)) if item.code == "doppelganger"
    )
    assert len(fixes) == 2
    for fix in fixes:
        assert fix.startswith("align the versions that keep the copies apart, then run `npm dedupe`")
        assert "moves only one version there" in fix
    assert "`strip-ansi@7.2.0` at node_modules/a/node_modules/strip-ansi" in fixes[0] + fixes[1]
    # one version alone below the free folder: the dedupe merges it, as before
    assert _doppelganger_fix(_free_slot_tree()) == "run `npm dedupe` (or align the versions that keep the copies apart)"


def test_one_copy_of_another_version_does_not_stop_the_dedupe() -> None:
    """string-width@7.2.0 in three nested copies beside one nested string-width@3.1.0, the top-level
    folder free (jsdoc's tree): real npm 11.19.1's `npm dedupe --dry-run` merges the three copies."""
    tree: dict[str, object] = {
        "/app/package.json": pkg("app", "1.0.0", dependencies={"a": "^1", "b": "^1", "c": "^1"}),
    }
    for parent, version in (("a", "7.2.0"), ("b", "7.2.0"), ("c", "3.1.0")):
        tree[f"/app/node_modules/{parent}/package.json"] = pkg(parent, "1.0.0", dependencies={"sw": version})
        tree[f"/app/node_modules/{parent}/node_modules/sw/package.json"] = pkg("sw", version)
    assert _doppelganger_fix(tree) == "run `npm dedupe` (or align the versions that keep the copies apart)"
