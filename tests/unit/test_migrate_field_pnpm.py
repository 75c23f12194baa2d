"""migrate --to pnpm on shapes met in real projects (tests/field/blind/migrate-2026-12-06.json),
each checked against a real pnpm 10.34.8 install of the project."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main


def write(root: Path, files: dict[str, object]) -> None:
    for path, value in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(value if isinstance(value, str) else json.dumps(value))


def migrate(root: Path) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner(mix_stderr=False).invoke(main, ["migrate", str(root), "--to", "pnpm", "--json"])
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_the_hoist_pattern_printed_for_a_subpath_import_names_the_package(tmp_path: Path) -> None:
    """pnpm's (public-)hoist-pattern matches package names: real pnpm 10.34.8 with
    public-hoist-pattern[]=lodash.flow/index hoists nothing, with lodash.flow it hoists the package.
    The fix for `import upperFirst from 'lodash/upperFirst'` must name `lodash`."""
    write(
        tmp_path,
        {
            "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"kit": "^1"}},
            "node_modules/.package-lock.json": {},
            "node_modules/kit/package.json": {"name": "kit", "version": "1.0.0", "dependencies": {"lodash": "^4"}},
            "node_modules/lodash/package.json": {"name": "lodash", "version": "4.17.21"},
            "node_modules/lodash/upperFirst.js": "module.exports = (s) => s;\n",
            "src/index.js": "import upperFirst from 'lodash/upperFirst';\nupperFirst('a');\n",
        },
    )
    code, findings = migrate(tmp_path)
    assert code == 1
    [finding] = findings
    assert (finding["code"], finding["request"], finding["severity"]) == (
        "unresolvable-import",
        "lodash/upperFirst",
        "error",
    )
    assert "public-hoist-pattern[]=lodash in .npmrc" in str(finding["fix"])
    assert "public-hoist-pattern[]=lodash/upperFirst" not in str(finding["fix"])


def test_bundled_dependencies_and_the_copies_yarn_adds_beside_them_are_not_planned_again(tmp_path: Path) -> None:
    """npm 11 ships its dependencies in its tarball (bundleDependencies); real pnpm 10.34.8 keeps them
    inside npm/node_modules and installs none of them apart, so what they resolve does not change.
    yarn 1 also installs them at the top of node_modules, where npm never looks: those copies are
    reached by no chain of dependencies, their resolutions change nothing either
    (react-big-calendar: 25 false resolution-changed warnings)."""
    write(
        tmp_path,
        {
            "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"tool": "^1", "sub": "^2"}},
            "node_modules/.package-lock.json": {},
            "node_modules/tool/package.json": {
                "name": "tool",
                "version": "1.0.0",
                "dependencies": {"dep": "^1", "sub": "*"},
                "bundleDependencies": ["dep", "sub"],
            },
            "node_modules/tool/node_modules/dep/package.json": {
                "name": "dep",
                "version": "1.0.0",
                "dependencies": {"sub": "*"},
            },
            "node_modules/tool/node_modules/sub/package.json": {"name": "sub", "version": "1.0.0"},
            "node_modules/sub/package.json": {"name": "sub", "version": "2.0.0"},
            # the copy yarn 1 adds beside the bundle: nothing resolves to it
            "node_modules/dep/package.json": {"name": "dep", "version": "1.0.0", "dependencies": {"sub": "*"}},
        },
    )
    code, findings = migrate(tmp_path)
    assert [item for item in findings if item["code"] == "resolution-changed"] == []
    assert code == 0


def test_loaders_a_build_wrapper_names_in_the_modules_that_build_its_rules(tmp_path: Path) -> None:
    """@rails/webpacker 5 names babel-loader, style-loader, css-loader, sass-loader and file-loader by
    string in package/rules/*.js and package/utils/get_style_rule.js, which its package/index.js
    reaches; webpack looks them up from the project. Real webpack 4.46.0 from a real pnpm 10.34.8
    install of 5xTraining/donate_me: "Can't resolve 'babel-loader' in '<project>'". A rule whose test
    the wrapper builds when it runs (`getStyleRule(test)`) cannot be decided: a note."""
    write(
        tmp_path,
        {
            "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"wrapper": "^5"}},
            "node_modules/.package-lock.json": {},
            "node_modules/wrapper/package.json": {
                "name": "wrapper",
                "version": "5.4.2",
                "main": "package/index.js",
                "dependencies": {"webpack": "^4", "babel-loader": "^8", "style-loader": "^1"},
            },
            "node_modules/wrapper/package/index.js": (
                "const rules = require('./rules')\nconst base = require('./environments/base')\n"
                "module.exports = { rules, base }\n"
            ),
            # pnp-webpack-plugin's loader resolver answers nothing outside Yarn Plug'n'Play
            "node_modules/wrapper/package/environments/base.js": (
                "const PnpWebpackPlugin = require('pnp-webpack-plugin')\n"
                "module.exports = { resolveLoader: { modules: ['node_modules'], "
                "plugins: [PnpWebpackPlugin.moduleLoader(module)] } }\n"
            ),
            "node_modules/wrapper/package/rules/index.js": (
                "const babel = require('./babel')\nconst style = require('../utils/style')\n"
                "module.exports = [babel, style(/\\.css$/)]\n"
            ),
            "node_modules/wrapper/package/rules/babel.js": (
                "module.exports = {\n  test: /\\.js$/,\n  use: [{ loader: 'babel-loader' }]\n}\n"
            ),
            "node_modules/wrapper/package/utils/style.js": (
                "const styleLoader = { loader: 'style-loader' }\n"
                "module.exports = (test) => ({ test, use: [styleLoader] })\n"
            ),
            "node_modules/wrapper/package/__tests__/rules.js": "const x = { loader: 'never-loader' }\n",
            "node_modules/webpack/package.json": {"name": "webpack", "version": "4.46.0"},
            "node_modules/babel-loader/package.json": {"name": "babel-loader", "version": "8.2.2"},
            "node_modules/babel-loader/index.js": "module.exports = function () {};\n",
            "node_modules/style-loader/package.json": {"name": "style-loader", "version": "1.3.0"},
            "node_modules/style-loader/index.js": "module.exports = function () {};\n",
            "app/javascript/packs/application.js": "console.log(1)\n",
        },
    )
    code, findings = migrate(tmp_path)
    found = sorted(
        (item["request"], str(item["from"]).rsplit("/wrapper/", 1)[-1], item["severity"]) for item in findings
    )
    assert found == [
        ("babel-loader", "package/rules/babel.js", "error"),
        ("style-loader", "package/utils/style.js", "info"),
    ]
    assert code == 1


def test_loaders_config_overrides_adds_to_create_react_apps_config(tmp_path: Path) -> None:
    """react-app-rewired runs create-react-app's webpack with the rules config-overrides.js adds
    (customize-cra's addWebpackModuleRule); webpack 4 resolves a rule's loaders from the compiler's
    context, the project. Real webpack 4.44.2 (react-scripts') on a real pnpm 10.34.8 install of
    forum-react: "Can't resolve 'style-loader' in '<project>'"; style-loader is react-scripts'."""
    write(
        tmp_path,
        {
            "package.json": {
                "name": "app",
                "version": "0.1.0",
                "dependencies": {"react-scripts": "4.0.3", "customize-cra": "^1", "less-loader": "5.0.0"},
            },
            "node_modules/.package-lock.json": {},
            "node_modules/react-scripts/package.json": {
                "name": "react-scripts",
                "version": "4.0.3",
                "dependencies": {"webpack": "4.44.2", "style-loader": "1.3.0"},
            },
            "node_modules/customize-cra/package.json": {"name": "customize-cra", "version": "1.0.0"},
            "node_modules/webpack/package.json": {"name": "webpack", "version": "4.44.2"},
            "node_modules/style-loader/package.json": {"name": "style-loader", "version": "1.3.0"},
            "node_modules/style-loader/index.js": "module.exports = function () {};\n",
            "node_modules/less-loader/package.json": {"name": "less-loader", "version": "5.0.0"},
            "node_modules/less-loader/index.js": "module.exports = function () {};\n",
            "config-overrides.js": (
                "const { override, addWebpackModuleRule } = require('customize-cra')\n"
                "module.exports = override(\n"
                "  addWebpackModuleRule({\n"
                "    test: /\\.less$/,\n"
                "    use: [{ loader: 'style-loader' }, { loader: 'less-loader' }],\n"
                "  }),\n"
                ")\n"
            ),
            "src/index.js": "import './style.less'\n",
            "src/style.less": "a { color: red; }\n",
        },
    )
    code, findings = migrate(tmp_path)
    found = [(item["code"], item["request"], item["from"], item["line"], item["severity"]) for item in findings]
    assert found == [("string-module-reference", "style-loader", "config-overrides.js", 5, "error")]
    assert code == 1


def _cra_with_webpack_config(root: Path, scripts: dict[str, str]) -> None:
    write(
        root,
        {
            "package.json": {
                "name": "app",
                "version": "0.1.0",
                "scripts": scripts,
                "dependencies": {"react-scripts": "4.0.3", "react-app-rewired": "^2"},
            },
            "node_modules/.package-lock.json": {},
            "node_modules/react-scripts/package.json": {
                "name": "react-scripts",
                "version": "4.0.3",
                "dependencies": {"webpack": "4.44.2", "style-loader": "1.3.0"},
            },
            "node_modules/react-app-rewired/package.json": {"name": "react-app-rewired", "version": "2.1.8"},
            "node_modules/webpack/package.json": {"name": "webpack", "version": "4.44.2"},
            "node_modules/style-loader/package.json": {"name": "style-loader", "version": "1.3.0"},
            "node_modules/style-loader/index.js": "module.exports = function () {};\n",
            "webpack.config.js": (
                "module.exports = { module: { rules: [{ test: /\\.less$/, use: ['style-loader'] }] } }\n"
            ),
            "src/index.js": "import './style.less'\n",
            "src/style.less": "a { color: red; }\n",
        },
    )


def test_a_webpack_config_nothing_runs_webpack_with_is_a_note(tmp_path: Path) -> None:
    """forum-react keeps a webpack.config.js beside react-app-rewired, which runs create-react-app's
    own config (it never reads webpack.config.js), declares no webpack CLI and no script runs webpack:
    its loaders cannot fail a build (2 false errors). A script that runs webpack keeps them errors."""
    unrun, run = tmp_path / "unrun", tmp_path / "run"
    _cra_with_webpack_config(unrun, {"build": "react-app-rewired build"})
    _cra_with_webpack_config(run, {"build": "react-app-rewired build", "legacy": "webpack --mode production"})
    code, findings = migrate(unrun)
    assert [(item["request"], item["from"], item["severity"]) for item in findings] == [
        ("style-loader", "webpack.config.js", "info")
    ]
    assert "nothing here runs webpack with webpack.config.js" in str(findings[0]["message"])
    assert code == 0
    code, findings = migrate(run)
    assert [(item["request"], item["severity"]) for item in findings] == [("style-loader", "error")]
    assert code == 1


def test_imports_in_the_script_blocks_of_vue_components(tmp_path: Path) -> None:
    """vue-loader bundles a .vue file's <script> block as a .js (or, with lang="ts", a .ts) file. Real
    vue-cli-service 4 build on a real pnpm 10.34.8 install of iczer/vue-antd-admin: "moment in
    ./src/components/table/advance/SearchArea.vue?vue&type=script" not found; no .vue file was read.
    A TypeScript block's import used only as a type is dropped, as in a .ts file."""
    write(
        tmp_path,
        {
            "package.json": {"name": "app", "version": "1.0.0", "dependencies": {"ui": "^1"}},
            "node_modules/.package-lock.json": {},
            "node_modules/ui/package.json": {
                "name": "ui",
                "version": "1.0.0",
                "dependencies": {"moment": "^2", "typed": "^1"},
            },
            "node_modules/moment/package.json": {"name": "moment", "version": "2.29.4"},
            "node_modules/moment/moment.js": "module.exports = {};\n",
            "node_modules/typed/package.json": {"name": "typed", "version": "1.0.0", "types": "index.d.ts"},
            "node_modules/typed/index.js": "module.exports = {};\n",
            "node_modules/typed/index.d.ts": "export interface Shape { a: string }\n",
            "src/SearchArea.vue": (
                "<template>\n  <div>{{ when }}</div>\n</template>\n\n<script>\n"
                "  import moment from 'moment'\n  export default { data: () => ({ when: moment() }) }\n</script>\n"
            ),
            "src/Typed.vue": (
                "<template><div /></template>\n<script lang=\"ts\">\nimport { Shape } from 'typed'\n"
                "export const shape: Shape | null = null\n</script>\n"
            ),
        },
    )
    code, findings = migrate(tmp_path)
    found = [(item["request"], item["from"], item["line"], item["severity"]) for item in findings]
    assert ("moment", "src/SearchArea.vue", 6, "error") in found
    assert [item for item in found if item[0] == "typed" and item[3] == "error"] == []
    assert code == 1


def test_a_file_ts_node_dev_runs_from_a_yarn_lockfile_is_judged_with_its_shim(tmp_path: Path) -> None:
    """vue-typescript-admin-template (field batch 29): `"mock": "cd mock && ts-node-dev mock-server.ts"`
    and mock-server.ts imports express, which only webpack-dev-server brings. yarn 1's lockfile records
    no `bin`, so the planned tree's ts-node-dev names no executable; the runner's own name stands for
    it (ts-node-dev 1.1.8 links `ts-node-dev` and `tsnd`). Under pnpm the shim puts
    node_modules/.pnpm/node_modules on NODE_PATH and ts-node-dev forks the file with that environment
    (lib/index.js, `env: process.env`): works by accident, a warning, not an error."""
    write(
        tmp_path,
        {
            "package.json": {
                "name": "app",
                "version": "1.0.0",
                "scripts": {"mock": "cd mock && ts-node-dev mock-server.ts"},
                "devDependencies": {"ts-node-dev": "^1.1.6", "host": "^1.0.0"},
            },
            "yarn.lock": (
                "# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n\n\n"
                'express@^4.17.1:\n  version "4.17.1"\n'
                '  resolved "https://registry.yarnpkg.com/express/-/express-4.17.1.tgz#aaaa"\n\n'
                'host@^1.0.0:\n  version "1.0.0"\n'
                '  resolved "https://registry.yarnpkg.com/host/-/host-1.0.0.tgz#bbbb"\n'
                '  dependencies:\n    express "^4.17.1"\n\n'
                'ts-node-dev@^1.1.6:\n  version "1.1.6"\n'
                '  resolved "https://registry.yarnpkg.com/ts-node-dev/-/ts-node-dev-1.1.6.tgz#cccc"\n'
            ),
            "mock/mock-server.ts": "import express from 'express';\nexpress();\n",
        },
    )
    code, findings = migrate(tmp_path)
    assert [(item["code"], item["request"], item["severity"]) for item in findings] == [
        ("unresolvable-import", "express", "warning")
    ]
    assert code == 0
