"""string-module-reference and a webpack config's own ``resolveLoader``: folders of local loaders
and aliases find loaders no node_modules holds; settings computed at run time leave it undecided."""

from __future__ import annotations

from pathlib import Path

import pytest

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.resolve.webpack.resolver import BundlerResolver
from nmdoctor.sources.loader_options import loader_options
from nmdoctor.vfs import DiskFS, MemoryFS, symlink
from tests.differential.test_bundler_vs_enhanced_resolve import needs_tools, run_enhanced_resolve

LOADER = "module.exports = function (source) { return 'module.exports = ' + JSON.stringify(source); };"
RULES = "module: {rules: [{test: /\\.txt$/, use: 'text-loader'}, {test: /\\.md$/, use: [{loader: 'md-loader'}]}]}"


def _project(config: str, extra: dict[str, object] | None = None) -> dict[str, object]:
    return {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"webpack": "^5"}},
        "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
        "/app/webpack.config.js": config,
        "/app/loaders/text-loader.js": LOADER,
        "/app/loaders/md.js": LOADER,
        "/app/src/a.txt": "a",
        "/app/src/b.md": "b",
        **(extra or {}),
    }


def _found(tree: dict[str, object]) -> list[tuple[str | None, str]]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    return [(item.request, item.severity.value) for item in found]


@pytest.mark.parametrize(
    "settings",
    [
        "resolveLoader: {modules: ['node_modules', path.resolve(__dirname, 'loaders')], "
        "alias: {'md-loader': path.resolve(__dirname, 'loaders/md.js')}}",
        "resolveLoader: {modules: ['node_modules', LOADERS], alias: {'md-loader': path.join(LOADERS, 'md')}}",
        "resolveLoader: {modules: [__dirname + '/loaders', 'node_modules'], alias: {'md-loader': './loaders/md.js'}}",
        "resolveLoader",  # a shorthand property bound to a constant of the file
    ],
)
def test_loaders_a_config_adds_are_found(settings: str) -> None:
    config = (
        "const path = require('path');\n"
        "const LOADERS = path.join(__dirname, 'loaders');\n"
        "const resolveLoader = {modules: ['node_modules', LOADERS], alias: {'md-loader': LOADERS + '/md.js'}};\n"
        f"module.exports = {{{RULES}, {settings}}};\n"
    )
    assert _found(_project(config)) == []


def test_a_loader_in_no_folder_the_config_adds_is_still_an_error() -> None:
    config = (
        "const path = require('path');\n"
        f"module.exports = {{{RULES}, resolveLoader: {{modules: ['node_modules', path.resolve(__dirname, 'lib')]}}}};\n"
    )
    assert _found(_project(config)) == [("text-loader", "error"), ("md-loader", "error")]


def test_settings_known_only_at_run_time_leave_the_loader_undecided() -> None:
    config = (
        "const extra = require('./folders');\n"
        f"module.exports = {{{RULES}, resolveLoader: {{modules: ['node_modules', ...extra]}}}};\n"
    )
    fs = MemoryFS.from_mapping(_project(config))
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert [(item.request, item.severity.value) for item in found] == [("text-loader", "info"), ("md-loader", "info")]
    assert "webpack.config.js:2 sets webpack's resolveLoader with values only known when the config runs" in (
        found[0].message
    )
    assert found[0].fix is not None and found[0].fix.startswith("if no folder or alias of that resolveLoader holds")


def test_the_settings_of_a_merged_config_apply_to_the_others() -> None:
    # webpack-merge: webpack.common.js sets resolveLoader, webpack.dev.js names the loaders
    tree = _project(
        "const path = require('path');\n"
        "module.exports = {resolveLoader: {modules: ['node_modules', path.resolve(__dirname, 'loaders')], "
        "alias: {'md-loader': path.resolve(__dirname, 'loaders/md.js')}}};\n",
        {"/app/webpack.dev.js": f"const {{merge}} = require('webpack-merge');\nmodule.exports = {{{RULES}}};\n"},
    )
    tree["/app/webpack.common.js"] = tree.pop("/app/webpack.config.js")
    assert _found(tree) == []


