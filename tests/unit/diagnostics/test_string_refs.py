"""string-module-reference: seed 002 caught, and quiet where the tool does find the module."""

from __future__ import annotations

import pytest

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.sources.config_refs import Tool, config_refs, expand_name
from nmdoctor.vfs import MemoryFS, symlink

STORE = "/app/node_modules/.pnpm"
WRAPPER = f"{STORE}/builder@1.0.0/node_modules/builder"
SEED_002 = {
    "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"builder": "1.0.0"}},
    "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
    "/app/node_modules/builder": symlink(".pnpm/builder@1.0.0/node_modules/builder"),
    f"{WRAPPER}/package.json": {
        "name": "builder",
        "version": "1.0.0",
        "dependencies": {"webpack": "^5", "css-loader": "^6"},
    },
    f"{WRAPPER}/webpack.config.js": "module.exports = {module: {rules: [{test: /\\.css$/, use: ['css-loader']}]}};",
    f"{STORE}/builder@1.0.0/node_modules/css-loader": symlink("../../css-loader@6.8.1/node_modules/css-loader"),
    f"{STORE}/builder@1.0.0/node_modules/webpack": symlink("../../webpack@5.0.0/node_modules/webpack"),
    f"{STORE}/css-loader@6.8.1/node_modules/css-loader/package.json": {"name": "css-loader", "version": "6.8.1"},
    f"{STORE}/css-loader@6.8.1/node_modules/css-loader/index.js": "module.exports = function () {};",
    f"{STORE}/webpack@5.0.0/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
}


def findings(tree: dict[str, object]) -> list[str]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [f.message for f in run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])]


def test_seed_002_wrapper_loader_is_not_found_from_the_project() -> None:
    [message] = findings(SEED_002)
    assert message.startswith("`css-loader` is a webpack loader named by string in ")
    assert "a config of builder@1.0.0, run with app@1.0.0 as webpack's context" in message
    assert "a dependency of builder@1.0.0" in message


def test_hoisted_loader_is_found() -> None:
    tree = dict(SEED_002)
    tree["/app/node_modules/css-loader"] = symlink(".pnpm/css-loader@6.8.1/node_modules/css-loader")
    assert findings(tree) == []


def test_require_resolve_is_not_a_string_reference() -> None:
    tree = dict(SEED_002)
    tree[f"{WRAPPER}/webpack.config.js"] = (
        "module.exports = {module: {rules: [{use: [require.resolve('css-loader')]}]}};"
    )
    assert findings(tree) == []


def test_project_babel_config_with_name_expansion() -> None:
    tree = dict(SEED_002)
    tree["/app/.babelrc"] = '{"presets": ["@babel/env"], "plugins": [["transform-runtime", {}]]}'
    messages = findings(tree)
    assert any("`@babel/env` (package `@babel/preset-env`) is a babel preset" in item for item in messages)
    assert any("package `babel-plugin-transform-runtime`" in item for item in messages)


def test_short_name_expansion() -> None:
    assert expand_name("@babel/env", Tool.BABEL_PRESET) == "@babel/preset-env"
    assert expand_name("@scope", Tool.ESLINT_PLUGIN) == "@scope/eslint-plugin"
    assert expand_name("@scope/foo", Tool.ESLINT_CONFIG) == "@scope/eslint-config-foo"
    assert expand_name("plugin:react/recommended", Tool.ESLINT_CONFIG) == "eslint-plugin-react"
    assert expand_name("eslint:recommended", Tool.ESLINT_CONFIG) is None
    assert expand_name("jsdom", Tool.JEST_ENVIRONMENT) == "jest-environment-jsdom"
    assert expand_name("style-loader!css-loader?modules", Tool.WEBPACK_LOADER) == "css-loader"


def test_eslint_names_expand_as_eslintrc_normalizes_them() -> None:
    """@eslint/eslintrc's normalizePackageName: the plugin named ``eslint-plugin`` is the package
    ``eslint-plugin-eslint-plugin`` (storybookjs/eslint-plugin-storybook's
    ``extends: ['plugin:eslint-plugin/recommended']``), not a package ``eslint-plugin``."""
    assert expand_name("plugin:eslint-plugin/recommended", Tool.ESLINT_CONFIG) == "eslint-plugin-eslint-plugin"
    assert expand_name("eslint-plugin", Tool.ESLINT_PLUGIN) == "eslint-plugin-eslint-plugin"
    assert expand_name("eslint-plugin-x", Tool.ESLINT_PLUGIN) == "eslint-plugin-x"
    assert expand_name("@s/eslint-plugin", Tool.ESLINT_PLUGIN) == "@s/eslint-plugin"
    assert expand_name("@s/eslint-plugin-x", Tool.ESLINT_PLUGIN) == "@s/eslint-plugin-x"
    assert expand_name("@s/eslint-pluginx", Tool.ESLINT_PLUGIN) == "@s/eslint-plugin-eslint-pluginx"
    assert expand_name("plugin:@s/eslint-plugin/recommended", Tool.ESLINT_CONFIG) == "@s/eslint-plugin"
    assert expand_name("eslint-config", Tool.ESLINT_CONFIG) == "eslint-config-eslint-config"


def test_webpack_use_forms() -> None:
    source = b"module.exports={module:{rules:[{use:'a-loader'},{use:[{loader:'b-loader'}]},{loader:'c-loader'}]}}"
    assert [ref.name for ref in config_refs(source, "webpack.config.js")] == ["a-loader", "b-loader", "c-loader"]


