"""migrate: planned layouts and the resolutions that break under them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.linkers.logical import logical_graph
from nmdoctor.linkers.plan import Plan
from nmdoctor.linkers.pnpm import PnpmSettings, hoisted_dependencies, plan_pnpm
from nmdoctor.linkers.yarn_berry import plan_yarn_berry
from nmdoctor.migrate.selectors import _names, _pnpm_selector
from nmdoctor.vfs import MemoryFS
from nmdoctor.vfs.overlay import OverlayFS

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


# The contested-order project of tests/installs/scenarios.py (PLANNER_PROJECTS) as real npm installed it.
CONTESTED_TREE = {
    "/app/package.json": {
        "name": "tug",
        "version": "1.0.0",
        "dependencies": {"right-c": "^1", "left-a": "^1", "right-a": "^1", "right-b": "^1"},
    },
    "/app/node_modules/.package-lock.json": {},
    "/app/node_modules/left-a/package.json": {
        "name": "left-a",
        "version": "1.0.0",
        "dependencies": {"shared": "^2", "left-b": "^1"},
    },
    "/app/node_modules/left-b/package.json": pkg("left-b", "1.0.0", shared="^2"),
    "/app/node_modules/shared/package.json": pkg("shared", "2.0.0"),
    **{f"/app/node_modules/right-{x}/package.json": pkg(f"right-{x}", "1.0.0", shared="^1") for x in ("a", "b", "c")},
    **{
        f"/app/node_modules/right-{x}/node_modules/shared/package.json": pkg("shared", "1.0.0") for x in ("a", "b", "c")
    },
}


def test_pnpm_hoisted_plan_gives_the_top_slot_to_the_version_most_depend_on() -> None:
    """Real pnpm 10.34.8 (node-linker=hoisted) on this graph: shared@1 (three dependents) at the
    top, shared@2 copied under each of its two dependents; npm put shared@2 at the top."""
    from nmdoctor.linkers.pnpm_hoisted import plan_pnpm_hoisted

    plan = plan_pnpm_hoisted(logical_graph(read_installed_tree(MemoryFS.from_mapping(CONTESTED_TREE), "/app")))
    assert sorted(plan.binds) == [
        "/app/node_modules/left-a",
        "/app/node_modules/left-a/node_modules/shared",
        "/app/node_modules/left-b",
        "/app/node_modules/left-b/node_modules/shared",
        "/app/node_modules/right-a",
        "/app/node_modules/right-b",
        "/app/node_modules/right-c",
        "/app/node_modules/shared",
    ]
    assert plan.fs.read_bytes("/app/node_modules/.modules.yaml") == b"nodeLinker: hoisted\n"


def test_npm_linked_store_folders_are_named_as_npm_names_them() -> None:
    """Folder names from real npm 11.19 (--install-strategy=linked) installing the phantom project
    from a registry at http://127.0.0.1:45003/ (the hash covers each package's tarball URL)."""
    from nmdoctor.linkers.npm_linked import plan_npm_linked, store_keys

    phantom = {
        **NPM_TREE,
        "/app/node_modules/a/package.json": pkg("a", "1.0.0", c="^1", d="^1"),
        "/app/node_modules/d/package.json": pkg("d", "1.0.0"),
    }
    logical = logical_graph(read_installed_tree(MemoryFS.from_mapping(phantom), "/app"))
    keys = store_keys(logical, "http://127.0.0.1:45003/")
    assert keys == {
        "a@1.0.0": ["a@1.0.0-6Vy7lWr_mGj1YP0K7m8qkg"],
        "b@1.0.0": ["b@1.0.0-rnbF61oJaWksJzzMIAZEww"],
        "c@1.0.0": ["c@1.0.0-27k4QD_ghR3yfUMVhlSPcg"],
        "c@2.0.0": ["c@2.0.0-jmTju4Yjfpkj2jFfilX57g"],
        "d@1.0.0": ["d@1.0.0-WDaZdiPJ1dSVqTdp6riDrA"],
    }
    plan = plan_npm_linked(logical, "http://127.0.0.1:45003/")
    assert plan.fs.readlink("/app/node_modules/b") == ".store/b@1.0.0-rnbF61oJaWksJzzMIAZEww/node_modules/b"
    assert (
        plan.fs.readlink("/app/node_modules/.store/b@1.0.0-rnbF61oJaWksJzzMIAZEww/node_modules/c")
        == "../../c@2.0.0-jmTju4Yjfpkj2jFfilX57g/node_modules/c"
    )