def test_a_wrapper_config_alias_finds_its_loader() -> None:
    wrapper = "/app/node_modules/builder"
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"builder": "1.0.0"}},
        f"{wrapper}/package.json": {"name": "builder", "version": "1.0.0", "dependencies": {"webpack": "^5"}},
        f"{wrapper}/webpack.config.js": (
            "module.exports = {module: {rules: [{test: /\\.css$/, use: 'own-css-loader'}]}, "
            "resolveLoader: {alias: {'own-css-loader': require('path').join(__dirname, 'loaders', 'css.js')}}};"
        ),
        f"{wrapper}/loaders/css.js": LOADER,
        "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
    }
    assert _found(tree) == []


@needs_tools
def test_the_settings_read_resolve_as_the_real_enhanced_resolve_does(tmp_path: Path) -> None:
    """The options read from a config, given to the real enhanced-resolve and to ours: the same answers."""
    root = tmp_path / "app"
    (root / "loaders" / "nested").mkdir(parents=True)
    (root / "node_modules" / "css-loader").mkdir(parents=True)
    (root / "node_modules" / "css-loader" / "package.json").write_text('{"name": "css-loader", "main": "x.js"}')
    (root / "node_modules" / "css-loader" / "x.js").write_text(LOADER)
    (root / "loaders" / "text-loader.js").write_text(LOADER)
    (root / "loaders" / "nested" / "index.js").write_text(LOADER)
    (root / "loaders" / "md.js").write_text(LOADER)
    config = (
        "const path = require('path');\n"
        "const HERE = __dirname;\n"
        "module.exports = {resolveLoader: {modules: [path.join(HERE, 'loaders'), 'node_modules'], "
        "alias: {'md-loader': path.resolve(HERE, 'loaders', 'md'), nest$: './loaders/nested'}, "
        "extensions: ['.js', '.cjs']}};\n"
    )
    settings = loader_options(config.encode(), f"{root}/webpack.config.js", str(root))
    assert settings is not None and settings.complete
    options = settings.bundler_options()
    requests = ["text-loader", "md-loader", "css-loader", "nested", "nest", "absent-loader", "md-loader/x"]
    theirs = run_enhanced_resolve(
        {"loader": options.to_enhanced_resolve()},
        [
            {"id": index, "config": "loader", "context": str(root), "request": item}
            for index, item in enumerate(requests)
        ],
    )
    resolver = BundlerResolver(DiskFS(), options)
    ours = [resolver.resolve(item, str(root)).resolved for item in requests]
    assert ours == [item["resolved"] for item in theirs]
    assert ours[0] == f"{root}/loaders/text-loader.js" and ours[5] is None


# -- loaders webpack finds only through hoisting (phantom-dependency warnings) --------------------


def _phantoms(tree: dict[str, object], root: str = "/app") -> list[tuple[str | None, str, str | None]]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, root)
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency"])
    return [(item.request, item.severity.value, item.fix) for item in found if "webpack loader" in item.message]


def _hoisted(config: str, declared: dict[str, str] | None = None) -> dict[str, object]:
    return {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "devDependencies": {"webpack": "^5", "vue-loader": "^15", **(declared or {})},
        },
        "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
        "/app/node_modules/vue-loader/package.json": {
            "name": "vue-loader",
            "version": "15.11.1",
            "dependencies": {"vue-style-loader": "^4.1.0"},
        },
        "/app/node_modules/vue-loader/index.js": LOADER,
        "/app/node_modules/vue-style-loader/package.json": {"name": "vue-style-loader", "version": "4.1.3"},
        "/app/node_modules/vue-style-loader/index.js": LOADER,
        "/app/webpack.config.js": config,
        "/app/src/App.vue": '<template><div/></template>\n<style lang="css">div {}</style>\n',
    }


STYLE_RULES = (
    "module.exports = {module: {rules: ["
    "{test: /\\.vue$/, loader: 'vue-loader'}, {test: /\\.css$/, use: ['vue-style-loader']}]}};"
)