def _eslint_project(with_eslint: bool, version: str = "8.57.0") -> list[tuple[str, str, str]]:
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0"},
        "/app/.eslintrc.json": '{"extends": "prettier"}',
    }
    if with_eslint:
        tree["/app/package.json"] = {"name": "app", "version": "1.0.0", "devDependencies": {"eslint": version}}
        tree["/app/node_modules/eslint/package.json"] = {"name": "eslint", "version": version}
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    return [(f.severity.value, f.message, f.fix or "") for f in found]


def test_a_config_no_installed_tool_loads_is_a_note() -> None:
    # socket.io's packages/engine.io/.eslintrc.json extends "prettier" with no eslint in its tree
    # (its package-lock.json holds neither eslint nor eslint-config-prettier; no script lints):
    # nothing loads it today, so nothing fails. With eslint installed, eslint throws.
    [(severity, message, fix)] = _eslint_project(with_eslint=False)
    assert severity == "info"
    assert message.endswith("no `eslint` is installed in this tree, so nothing loads this config today")
    assert fix == "nothing in this tree loads .eslintrc.json: remove it if eslint is no longer used"
    [(severity, _message, fix)] = _eslint_project(with_eslint=True)
    assert severity == "error"
    # eslint-config-prettier is in neither the tree nor a lockfile: the fix does not ask to install it
    assert "eslint-config-prettier` is in neither node_modules nor the lockfile" in fix
    assert "declare it" not in fix


def test_a_jest_transform_pair_names_its_transformer_not_its_options() -> None:
    # medusa's jest.config.js: ts-jest loads "tsconfig.json" as a file, not as a module (jest 29 and
    # ts-jest read it so); only "ts-jest" is a module jest resolves.
    source = b"""module.exports = {
      transform: {"^.+\\\\.[jt]s?$": ["ts-jest", {tsconfig: "tsconfig.json", isolatedModules: false}]},
      reporters: ["default", ["jest-junit", {outputDirectory: "reports"}]],
      testEnvironment: `node`,
    }"""
    names = sorted(ref.name for ref in config_refs(source, "jest.config.js"))
    assert names == ["jest-junit", "node", "ts-jest"]  # "default" is a reporter jest has built in


@pytest.mark.parametrize("name", ["postcss.config.js", "postcss.config.mjs"])
def test_a_postcss_plugin_pair_names_its_plugin_not_its_options(name: str) -> None:
    # umami's postcss.config.js (the array form Next.js reads): `autoprefixer`, `stage` and
    # `features` are options of postcss-preset-env, not plugins.
    source = b"""export default {
      plugins: [
        'postcss-flexbugs-fixes',
        ['postcss-preset-env', {autoprefixer: {flexbox: 'no-2009'}, stage: 3, features: {'custom-properties': false}}],
      ],
    };"""
    assert [ref.name for ref in config_refs(source, name)] == ["postcss-flexbugs-fixes", "postcss-preset-env"]
    by_object = b"module.exports = {plugins: {tailwindcss: {}, autoprefixer: {grid: true}}};"
    assert [ref.name for ref in config_refs(by_object, name)] == ["tailwindcss", "autoprefixer"]


def _jest_project(files: dict[str, object]) -> dict[str, object]:
    """pnpm's isolated layout: the project declares jest; jest-environment-node is jest-config's."""
    jest = f"{STORE}/jest@29.7.0/node_modules"
    config_store = f"{STORE}/jest-config@29.7.0/node_modules"
    environment = f"{STORE}/jest-environment-node@29.7.0/node_modules/jest-environment-node"
    return {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"jest": "29.7.0"}},
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/jest": symlink(".pnpm/jest@29.7.0/node_modules/jest"),
        f"{jest}/jest/package.json": {"name": "jest", "version": "29.7.0", "dependencies": {"jest-config": "29.7.0"}},
        f"{jest}/jest-config": symlink("../../jest-config@29.7.0/node_modules/jest-config"),
        f"{config_store}/jest-config/package.json": {
            "name": "jest-config",
            "version": "29.7.0",
            "dependencies": {"jest-environment-node": "29.7.0"},
        },
        f"{config_store}/jest-environment-node": symlink(
            "../../jest-environment-node@29.7.0/node_modules/jest-environment-node"
        ),
        f"{environment}/package.json": {"name": "jest-environment-node", "version": "29.7.0"},
        **files,
    }


@pytest.mark.parametrize(
    "files",
    [
        {"/app/jest.config.js": "module.exports = {testEnvironment: 'node'};"},
        {
            "/app/package.json": {
                "name": "app",
                "version": "1.0.0",
                "devDependencies": {"jest": "29.7.0"},
                "jest": {"testEnvironment": "node"},
            }
        },
    ],
)
def test_a_jest_environment_of_jest_configs_own_is_found(files: dict[str, object]) -> None:
    # novu's packages: `testEnvironment: "node"` under pnpm. jest-resolve looks from the project,
    # then with jest-config's own require.resolve, where jest-environment-node is its dependency.
    assert findings(_jest_project(files)) == []
    jsdom = _jest_project({"/app/jest.config.js": "module.exports = {testEnvironment: 'jsdom'};"})
    [message] = findings(jsdom)  # jest-config does not bring jest-environment-jsdom (since jest 28)
    assert message.startswith("`jsdom` (package `jest-environment-jsdom`) is a jest environment")