def test_new_targets_on_the_command_line() -> None:
    code, document = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "npm-linked")
    assert code == 1 and document["summary"]["target"] == "npm-linked"
    code, document = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm-hoisted")
    assert document["summary"]["target"] == "pnpm-hoisted"


# The contested project of tests/installs/scenarios.py (PLANNER_PROJECTS["contested"]) as npm 11
# installed it; BERRY_FOLDERS is where yarn 4.18.1 (nodeLinker: node-modules) put each package.
CONTESTED_NPM_TREE = {
    "/app/package.json": pkg(
        "fight", "1.0.0", **dict.fromkeys(("tool-a", "tool-b", "tool-c", "tool-d", "host", "plug", "wrap"), "^1")
    ),
    "/app/node_modules/.package-lock.json": {},
    "/app/node_modules/host/package.json": pkg("host", "1.0.0"),
    "/app/node_modules/plug/package.json": {**pkg("plug", "1.0.0", util="^1"), "peerDependencies": {"host": "*"}},
    "/app/node_modules/tool-a/package.json": pkg("tool-a", "1.0.0", util="^1"),
    "/app/node_modules/tool-b/package.json": pkg("tool-b", "1.0.0", util="^2"),
    "/app/node_modules/tool-b/node_modules/util/package.json": pkg("util", "2.0.0"),
    "/app/node_modules/tool-c/package.json": pkg("tool-c", "1.0.0", util="^2"),
    "/app/node_modules/tool-c/node_modules/util/package.json": pkg("util", "2.0.0"),
    "/app/node_modules/tool-d/package.json": pkg("tool-d", "1.0.0", util="^2", **{"tool-a": "^1"}),
    "/app/node_modules/tool-d/node_modules/util/package.json": pkg("util", "2.0.0"),
    "/app/node_modules/util/package.json": pkg("util", "1.0.0"),
    "/app/node_modules/wrap/package.json": pkg("wrap", "1.0.0", host="^2", plug="^1"),
    "/app/node_modules/wrap/node_modules/host/package.json": pkg("host", "2.0.0"),
}
BERRY_FOLDERS = {
    "node_modules/host": "host@1.0.0",
    "node_modules/plug": "plug@1.0.0",
    "node_modules/plug/node_modules/util": "util@1.0.0",
    "node_modules/tool-a": "tool-a@1.0.0",
    "node_modules/tool-a/node_modules/util": "util@1.0.0",
    "node_modules/tool-b": "tool-b@1.0.0",
    "node_modules/tool-c": "tool-c@1.0.0",
    "node_modules/tool-d": "tool-d@1.0.0",
    "node_modules/util": "util@2.0.0",
    "node_modules/wrap": "wrap@1.0.0",
    "node_modules/wrap/node_modules/host": "host@2.0.0",
    "node_modules/wrap/node_modules/plug": "plug@1.0.0",
    "node_modules/wrap/node_modules/util": "util@1.0.0",
}


def test_yarn_berry_plan_hoists_the_popular_version_and_keeps_peers_with_their_parent() -> None:
    fs = MemoryFS.from_mapping(CONTESTED_NPM_TREE)
    graph = read_installed_tree(fs, "/app")
    plan = plan_yarn_berry(logical_graph(graph))
    folders = {folder.removeprefix("/app/"): key for folder, key in _bound_keys(plan).items()}
    assert folders == BERRY_FOLDERS
    assert plan.fs.lstat("/app/node_modules/.yarn-state.yml") is not None
    planned = read_installed_tree(OverlayFS(plan.fs, fs, ["/app/node_modules"], plan.binds), "/app")
    assert planned.layout == "yarn-berry-nm"
    # under berry, plug under wrap sees wrap's host 2 as its peer; npm's single plug sees host 1
    peers = {
        edge.target.label
        for edge in planned.edges
        if edge.name == "host" and edge.source.name == "plug" and edge.target
    }
    assert peers == {"host@1.0.0", "host@2.0.0"}


def _bound_keys(plan: Plan) -> dict[str, str]:
    keys = {}
    for folder in plan.binds:
        manifest = json.loads(plan.fs.read_bytes(folder + "/package.json"))
        keys[folder] = f"{manifest['name']}@{manifest['version']}"
    return keys