def test_a_loader_found_only_through_hoisting_is_a_phantom_warning() -> None:
    # vue-hackernews-2.0: vue-style-loader is vue-loader's dependency, hoisted by npm and yarn; the
    # config names it, the project does not declare it; under pnpm webpack fails to resolve it
    [(request, severity, fix)] = _phantoms(_hoisted(STYLE_RULES))
    assert (request, severity) == ("vue-style-loader", "warning")
    assert fix == (
        'declare it: "vue-style-loader": "^4.1.3" in the devDependencies of package.json; '
        "or name it by path: loader: require.resolve('vue-style-loader') in the config"
    )


def test_a_declared_loader_or_one_no_file_meets_is_no_phantom() -> None:
    assert _phantoms(_hoisted(STYLE_RULES, {"vue-style-loader": "^4"})) == []
    tree = _hoisted(STYLE_RULES.replace("\\\\.css$", "\\\\.less$"))
    tree["/app/src/App.vue"] = "<template><div/></template>\n"
    assert _phantoms(tree) == []


def test_a_loader_the_config_aliases_is_no_phantom() -> None:
    config = STYLE_RULES.replace(
        "}};", "}, resolveLoader: {alias: {'vue-style-loader': require('path').resolve(__dirname, 'own.js')}}};"
    )
    tree = _hoisted(config)
    tree["/app/own.js"] = LOADER
    assert _phantoms(tree) == []


def test_a_workspace_loader_the_monorepo_root_declares_is_no_phantom() -> None:
    tree: dict[str, object] = {
        "/repo/package.json": {
            "name": "repo",
            "version": "1.0.0",
            "workspaces": ["web"],
            "devDependencies": {"webpack": "^5", "css-loader": "^6"},
        },
        "/repo/web/package.json": {"name": "web", "version": "1.0.0"},
        "/repo/web/webpack.config.js": "module.exports = {module: {rules: [{test: /\\.css$/, use: 'css-loader'}]}};",
        "/repo/web/src/a.css": "",
        "/repo/node_modules/web": symlink("../web"),
        "/repo/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
        "/repo/node_modules/css-loader/package.json": {"name": "css-loader", "version": "6.8.1"},
        "/repo/node_modules/css-loader/index.js": LOADER,
    }
    assert _phantoms(tree, "/repo") == []
    tree["/repo/package.json"] = {**tree["/repo/package.json"], "devDependencies": {"webpack": "^5"}}  # type: ignore[dict-item]
    tree["/repo/node_modules/sass-tools/package.json"] = {
        "name": "sass-tools",
        "version": "1.0.0",
        "dependencies": {"css-loader": "^6"},
    }
    assert [item[:2] for item in _phantoms(tree, "/repo")] == [("css-loader", "warning")]


def test_the_seed_002_example_before_the_move_warns_and_migrate_names_the_break() -> None:
    from nmdoctor.migrate.engine import migrate

    example = Path(__file__).resolve().parents[3] / "examples" / "npm-string-loader"
    fs = DiskFS()
    graph = read_installed_tree(fs, str(example))
    today = run_checks(CheckContext(graph=graph, fs=fs), select=["phantom-dependency"])
    assert sorted((item.request, item.severity.value, item.line) for item in today) == [
        ("css-loader", "warning", 9),
        ("style-loader", "warning", 9),
    ]
    planned = migrate(graph, fs, "pnpm").findings
    assert sorted((item.request, item.code, item.severity.value) for item in planned) == [
        ("css-loader", "string-module-reference", "error"),
        ("style-loader", "string-module-reference", "error"),
    ]


def test_pnp_webpack_plugins_loader_resolver_leaves_the_settings_read() -> None:
    # create-react-app 4 and @rails/webpacker 5: `plugins: [PnpWebpackPlugin.moduleLoader(module)]`,
    # which resolves nothing outside Yarn Plug'n'Play (pnp-webpack-plugin returns at once when
    # process.versions.pnp is unset); any other plugin still leaves the reading incomplete
    pnp = b"module.exports = {resolveLoader: {modules: ['node_modules'], plugins: [Pnp.moduleLoader(module)]}};"
    options = loader_options(pnp, "/app/webpack.config.js", "/app")
    assert options is not None and options.complete and options.modules == ("node_modules",)
    other = b"module.exports = {resolveLoader: {modules: ['node_modules'], plugins: [new Other()]}};"
    options = loader_options(other, "/app/webpack.config.js", "/app")
    assert options is not None and not options.complete