def test_an_eslintrc_only_eslint_9_or_later_would_read_is_a_note() -> None:
    # TanStack query's examples keep .eslintrc files; the tree holds eslint 9.39 only, which reads
    # eslint.config.* (the .eslintrc is read only with ESLINT_USE_FLAT_CONFIG=false).
    [(severity, message, fix)] = _eslint_project(with_eslint=True, version="9.39.4")
    assert severity == "info"
    assert "only eslint 9 or later is in this tree" in message
    assert fix.startswith("eslint 9 does not read .eslintrc.json by default")


def test_a_loader_whose_rule_no_project_file_matches_is_a_note() -> None:
    # graphiql's webpack example keeps a `.html` rule with webpack 1's `file` loader and a `.svg`
    # rule with a loader nobody installs; no file of the example is html or svg (public/ is copied
    # as is). webpack resolves a loader only for a module its rule matches.
    config = (
        "module.exports = {module: {rules: ["
        "{test: /\\.svg$/, use: [{loader: 'svg-inline-loader'}]}, {test: /\\.css$/, use: ['css-loadr']}]}};"
    )
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"webpack": "^5"}},
        "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
        "/app/webpack.config.js": config,
        "/app/src/index.css": "",
        "/app/public/logo.svg": "<svg/>",
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert [(item.request, item.severity.value) for item in found] == [
        ("svg-inline-loader", "info"),
        ("css-loadr", "error"),  # src/index.css meets its rule
    ]
    assert "no file of the project matches the rule's test /\\.svg$/" in found[0].message


def _hoisted_postcss(files: dict[str, object]) -> dict[str, object]:
    """pnpm's isolated layout: the project declares postcss; autoprefixer is another package's
    dependency, hoisted to node_modules/.pnpm/node_modules only (not linked for the project)."""
    prefixer = f"{STORE}/autoprefixer@10.4.21/node_modules/autoprefixer"
    return {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"postcss": "8.5.3"}},
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/postcss": symlink(".pnpm/postcss@8.5.3/node_modules/postcss"),
        f"{STORE}/postcss@8.5.3/node_modules/postcss/package.json": {"name": "postcss", "version": "8.5.3"},
        f"{prefixer}/package.json": {"name": "autoprefixer", "version": "10.4.21"},
        f"{STORE}/node_modules/autoprefixer": symlink("../autoprefixer@10.4.21/node_modules/autoprefixer"),
        "/app/postcss.config.cjs": "module.exports = {plugins: {autoprefixer: {}}};",
        **files,
    }


def test_a_postcss_plugin_pnpm_hoists_is_found_through_the_shims_node_path() -> None:
    # create-t3-app's www and dub's embeds: postcss.config names autoprefixer / tailwindcss, which only
    # pnpm's hidden hoisting holds. pnpm's bin shims put node_modules/.pnpm/node_modules on NODE_PATH
    # and postcss-load-config resolves plugins with require.resolve, which reads it: works by accident.
    fs = MemoryFS.from_mapping(_hoisted_postcss({}))
    graph = read_installed_tree(fs, "/app")
    [finding] = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert finding.severity.value == "warning"
    assert "it finds it only through NODE_PATH: pnpm hoists it to node_modules/.pnpm/node_modules/autoprefixer" in (
        finding.message
    )
    assert finding.fix is not None and finding.fix.startswith('declare it: "autoprefixer": "^10.4.21"')
    # extend-node-path=false: the shims set no NODE_PATH, and the plugin is not found
    off = MemoryFS.from_mapping(_hoisted_postcss({"/app/.npmrc": "extend-node-path=false\n"}))
    [error] = run_checks(
        CheckContext(graph=read_installed_tree(off, "/app"), fs=off), select=["string-module-reference"]
    )
    assert error.severity.value == "error" and "NODE_PATH" not in error.message
    # pnpm 11 (the install's .modules.yaml says which pnpm made it) ignores that .npmrc line
    # (11.29.0, tests/installs/test_pnpm11_settings.py) and reads extendNodePath from
    # pnpm-workspace.yaml alone
    modules = {
        "/app/node_modules/.modules.yaml": '{\n  "packageManager": "pnpm@11.29.0",\n  "nodeLinker": "isolated"\n}\n'
    }
    eleven = MemoryFS.from_mapping(_hoisted_postcss({"/app/.npmrc": "extend-node-path=false\n", **modules}))
    [ignored] = run_checks(
        CheckContext(graph=read_installed_tree(eleven, "/app"), fs=eleven), select=["string-module-reference"]
    )
    assert ignored.severity.value == "warning"
    yaml = MemoryFS.from_mapping(_hoisted_postcss({"/app/pnpm-workspace.yaml": "extendNodePath: false\n", **modules}))
    [honoured] = run_checks(
        CheckContext(graph=read_installed_tree(yaml, "/app"), fs=yaml), select=["string-module-reference"]
    )
    assert honoured.severity.value == "error"


def _leftover_babel_config(extra: dict[str, object]) -> list[tuple[str, str]]:
    """A vue-cli project moved to vite: babel.config.js stays; @babel/core is in the tree only as
    @vitejs/plugin-react's dependency (called with its own options, configFile: false)."""
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"@vitejs/plugin-react": "5.1.4"}},
        "/app/node_modules/@vitejs/plugin-react/package.json": {
            "name": "@vitejs/plugin-react",
            "version": "5.1.4",
            "dependencies": {"@babel/core": "^7.28.5"},
        },
        "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.29.0"},
        "/app/babel.config.js": "module.exports = {presets: ['@vue/cli-plugin-babel/preset']};",
        **extra,
    }
    fs = MemoryFS.from_mapping(tree)
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"])
    return [(item.severity.value, item.message) for item in found]