def test_migrate_to_yarn_berry_and_its_hoisting_limits() -> None:
    code, document = run("migrate", str(EXAMPLES / "npm-phantom"), "--to", "yarn-berry")
    assert document["summary"]["target"] == "yarn-berry-nm"
    assert code in (0, 1)
    limited = CliRunner(mix_stderr=False).invoke(
        main, ["migrate", str(EXAMPLES / "npm-phantom"), "--to", "yarn-berry", "--nm-hoisting-limits", "dependencies"]
    )
    assert limited.exit_code in (0, 1), limited.stderr
    wrong = CliRunner(mix_stderr=False).invoke(
        main, ["migrate", str(EXAMPLES / "npm-phantom"), "--to", "pnpm", "--nm-hoisting-limits", "workspaces"]
    )
    assert wrong.exit_code == 2
    assert "--nm-hoisting-limits" in wrong.stderr


def test_a_break_keeps_the_severity_check_gives_it_under_the_planned_layout(tmp_path: Path) -> None:
    """Under pnpm, a postcss plugin only node_modules/.pnpm/node_modules holds is found through the
    NODE_PATH of pnpm's shims (a warning, as check says of such a tree), and a require inside a
    try block is a feature probe (a note): neither is an error of the migration."""
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"postcss": "^8", "kit": "^1"}},
        "node_modules/postcss/package.json": {"name": "postcss", "version": "8.4.0"},
        "node_modules/kit/package.json": pkg("kit", "1.0.0", autoprefixer="^10"),
        "node_modules/autoprefixer/package.json": {"name": "autoprefixer", "version": "10.0.0"},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    (tmp_path / "postcss.config.js").write_text("module.exports = { plugins: { autoprefixer: {} } };\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src/probe.js").write_text("try { require('autoprefixer'); } catch (error) {}\n")
    code, document = run("migrate", str(tmp_path), "--to", "pnpm")
    found = {(item["code"], item["from"], item["severity"]) for item in document["findings"]}
    assert found == {
        ("string-module-reference", "postcss.config.js", "warning"),
        ("unresolvable-import", "src/probe.js", "info"),
    }
    assert code == 0


def test_an_installed_package_probing_in_a_try_block_is_a_note_of_the_migration(tmp_path: Path) -> None:
    """postcss-loader's tree under yarn 4.18.1 (node-modules): typescript, today only a peer npm
    installed, is gone; eslint-plugin-import and eslint-plugin-n require it inside try blocks and
    lint on without it. Such a require is a note, as check says of it today; an unguarded one in the
    same file stays an error. Node on the planned nested layout (--materialize): without the
    unguarded line the file loads; with it, Cannot find module 'loose'."""
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"plugin": "^1", "kit": "^1"}},
        "node_modules/.package-lock.json": {},
        "node_modules/kit/package.json": pkg("kit", "1.0.0", typescript="^5", loose="^1"),
        "node_modules/typescript/package.json": {"name": "typescript", "version": "5.8.3", "main": "index.js"},
        "node_modules/loose/package.json": {"name": "loose", "version": "1.0.0", "main": "index.js"},
        "node_modules/plugin/package.json": {"name": "plugin", "version": "1.0.0", "main": "index.js"},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    for name in ("typescript", "loose"):
        (tmp_path / f"node_modules/{name}/index.js").write_text("module.exports = 1;\n")
    (tmp_path / "node_modules/plugin/index.js").write_text(
        "let ts = null;\ntry {\n  if (!ts) { ts = require('typescript'); }\n} catch (error) {}\n"
        "module.exports = [ts, require('loose')];\n"
    )
    code, document = run("migrate", str(tmp_path), "--to", "nested")
    found = {(item["code"], item["request"], item["from"], item["severity"]) for item in document["findings"]}
    assert found == {
        ("phantom-dependency", "typescript", "node_modules/plugin/index.js", "info"),
        ("phantom-dependency", "loose", "node_modules/plugin/index.js", "error"),
    }
    assert code == 1


def _lockfile_only_project(root: Path, *, declared: bool) -> None:
    """electron-react-boilerplate's shape, nothing installed: a TypeScript webpack config in a folder
    of its own, named by the scripts' --config; css-loader declared, or only a dependency of a tool."""
    dev = {"webpack": "^5", "builder": "^1", **({"css-loader": "^7"} if declared else {})}
    manifest = {
        "name": "app",
        "version": "1.0.0",
        "scripts": {"build": "webpack --config ./.erb/configs/webpack.config.renderer.prod.ts"},
        "devDependencies": dev,
    }
    packages: dict[str, object] = {
        "": {"name": "app", "version": "1.0.0", "devDependencies": dev},
        "node_modules/webpack": {"version": "5.98.0", "dev": True},
        "node_modules/builder": {"version": "1.0.0", "dev": True, "dependencies": {"css-loader": "^7"}},
        "node_modules/css-loader": {"version": "7.1.2", "dev": True},
    }
    lock = {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}
    (root / "package.json").write_text(json.dumps(manifest))
    (root / "package-lock.json").write_text(json.dumps(lock))
    (root / ".erb/configs").mkdir(parents=True)
    (root / ".erb/configs/webpack.config.base.ts").write_text(
        "export default { module: { rules: [{ test: /\\.css$/, use: ['css-loader'] }] } };\n"
    )
    (root / ".erb/configs/webpack.config.renderer.prod.ts").write_text(
        "import baseConfig from './webpack.config.base';\nexport default baseConfig;\n"
    )
    (root / "src").mkdir()
    (root / "src/app.css").write_text("a {}\n")


def test_a_loader_the_lockfile_places_is_found_in_the_planned_layout(tmp_path: Path) -> None:
    """From the lockfile alone the planned folders hold only the recorded manifests: a declared loader
    is found where the layout puts it; an undeclared one is not, under pnpm (it is hoisted today)."""
    declared, undeclared = tmp_path / "declared", tmp_path / "undeclared"
    for root, flag in ((declared, True), (undeclared, False)):
        root.mkdir()
        _lockfile_only_project(root, declared=flag)
    code, document = run("migrate", str(declared), "--lockfile", "--to", "pnpm")
    assert (code, document["findings"]) == (0, [])
    code, document = run("migrate", str(undeclared), "--lockfile", "--to", "pnpm")
    found = [(item["code"], item["request"], item["from"], item["severity"]) for item in document["findings"]]
    assert found == [("string-module-reference", "css-loader", ".erb/configs/webpack.config.base.ts", "error")]
    assert code == 1


def test_a_peer_the_plan_leaves_unresolved_is_a_warning_also_when_the_lockfile_lists_it_as_a_dependency() -> None:
    """pnpm-lock.yaml lists the peers pnpm resolved among a package's dependencies (umi's
    @emotion/react and its optional peer @types/react): the plan, which does not always follow
    which parent provides a peer, losing it is an unmet peer (a warning), not a missing dependency."""
    from nmdoctor.migrate.engine import _edge_findings
    from nmdoctor.project.session import lockfile_model

    lock = (
        "lockfileVersion: '9.0'\n"
        "importers:\n  .:\n    dependencies:\n"
        "      a: {specifier: ^1, version: 1.0.0(react@18.3.1)}\n      react: {specifier: ^18, version: 18.3.1}\n"
        "packages:\n  a@1.0.0:\n    resolution: {integrity: sha512-a}\n    peerDependencies: {react: '*'}\n"
        "  react@18.3.1:\n    resolution: {integrity: sha512-r}\n"
        "snapshots:\n  a@1.0.0(react@18.3.1):\n    dependencies: {react: 18.3.1}\n  react@18.3.1: {}\n"
    )
    fs = MemoryFS.from_mapping(
        {"/app/package.json": pkg("app", "1.0.0", a="^1", react="^18"), "/app/pnpm-lock.yaml": lock}
    )
    _lock, current = lockfile_model(fs, "/app")
    # the lockfile's model keeps a resolved peer a peer (the package's peerDependencies name it)
    assert any(edge.name == "react" and edge.source.name == "a" and edge.kind.value == "peer" for edge in current.edges)
    planned = {
        "/app/package.json": pkg("app", "1.0.0", a="^1"),
        "/app/node_modules/a/package.json": {"name": "a", "version": "1.0.0", "peerDependencies": {"react": "*"}},
    }
    after = read_installed_tree(MemoryFS.from_mapping(planned), "/app")
    findings, _count = _edge_findings(current, after, "pnpm-isolated")
    assert [(item.code, item.request, item.severity.value) for item in findings if item.package.name == "a"] == [
        ("unmet-peer-dependency", "react", "warning")
    ]