def test_a_babel_config_no_reader_of_babel_configs_loads_is_a_note() -> None:
    # PicGo moved from vue-cli to electron-vite and kept babel.config.js; the @babel/core in its tree
    # belongs to @vitejs/plugin-react, TanStack's router plugin and shadcn, which ignore config files.
    [(severity, message)] = _leftover_babel_config({})
    assert severity == "info"
    assert message.endswith(
        "@babel/core is here only for tools that call it with their own options: no babel-loader, @babel/cli, "
        "babel-jest or other reader of babel's config files is installed in this tree, so nothing loads this "
        "config today"
    )
    loader = {"/app/node_modules/babel-loader/package.json": {"name": "babel-loader", "version": "9.2.1"}}
    [(severity, _message)] = _leftover_babel_config(loader)
    assert severity == "error"


def test_a_babel_plugin_pnpm_hoists_is_found_through_node_path_by_babel_7() -> None:
    # react-navigation's babel.config.js names react-native-worklets/plugin, a dependency of its
    # workspaces only: @babel/core 7 ends its lookup with require.resolve, which reads the NODE_PATH
    # pnpm's shims set (jest, metro). An early 7 that looked up with the `resolve` package does not.
    worklets = f"{STORE}/react-native-worklets@0.11.3/node_modules/react-native-worklets"

    def run(core: dict[str, object]) -> str:
        tree = _hoisted_postcss(
            {
                "/app/postcss.config.cjs": "module.exports = {};",
                "/app/babel.config.js": "module.exports = {plugins: ['react-native-worklets/plugin']};",
                "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"@babel/core": "7"}},
                "/app/node_modules/@babel/core": symlink("../.pnpm/@babel+core@7/node_modules/@babel/core"),
                f"{STORE}/@babel+core@7/node_modules/@babel/core/package.json": core,
                f"{worklets}/package.json": {"name": "react-native-worklets", "version": "0.11.3"},
                f"{STORE}/node_modules/react-native-worklets": symlink(
                    "../react-native-worklets@0.11.3/node_modules/react-native-worklets"
                ),
                "/app/node_modules/babel-jest/package.json": {"name": "babel-jest", "version": "30.0.0"},
            }
        )
        fs = MemoryFS.from_mapping(tree)
        [finding] = run_checks(
            CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"]
        )
        return finding.severity.value

    assert run({"name": "@babel/core", "version": "7.29.7"}) == "warning"
    assert run({"name": "@babel/core", "version": "7.4.0", "dependencies": {"resolve": "^1.3.2"}}) == "error"


def test_a_jest_module_pnpm_hoists_is_found_through_node_path() -> None:
    # jest-resolve adds NODE_PATH's folders to where it looks: a serializer another package brings,
    # hoisted to node_modules/.pnpm/node_modules only, is found when jest starts from its shim.
    serializer = f"{STORE}/enzyme-to-json@3.6.2/node_modules/enzyme-to-json"
    tree = _jest_project(
        {
            "/app/jest.config.js": "module.exports = {snapshotSerializers: ['enzyme-to-json/serializer']};",
            f"{serializer}/package.json": {"name": "enzyme-to-json", "version": "3.6.2"},
            f"{STORE}/node_modules/enzyme-to-json": symlink("../enzyme-to-json@3.6.2/node_modules/enzyme-to-json"),
        }
    )
    fs = MemoryFS.from_mapping(tree)
    [finding] = run_checks(
        CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"]
    )
    assert finding.severity.value == "warning" and "only through NODE_PATH" in finding.message


def _workspace_babelrc(extra: dict[str, object]) -> list[str]:
    """A monorepo whose root runs jest (babel-jest reads babel configs); packages/sdk, built by
    another tool, keeps a .babelrc naming a plugin nobody installs."""
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "workspaces": ["packages/*"],
            "devDependencies": {"babel-jest": "29.7.0"},
        },
        "/app/node_modules/babel-jest/package.json": {
            "name": "babel-jest",
            "version": "29.7.0",
            "dependencies": {"@babel/core": "^7.11.6"},
        },
        "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.29.0"},
        "/app/node_modules/sdk": symlink("../packages/sdk"),
        "/app/packages/sdk/package.json": {"name": "sdk", "version": "1.0.8"},
        "/app/packages/sdk/.babelrc": '{"plugins": [["@babel/plugin-syntax-decorators", {"legacy": true}]]}',
        **extra,
    }
    fs = MemoryFS.from_mapping(tree)
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"])
    return [item.severity.value for item in found]


def test_a_workspace_babelrc_no_babel_run_reads_is_a_note() -> None:
    # postiz's apps/sdk (built by tsup) keeps a .babelrc: babel reads a .babelrc only inside the
    # package it runs from or one babelrcRoots names, and nothing runs babel from apps/sdk.
    assert _workspace_babelrc({}) == ["info"]
    roots = {"/app/babel.config.js": "module.exports = {babelrcRoots: ['.', 'packages/*']};"}
    assert _workspace_babelrc(roots) == ["error"]
    projects = {"/app/jest.config.js": "module.exports = {projects: ['<rootDir>/packages/sdk']};"}
    assert _workspace_babelrc(projects) == ["error"]
    own = {
        "/app/packages/sdk/package.json": {"name": "sdk", "version": "1.0.8", "devDependencies": {"babel-jest": "*"}},
        "/app/packages/sdk/node_modules/babel-jest": symlink("../../../node_modules/babel-jest"),
    }
    assert _workspace_babelrc(own) == ["error"]