def test_an_unprovided_peer_of_an_installed_package_is_declared_by_the_project(tmp_path: Path) -> None:
    """npm installs a peer nothing else depends on (postcss-loader's typescript, asked by ts-jest and
    cosmiconfig; sass-loader's jquery, asked by bootstrap); yarn 4.18.1 (node-modules) does not. The
    fix was to declare it in the dependencies of the package asking for it, whose manifest the next
    install rewrites. Declaring it in the project's package.json (real yarn 4.18.1 on postcss-loader:
    typescript ^5.8.3 in its devDependencies) gives ts-jest, cosmiconfig and the copy of cosmiconfig
    nested under @commitlint/load typescript 5.9.3; dependencies where a production dependency asks."""
    files = {
        "package.json": {
            "name": "app",
            "version": "1.0.0",
            "dependencies": {"ui": "^1"},
            "devDependencies": {"ts-jest": "^29"},
        },
        "node_modules/.package-lock.json": {},
        "node_modules/ui/package.json": {"name": "ui", "version": "1.0.0", "peerDependencies": {"react": "*"}},
        "node_modules/react/package.json": {"name": "react", "version": "18.3.1"},
        "node_modules/ts-jest/package.json": {
            "name": "ts-jest",
            "version": "29.4.0",
            "peerDependencies": {"typescript": ">=4.3"},
        },
        "node_modules/typescript/package.json": {"name": "typescript", "version": "5.8.3"},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    _code, document = run("migrate", str(tmp_path), "--to", "yarn-berry")
    fixes = {item["request"]: item["fix"] for item in document["findings"] if item["code"] == "unmet-peer-dependency"}
    assert fixes == {
        "react": 'add "react": "^18.3.1" to dependencies in package.json, where `ui@1.0.0` finds it',
        "typescript": 'add "typescript": "^5.8.3" to devDependencies in package.json, where `ts-jest@29.4.0` finds it',
    }


def test_an_optional_peer_the_target_leaves_out_is_an_unmet_peer_not_a_phantom(tmp_path: Path) -> None:
    """kcd-scripts --to yarn-berry: @typescript-eslint/parser requires typescript, which its
    peerDependenciesMeta declares an optional peer; npm installed typescript (another package's peer),
    yarn 4.18.1 does not. That was four `phantom-dependency` errors ("requires without declaring");
    real ESLint 8.57.1 on that yarn install lints the project's .js files and fails only on a .ts
    file: an unmet peer (a warning) whose fix, followed (typescript ^4.9.5 in the project's
    dependencies, yarn install), loads the parser on the .ts file as npm's install does."""
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"parser": "^5", "config": "^1"}},
        "node_modules/.package-lock.json": {},
        "node_modules/parser/package.json": {
            "name": "parser",
            "version": "5.62.0",
            "main": "index.js",
            "peerDependenciesMeta": {"typescript": {"optional": True}},
        },
        "node_modules/config/package.json": {
            "name": "config",
            "version": "1.0.0",
            "peerDependencies": {"typescript": "*"},
        },
        "node_modules/typescript/package.json": {"name": "typescript", "version": "4.9.5", "main": "index.js"},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    (tmp_path / "node_modules/typescript/index.js").write_text("module.exports = {};\n")
    (tmp_path / "node_modules/parser/index.js").write_text("const ts = require('typescript');\nmodule.exports = ts;\n")
    code, document = run("migrate", str(tmp_path), "--to", "yarn-berry")
    found = {(item["code"], item["from"], item["severity"], item["fix"]) for item in document["findings"]}
    assert found == {
        (
            "unmet-peer-dependency",
            "node_modules/parser/index.js",
            "warning",
            'add "typescript": "^4.9.5" to dependencies in package.json, where `parser@5.62.0` finds it',
        ),
        (
            "unmet-peer-dependency",
            "node_modules/config",
            "warning",
            'add "typescript": "^4.9.5" to dependencies in package.json, where `config@1.0.0` finds it',
        ),
    }
    assert code == 0


def test_pnpm_import_keeps_a_package_s_bundled_dependencies(tmp_path: Path) -> None:
    """``pnpm import`` moves a range to the highest version the lockfile holds (other's lib 7.0.4 ->
    7.0.5), but not a bundled dependency, which comes in its dependent's tarball: real pnpm 10.34.8 on
    react-dropzone's package-lock.json keeps npm@11.18.0's bundled p-map 7.0.4 beside p-map 7.0.5."""
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"tool": "^1", "other": "^1", "lib": "^7"}},
        "package-lock.json": {"lockfileVersion": 3},
        "node_modules/.package-lock.json": {},
        "node_modules/lib/package.json": {"name": "lib", "version": "7.0.5"},
        "node_modules/tool/package.json": {
            **pkg("tool", "1.0.0", lib="^7.0.4"),
            "bundleDependencies": ["lib"],
        },
        "node_modules/tool/node_modules/lib/package.json": {"name": "lib", "version": "7.0.4"},
        "node_modules/other/package.json": pkg("other", "1.0.0", lib="^7.0.4"),
        "node_modules/other/node_modules/lib/package.json": {"name": "lib", "version": "7.0.4"},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    _code, document = run("migrate", str(tmp_path), "--to", "pnpm")
    changed = [(item["from"], item["request"]) for item in document["findings"] if item["code"] == "resolution-changed"]
    assert changed == [("node_modules/other", "lib")]


def test_a_workspace_import_that_breaks_is_reported_once(tmp_path: Path) -> None:
    """insomnia-inso's `import ... from 'insomnia/src/common/constants'` (a sibling workspace it does
    not declare, linked at the root by npm): one unresolvable-import under pnpm, not also a
    phantom-dependency of the workspace as if it were an installed package (84 doubles on insomnia)."""
    files: dict[str, object] = {
        "package.json": {"name": "mono", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]},
        "packages/core/package.json": {"name": "core", "version": "1.0.0"},
        "packages/core/index.js": "module.exports = 1;\n",
        "packages/cli/package.json": {"name": "cli", "version": "1.0.0"},
        "pnpm-workspace.yaml": "packages:\n  - packages/*\n",  # the workspaces, where pnpm reads them
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value) if isinstance(value, dict) else str(value))
    (tmp_path / "packages/cli/index.js").write_text("require('core');\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules/core").symlink_to("../packages/core")
    (tmp_path / "node_modules/cli").symlink_to("../packages/cli")
    code, document = run("migrate", str(tmp_path), "--to", "pnpm")
    found = [(item["code"], item["from"], item["severity"]) for item in document["findings"]]
    assert found == [("unresolvable-import", "packages/cli/index.js", "error")]
    assert code == 1


def _linked_router_app(root: Path, config: tuple[str, str]) -> None:
    """An npm tree: the app declares router-dom, which depends on router (hoisted today)."""
    files = {
        "package.json": pkg("app", "1.0.0", **{"router-dom": "^5"}),
        "node_modules/.package-lock.json": {},
        "node_modules/router-dom/package.json": pkg("router-dom", "5.3.4", router="^5"),
        "node_modules/router/package.json": pkg("router", "5.3.4"),
    }
    for path, value in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(json.dumps(value))
    (root / "node_modules/router-dom/index.js").write_text("module.exports = require('router');\n")
    (root / "node_modules/router/index.js").write_text("module.exports = {};\n")
    (root / config[0]).write_text(config[1])


def test_webpack_told_not_to_follow_links_breaks_under_pnpm(tmp_path: Path) -> None:
    """pterodactyl's panel: resolve.symlinks: false, and under pnpm every package's undeclared
    dependency is out of webpack's reach (tests/differential checks it with the real enhanced-resolve).
    Nothing under npm's hoisted layout, nor with symlinks left on; vue-cli's chainWebpack form too."""
    off = "module.exports = { entry: './src', resolve: { extensions: ['.js'], symlinks: false } };\n"
    cases = {
        "off": ("webpack.config.js", off),
        "on": ("webpack.config.js", off.replace("symlinks: false", "symlinks: true")),
        "chain": ("vue.config.js", "module.exports = { chainWebpack(config) { config.resolve.symlinks(false) } };\n"),
        "loader": ("webpack.config.js", "module.exports = { resolveLoader: { symlinks: false } };\n"),
    }
    found = {}
    for name, config in cases.items():
        (tmp_path / name).mkdir()
        _linked_router_app(tmp_path / name, config)
        code, document = run("migrate", str(tmp_path / name), "--to", "pnpm")
        found[name] = [
            (item["code"], item["from"], item["line"], item["severity"])
            for item in document["findings"]  # type: ignore[union-attr]
            if item["code"] == "webpack-symlinks-off"
        ]
        if name == "off":
            assert code == 1
            [item] = [item for item in document["findings"] if item["code"] == "webpack-symlinks-off"]  # type: ignore[union-attr]
            assert "`router-dom` depends on `router`" in item["message"]
            assert item["fix"].startswith("remove `symlinks: false` from resolve")
            assert run("migrate", str(tmp_path / name), "--to", "npm")[1]["findings"] == []
    assert found == {
        "off": [("webpack-symlinks-off", "webpack.config.js", 1, "error")],
        "on": [],
        "chain": [("webpack-symlinks-off", "vue.config.js", 1, "error")],
        "loader": [],
    }