def test_a_workspace_babelrc_jest_transforms_without_babel_and_metro_never_bundles_is_a_note() -> None:
    # wcpos's packages/hooks: the root's jest projects name it, and its own jest.config.js transforms
    # with ts-jest alone (jest adds babel-jest only when no transform is set); react-native in its
    # devDependencies brings metro's babel transformer, which runs only in an app metro bundles
    jest_config = "module.exports = { preset: 'ts-jest', transform: { '^.+\\\\.tsx?$': ['ts-jest', {}] } };\n"
    package = {
        "name": "sdk",
        "version": "1.0.8",
        "scripts": {"test": "jest"},
        "devDependencies": {"jest": "*", "ts-jest": "*", "react-native": "*"},
    }
    tools: dict[str, object] = {
        "/app/packages/sdk/package.json": package,
        "/app/packages/sdk/jest.config.js": jest_config,
        "/app/jest.config.js": "module.exports = {projects: ['<rootDir>/packages/sdk']};",
        "/app/node_modules/jest/package.json": {
            "name": "jest",
            "version": "29.7.0",
            "dependencies": {"babel-jest": "*"},
        },
        "/app/node_modules/ts-jest/package.json": {"name": "ts-jest", "version": "29.1.0"},
        "/app/node_modules/react-native/package.json": {
            "name": "react-native",
            "version": "0.76.0",
            "dependencies": {"@react-native/metro-babel-transformer": "*"},
        },
        "/app/node_modules/@react-native/metro-babel-transformer/package.json": {
            "name": "@react-native/metro-babel-transformer",
            "version": "0.76.0",
        },
    }
    assert _workspace_babelrc(tools) == ["info"]
    # jest's default transform (no transform set) is babel-jest, which reads it
    defaults = {**tools, "/app/packages/sdk/jest.config.js": "module.exports = { verbose: true };\n"}
    assert _workspace_babelrc(defaults) == ["error"]
    # an app metro bundles (its metro.config.js) runs metro's babel transformer there
    app = {**tools, "/app/packages/sdk/metro.config.js": "module.exports = {};\n"}
    assert _workspace_babelrc(app) == ["error"]


def _workspace_babel_config(package: dict[str, object], extra: dict[str, object] | None = None) -> list[str]:
    """A monorepo whose root runs jest (babel-jest reads babel configs from the root); its example
    workspace, built by vite, keeps a babel.config.js naming a preset nobody installs."""
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "workspaces": ["examples/*"],
            "devDependencies": {"babel-jest": "29.7.0", "vite": "5.0.0"},
        },
        "/app/node_modules/babel-jest/package.json": {
            "name": "babel-jest",
            "version": "29.7.0",
            "dependencies": {"@babel/core": "^7.11.6"},
        },
        "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.29.0"},
        "/app/node_modules/vite/package.json": {"name": "vite", "version": "5.0.0"},
        "/app/node_modules/example": symlink("../examples/vue"),
        "/app/examples/vue/package.json": {"name": "example", "version": "1.0.0", **package},
        "/app/examples/vue/babel.config.js": "module.exports = {presets: ['@vue/cli-plugin-babel/preset']};",
        **(extra or {}),
    }
    fs = MemoryFS.from_mapping(tree)
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"])
    return [item.severity.value for item in found]


def test_a_workspace_babel_config_no_babel_run_reads_is_a_note() -> None:
    # algolia/autocomplete's examples/vue-instantsearch (vite, its vue-cli babel.config.js left
    # behind): babel takes babel.config.* from its root, the folder it runs from, never from a folder
    # below it. @babel/core 7.29's loadPartialConfig loads only the root's babel.config.js with cwd at
    # the root, and throws on the example's missing preset only with cwd in the example.
    vite = {"scripts": {"dev": "vite", "build": "vite build"}, "devDependencies": {"vite": "5.0.0"}}
    assert _workspace_babel_config(vite) == ["info"]
    # a script of the package runs babel from its folder (`--root-mode upward` finds its own config first)
    cli = {"scripts": {"build": "yarn clean && babel src --root-mode upward --out-dir dist"}}
    assert _workspace_babel_config(cli) == ["error"]
    # `jest` is a package of the tree whose own dependencies read babel's config files
    jest = {"scripts": {"test": "cross-env NODE_ENV=test jest"}}
    tools = {
        "/app/node_modules/jest/package.json": {
            "name": "jest",
            "version": "29.7.0",
            "dependencies": {"babel-jest": "*"},
        }
    }
    assert _workspace_babel_config(jest, tools) == ["error"]
    assert _workspace_babel_config({"scripts": {"test": 'concurrently "babel src" "tsc"'}}) == ["error"]
    assert _workspace_babel_config({"scripts": {"start": "node -r @babel/register server.js"}}) == ["error"]
    assert _workspace_babel_config({"scripts": {"build": "node_modules/.bin/babel src"}}) == ["error"]
    projects = {"/app/jest.config.js": "module.exports = {projects: ['<rootDir>/examples/vue']};"}
    assert _workspace_babel_config(vite, projects) == ["error"]


def test_a_workspace_babelrc_a_script_runs_babel_for_is_read() -> None:
    # babel run by the package's own script starts from its folder, where its .babelrc applies
    scripts = {"/app/packages/sdk/package.json": {"name": "sdk", "version": "1.0.8", "scripts": {"build": "babel src"}}}
    assert _workspace_babelrc(scripts) == ["error"]