def test_yarn_pnp_keeps_what_runs_apart_from_probes_and_type_imports(tmp_path: Path) -> None:
    """Under yarn's PnP (yarn 4.18.1 on such a tree: resolveRequest throws for each undeclared name),
    only what runs fails: a require in an installed package's try block is a feature probe (debug's
    supports-color: a note), a TypeScript import used only as types is dropped before anything runs
    and a declaration file never runs (a type check no longer finds them: warnings); an undeclared
    value import of the project and an unguarded require of a package stay errors."""
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"kit": "^1", "debug": "^4"}},
        "yarn.lock": {},
        "node_modules/.yarn-integrity": {},
        "node_modules/kit/package.json": pkg("kit", "1.0.0", shared="^1"),
        "node_modules/shared/package.json": {"name": "shared", "version": "1.0.0", "main": "index.js"},
        "node_modules/supports-color/package.json": {"name": "supports-color", "version": "7.0.0"},
        "node_modules/debug/package.json": {"name": "debug", "version": "4.1.1", "main": "index.js"},
        "node_modules/loose/package.json": {"name": "loose", "version": "1.0.0", "main": "index.js"},
        "node_modules/kit/node_modules/.keep": {},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    (tmp_path / "node_modules/shared/index.js").write_text("module.exports = 1;\n")
    (tmp_path / "node_modules/supports-color/index.js").write_text("module.exports = {};\n")
    (tmp_path / "node_modules/debug/index.js").write_text(
        "try {\n  const supportsColor = require('supports-color');\n} catch (error) {}\nrequire('loose');\n"
    )
    (tmp_path / "node_modules/loose/index.js").write_text("module.exports = 2;\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src/types.ts").write_text("import { Shape } from 'shared';\nexport const x: Shape = 1;\n")
    (tmp_path / "src/decl.d.ts").write_text("import { Shape } from 'shared';\nexport type T = Shape;\n")
    (tmp_path / "src/main.ts").write_text("import { value } from 'shared';\nconsole.log(value);\n")
    code, document = run("migrate", str(tmp_path), "--to", "yarn-pnp")
    found = {(item["request"], item["from"], item["severity"]) for item in document["findings"]}
    assert found == {
        ("shared", "src/main.ts", "error"),
        ("shared", "src/types.ts", "warning"),
        ("shared", "src/decl.d.ts", "warning"),
        ("supports-color", "node_modules/debug/index.js", "info"),
        ("loose", "node_modules/debug/index.js", "error"),
    }
    assert code == 1


def test_a_fixture_that_tests_read_as_text_breaks_nothing_under_pnp(tmp_path: Path) -> None:
    """A codemod's ``__testfixtures__/*.output.js`` importing a hoisted name is read as text by its
    test (jscodeshift's defineTest), never loaded: no error under Plug'n'Play, while the same import
    in code that runs is one."""
    files = {
        "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"kit": "^1"}},
        "yarn.lock": {},
        "node_modules/.yarn-integrity": {},
        "node_modules/kit/package.json": pkg("kit", "1.0.0", shared="^1"),
        "node_modules/shared/package.json": {"name": "shared", "version": "1.0.0", "main": "index.js"},
    }
    for path, value in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(json.dumps(value))
    (tmp_path / "node_modules/shared/index.js").write_text("module.exports = 1;\n")
    (tmp_path / "transforms/__testfixtures__").mkdir(parents=True)
    (tmp_path / "transforms/__testfixtures__/rename.output.js").write_text("import x from 'shared';\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src/main.js").write_text("const { value } = require('shared');\nconsole.log(value);\n")
    code, document = run("migrate", str(tmp_path), "--to", "yarn-pnp")
    found = {(item["request"], item["from"], item["severity"]) for item in document["findings"]}
    assert ("shared", "src/main.js", "error") in found
    assert not any(item[1].startswith("transforms/") for item in found)
    assert code == 1


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        # keys pnpm 10.34.8 reads (no ERR_PNPM_INVALID_SELECTOR on `pnpm install --lockfile-only`)
        ("lint", None),
        ("@s/lint", None),
        ("tool>lint", None),
        ("@s/tool>lint", None),
        # yarn path keys pnpm 10.34.8 refuses, and the key each fix offers
        ("**/lint", ("lint", True)),
        ("tool/lint", ("tool>lint", True)),
        ("@s/tool/lint", ("@s/tool>lint", True)),
        ("tool/@s/lint", ("tool>@s/lint", True)),
        ("tool/**/lint", ("tool>lint", False)),
        ("a/b/lint", ("b>lint", False)),
        # not a path of package names: no fix to offer, nothing reported
        ("/", None),
        ("a//b", None),
        ("x/", None),
        ("a/**", None),
    ],
)
def test_yarn_resolution_selectors_pnpm_refuses(selector: str, expected: tuple[str, bool] | None) -> None:
    names = _names(selector)
    assert (None if names is None else _pnpm_selector(names)) == expected


@pytest.mark.parametrize(
    ("manager", "severity"),
    [
        (None, "warning"),
        ("pnpm@10.34.8", "error"),
        ("pnpm@11.29.0", "warning"),
        ({"name": "pnpm", "version": "10.34.8"}, "error"),  # devEngines.packageManager alone
    ],
)
def test_a_yarn_path_resolution_is_an_error_only_where_pnpm_10_is_pinned(
    tmp_path: Path, manager: str | dict[str, str] | None, severity: str
) -> None:
    """pnpm 10.34.8 stops at `**/a` (ERR_PNPM_INVALID_SELECTOR); pnpm 11.29.0 and 12.26.0 ignore
    package.json's resolutions: which one a switch gets is known only from `packageManager`."""
    manifest: dict[str, object] = {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}
    manifest["resolutions"] = {"**/a": "1.0.0"}
    if isinstance(manager, dict):
        manifest["devEngines"] = {"packageManager": manager}
    elif manager:
        manifest["packageManager"] = manager
    (tmp_path / "package.json").write_text(json.dumps(manifest, indent=2))
    (tmp_path / "yarn.lock").write_text(
        '# yarn lockfile v1\n\n\na@1.0.0:\n  version "1.0.0"\n'
        '  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#0000000000000000000000000000000000000000"\n'
    )
    _code, document = run("migrate", str(tmp_path), "--lockfile", "--to", "pnpm")
    [found] = [item for item in document["findings"] if item["code"] == "unsupported-override-selector"]
    assert (found["severity"], found["line"]) == (severity, 8)
    assert found["fix"] == (
        'remove "**/a" from "resolutions" in package.json and add `"a": "1.0.0"` under `overrides:` in '
        "pnpm-workspace.yaml (the same packages)"
    )


def test_the_clean_line_counts_one_edge_in_the_singular(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}')
    (tmp_path / "yarn.lock").write_text(
        '# yarn lockfile v1\n\n\na@1.0.0:\n  version "1.0.0"\n'
        '  resolved "https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#0000000000000000000000000000000000000000"\n'
    )
    result = CliRunner().invoke(main, ["migrate", str(tmp_path), "--lockfile", "--to", "pnpm", "--node-version", "22"])
    assert result.output.startswith("ok: nothing breaks under pnpm-isolated (1 dependency edge compared)\n")


def test_npm_hoisted_plan_ends_on_a_cycle_of_versions_of_one_name() -> None:
    """libsql 0.3.18 depends on libsql 0.3.19, which depends on libsql 0.3.18 (next-auth's
    pnpm-lock.yaml): each nests under the other forever unless the cycle is cut (arborist links the
    shallower copy). The npm and nested plans end, with each version placed once."""
    from nmdoctor.linkers.logical import LogicalGraph, LogicalPackage
    from nmdoctor.linkers.nested import plan_nested
    from nmdoctor.linkers.npm_hoisted import plan_npm_hoisted
    from nmdoctor.model.graph import Instance
    from nmdoctor.model.manifest import manifest_from_json

    def package(key: str, importer: str | None = None, **dependencies: str) -> LogicalPackage:
        name, _, version = key.rpartition("@") if importer is None else ("app", "", "1.0.0")
        source = Instance(name, version, f"/app/{key}", manifest_from_json({"name": name, "version": version}))
        return LogicalPackage(key, name, version, source, importer, dependencies=dependencies)

    graph = LogicalGraph(
        "/app",
        {
            ".": package(".", ".", libsql="libsql@0.3.18"),
            "libsql@0.3.18": package("libsql@0.3.18", libsql="libsql@0.3.19"),
            "libsql@0.3.19": package("libsql@0.3.19", libsql="libsql@0.3.18"),
        },
    )
    expected = ["/app/node_modules/libsql", "/app/node_modules/libsql/node_modules/libsql"]
    assert sorted(plan_npm_hoisted(graph).binds) == expected
    assert sorted(plan_nested(graph).binds) == expected