def test_webpack_use_forms_of_mode_dependent_configs() -> None:
    """Both branches of `use: isProd ? ... : ...`, extract-text-webpack-plugin's `extract({use,
    fallback})` (its fallback is a loader too) and an array filtered in place (vue-hackernews-2.0)."""
    source = (
        b"module.exports = {module: {rules: [{test: /\\.styl$/, use: isProd\n"
        b"  ? ExtractTextPlugin.extract({use: [{loader: 'css-loader', options: {}}, 'stylus-loader'],"
        b" fallback: 'vue-style-loader'})\n"
        b"  : ['vue-style-loader', 'css-loader'].filter(Boolean)}]}};"
    )
    refs = config_refs(source, "webpack.base.config.js")
    assert sorted((ref.name, ref.line) for ref in refs) == [
        ("css-loader", 2),
        ("css-loader", 3),
        ("stylus-loader", 2),
        ("vue-style-loader", 2),
        ("vue-style-loader", 3),
    ]
    assert {ref.rule_test for ref in refs} == {"\\.styl$"}


def _vue_project(vue_loader: str) -> dict[str, object]:
    """vue-hackernews-2.0 under pnpm: its webpack configs live in build/, named by its scripts' --config
    (the client config merges build/webpack.base.config.js); vue-style-loader is vue-loader's
    dependency only, and the .styl rule meets no .styl file, only the stylus blocks of .vue files."""
    base = (
        "module.exports = {module: {rules: [{test: /\\.vue$/, loader: 'vue-loader'},"
        " {test: /\\.styl(us)?$/, use: ['vue-style-loader', 'css-loader']}]}};"
    )
    vue_loader_folder = f"{STORE}/vue-loader@{vue_loader}/node_modules"
    return {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "scripts": {"build": "cross-env NODE_ENV=production webpack --config build/webpack.client.config.js"},
            "devDependencies": {"webpack": "^3", "vue-loader": vue_loader, "css-loader": "^0.28"},
        },
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/webpack": symlink(".pnpm/webpack@3.11.0/node_modules/webpack"),
        "/app/node_modules/vue-loader": symlink(f".pnpm/vue-loader@{vue_loader}/node_modules/vue-loader"),
        "/app/node_modules/css-loader": symlink(".pnpm/css-loader@0.28.11/node_modules/css-loader"),
        f"{STORE}/webpack@3.11.0/node_modules/webpack/package.json": {"name": "webpack", "version": "3.11.0"},
        f"{STORE}/css-loader@0.28.11/node_modules/css-loader/package.json": {
            "name": "css-loader",
            "version": "0.28.11",
        },
        f"{STORE}/css-loader@0.28.11/node_modules/css-loader/index.js": "",
        f"{vue_loader_folder}/vue-loader/package.json": {
            "name": "vue-loader",
            "version": vue_loader,
            "dependencies": {"vue-style-loader": "^4"},
        },
        f"{vue_loader_folder}/vue-loader/index.js": "",
        f"{vue_loader_folder}/vue-style-loader": symlink("../../vue-style-loader@4.1.0/node_modules/vue-style-loader"),
        f"{STORE}/vue-style-loader@4.1.0/node_modules/vue-style-loader/package.json": {
            "name": "vue-style-loader",
            "version": "4.1.0",
        },
        "/app/build/webpack.client.config.js": "const base = require('./webpack.base.config')\nmodule.exports = base\n",
        "/app/build/webpack.base.config.js": base,
        "/app/src/App.vue": '<template><div/></template>\n<style lang="stylus">\na\n  color red\n</style>\n',
    }


@pytest.mark.parametrize(("vue_loader", "severity"), [("15.5.1", "error"), ("14.2.4", "info")])
def test_a_loader_in_a_config_the_scripts_name_and_vue_style_blocks(vue_loader: str, severity: str) -> None:
    """vue-loader 15's plugin runs the .styl rule on `<style lang="stylus">` (as App.vue.stylus):
    real webpack 3 fails with "Can't resolve 'vue-style-loader'" under pnpm. vue-loader 14 runs a
    .vue file's blocks through loaders of its own, so the rule meets no file: a note."""
    fs = MemoryFS.from_mapping(_vue_project(vue_loader))
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert [(item.request, item.from_, item.severity.value) for item in found] == [
        ("vue-style-loader", "build/webpack.base.config.js", severity)
    ]


@pytest.mark.parametrize("name", [".postcssrc.js", ".postcssrc.cjs", "postcss.config.ts"])
def test_postcss_configs_in_every_file_postcss_load_config_reads(name: str) -> None:
    # vue-cli 4's templates write .postcssrc.js (d2-admin, vue-enterprise-boilerplate): its plugins
    # are looked up like those of postcss.config.js
    assert [ref.name for ref in config_refs(b"module.exports = {plugins: {autoprefixer: {}}};", name)] == [
        "autoprefixer"
    ]
    tree = _hoisted_postcss({})
    del tree["/app/postcss.config.cjs"]
    fs = MemoryFS.from_mapping({**tree, f"/app/{name}": "module.exports = {plugins: {autoprefixer: {}}};"})
    [finding] = run_checks(
        CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"]
    )
    assert finding.severity.value == "warning" and f"named by string in {name}" in finding.message


def test_a_babel_plugin_entry_names_its_module_with_its_first_item_only() -> None:
    # d2-admin: ['import', {libraryName: 'vant', ...}, 'vant'], whose third item names the plugin's
    # instance (babel merges entries by it); `vant` was taken for a plugin and reported as missing
    source = b"module.exports = {plugins: [['import', {libraryName: 'vant'}, 'vant'], 'lodash']};"
    assert [ref.name for ref in config_refs(source, "babel.config.js")] == ["import", "lodash"]
    assert [ref.name for ref in config_refs(b'{"plugins": [["import", {}, "vant"]]}', ".babelrc")] == ["import"]


def test_a_babel_config_function_returning_shorthand_properties_names_what_its_variables_hold() -> None:
    # pterodactyl's panel: `const plugins = ['babel-plugin-macros', ...]; return { plugins, presets: [...] }`
    source = b"""module.exports = function (api) {
    const plugins = ['babel-plugin-macros', ['styled-components', {}]];
    if (api.env('test')) plugins.push('x');
    return { plugins, presets: ['@babel/env'] };
};"""
    refs = [(ref.name, ref.tool, ref.line) for ref in config_refs(source, "babel.config.js")]
    assert refs == [
        ("babel-plugin-macros", Tool.BABEL_PLUGIN, 2),
        ("styled-components", Tool.BABEL_PLUGIN, 2),
        ("@babel/env", Tool.BABEL_PRESET, 4),
    ]


def test_a_babel_config_of_conditional_entries_filtered_in_place_names_each_entry() -> None:
    # @rails/webpacker 5's generated babel.config.js (5xTraining/donate_me): `isTestEnv && [...]`
    # entries of arrays filtered with `.filter(Boolean)`; none was read, and under pnpm each of the
    # 12 names (webpacker's dependencies) is found only through a shim's NODE_PATH (real babel 7.15.5's
    # loadPartialConfig on a real pnpm 10.34.8 install: "Cannot find module 'babel-plugin-macros'"
    # without it, every one resolved with the NODE_PATH of node_modules/.bin/webpack)
    source = b"""module.exports = function (api) {
  var isTestEnv = api.env("test")
  return {
    presets: [
      isTestEnv && ["@babel/preset-env", { targets: { node: "current" } }],
      !isTestEnv && ["@babel/preset-env", { modules: false }],
    ].filter(Boolean),
    plugins: [
      "babel-plugin-macros",
      isTestEnv && "babel-plugin-dynamic-import-node",
      ["@babel/plugin-proposal-class-properties", { loose: true }, "instance"],
    ].filter(Boolean),
  }
}"""
    refs = [(ref.name, ref.tool, ref.line) for ref in config_refs(source, "babel.config.js")]
    assert refs == [
        ("@babel/preset-env", Tool.BABEL_PRESET, 5),
        ("@babel/preset-env", Tool.BABEL_PRESET, 6),
        ("babel-plugin-macros", Tool.BABEL_PLUGIN, 9),
        ("babel-plugin-dynamic-import-node", Tool.BABEL_PLUGIN, 10),
        ("@babel/plugin-proposal-class-properties", Tool.BABEL_PLUGIN, 11),
    ]


def test_a_loader_reached_twice_in_one_file_is_named_once() -> None:
    # webpacker 5's utils/get_style_rule.js: `const use = [{loader: 'css-loader'}]; return { test, use }`:
    # the `loader:` pair and the array the returned `use` holds are one literal
    source = b"""const getStyleRule = (test) => {
  const use = [{ loader: 'css-loader', options: {} }]
  return { test, use }
}
module.exports = getStyleRule"""
    refs = [(ref.name, ref.line) for ref in config_refs(source, "webpack.style.config.js")]
    assert refs == [("css-loader", 2)]


def test_an_eslint_config_of_package_json_an_eslintrc_beside_it_shadows_is_not_read() -> None:
    # forum-react: .eslintrc.js beside package.json's eslintConfig {extends: ['react-app']}; real
    # eslint 7.25.0 (--print-config) applies .eslintrc.js alone, so react-app, which only
    # react-scripts brings, is never loaded (2 false errors)
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "devDependencies": {"eslint": "^7"},
            "eslintConfig": {"extends": ["react-app"]},
        },
        "/app/node_modules/eslint/package.json": {"name": "eslint", "version": "7.25.0"},
        "/app/.eslintrc.js": "module.exports = { rules: {} };\n",
    }
    assert findings(tree) == []
    del tree["/app/.eslintrc.js"]
    [message] = findings(tree)
    assert "`react-app` (package `eslint-config-react-app`)" in message


def test_a_babel_preset_file_of_the_project_names_plugins_babel_loads_from_its_folder() -> None:
    """Semantic-UI-React's .babelrc names `./.babel-preset.js`, whose function returns `{ plugins }`,
    an array filtered with `.filter(Boolean)`: real @babel/core 7.23 on that project under pnpm 10.34.8
    stops with "Cannot find module '@babel/plugin-syntax-dynamic-import'" (a dependency of
    @babel/preset-env that npm hoisted); the plugins of such a file are read as the config's are."""
    preset = (
        "const isBuild = process.env.NODE_ENV === 'build'\n"
        "const plugins = [\n"
        "  '@babel/plugin-syntax-dynamic-import',\n"
        "  isBuild && ['babel-plugin-filter-imports', {}],\n"
        "].filter(Boolean)\n"
        "module.exports = () => ({ presets: [['@babel/env', { loose: true }]], plugins })\n"
    )
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"@babel/core": "^7"}},
        "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.23.7"},
        "/app/.babelrc": '{"presets": ["./.babel-preset.js"]}',
        "/app/.babel-preset.js": preset,
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert sorted((item.from_, item.line, item.request) for item in found) == [
        (".babel-preset.js", 3, "@babel/plugin-syntax-dynamic-import"),
        (".babel-preset.js", 4, "babel-plugin-filter-imports"),
        (".babel-preset.js", 6, "@babel/env"),
    ]


def test_an_eslintrc_parser_is_loaded_from_the_config_and_an_overrides_only_for_its_files() -> None:
    # real eslint 8.57.0: "Failed to load parser 'babel-eslint' declared in '.eslintrc.json': Cannot
    # find module 'babel-eslint'" (required from the config file); a parser of an override for *.ts
    # is loaded only when a .ts file is linted, so `eslint x.js` passes: with no .ts file, a note
    base: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"eslint": "8.57.0"}},
        "/app/node_modules/eslint/package.json": {"name": "eslint", "version": "8.57.0"},
    }
    top = {"/app/.eslintrc.json": '{"root": true, "parser": "babel-eslint"}'}
    [message] = findings({**base, **top})
    assert message.startswith("`babel-eslint` is a eslint parser named by string in .eslintrc.json")
    script = {"/app/.eslintrc.js": "module.exports = { parser: '@babel/eslint-parser' };\n"}
    [message] = findings({**base, **script})
    assert message.startswith("`@babel/eslint-parser` is a eslint parser named by string in .eslintrc.js")
    installed = {"/app/node_modules/babel-eslint/package.json": {"name": "babel-eslint", "version": "10.1.0"}}
    assert findings({**base, **top, **installed}) == []
    override = '{"root": true, "overrides": [{"files": ["*.ts"], "parser": "@typescript-eslint/parser"}]}'
    [message] = findings({**base, "/app/.eslintrc.json": override})
    assert "no file of the project matches" in message  # a note (see the test below)
    script_override = "module.exports = { overrides: [{ files: ['*.ts'], parser: '@typescript-eslint/parser' }] };\n"
    [message] = findings({**base, "/app/.eslintrc.js": script_override})
    assert "no file of the project matches" in message


def test_an_eslintrc_overrides_modules_are_judged_only_when_a_file_matches_it() -> None:
    # real eslint 8.57.0: `eslint x.js` passes with a plugin or parser missing under an override for
    # *.ts (loaded only when a .ts file is linted), and fails once a .ts file is linted
    base: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"eslint": "8.57.0"}},
        "/app/node_modules/eslint/package.json": {"name": "eslint", "version": "8.57.0"},
        "/app/src/x.js": "var a = 1;\n",
    }
    override = (
        "module.exports = { overrides: [{ files: ['*.ts'], parser: '@typescript-eslint/parser',"
        " plugins: ['@typescript-eslint'] }] };\n"
    )
    fs = MemoryFS.from_mapping({**base, "/app/.eslintrc.js": override})
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"])
    assert sorted((item.request, item.severity.value) for item in found) == [
        ("@typescript-eslint", "info"),
        ("@typescript-eslint/parser", "info"),
    ]
    assert all("no file of the project matches" in item.message for item in found)
    # a .ts file of the project meets it: both are loaded, and fail
    fs = MemoryFS.from_mapping({**base, "/app/.eslintrc.js": override, "/app/src/y.ts": "const b = 1;\n"})
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"])
    assert sorted((item.request, item.severity.value) for item in found) == [
        ("@typescript-eslint", "error"),
        ("@typescript-eslint/parser", "error"),
    ]
    # the same in JSON, with a glob below a folder
    json_override = '{"overrides": [{"files": ["src/**/*.vue"], "plugins": ["vue"]}]}'
    fs = MemoryFS.from_mapping({**base, "/app/.eslintrc.json": json_override})
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs), select=["string-module-reference"])
    assert [(item.request, item.severity.value) for item in found] == [("vue", "info")]


def test_a_webpack_module_type_written_as_a_loader_works_until_a_module_meets_its_rule() -> None:
    """grafana/scenes' scenes-app (the @grafana/create-plugin scaffold): `use: [{loader: 'asset/resource'}]`
    for images. Checked with webpack 5.105: with no module importing an .svg the build succeeds; importing
    one fails with "Module not found: Error: Can't resolve 'asset/resource'"; `type: 'asset/resource'`
    in the rule builds. So a warning (works by accident) whose fix is the rule's `type`."""
    config = (
        "module.exports = {module: {rules: [{test: /\\.svg$/, use: [{loader: 'asset/resource', "
        "options: {name: '[name].[ext]'}}]}]}};"
    )
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "devDependencies": {"webpack": "^5"}},
        "/app/webpack.config.js": config,
        "/app/src/logo.svg": "<svg/>",
        "/app/node_modules/webpack/package.json": {"name": "webpack", "version": "5.0.0"},
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    [item] = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert item.severity.value == "warning"
    assert "`asset/resource` is a webpack module type, not a loader" in item.message
    assert item.fix is not None and item.fix.startswith(
        "replace the loader (and its options) with `type: 'asset/resource'`"
    )
    # a loader name that is no module type stays an error
    fs = MemoryFS.from_mapping({**tree, "/app/webpack.config.js": config.replace("asset/resource", "svg-loaderz")})
    graph = read_installed_tree(fs, "/app")
    [item] = run_checks(CheckContext(graph=graph, fs=fs), select=["string-module-reference"])
    assert item.severity.value == "error"
