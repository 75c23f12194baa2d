"""The project's resolution config: each tool's reader, and, where a real tool decides, its answer."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from nmdoctor.project.resolution import ProjectResolution, configs_in
from nmdoctor.project.resolution.jsonc import loads_jsonc
from nmdoctor.vfs import DiskFS, MemoryFS
from tests.conftest import requires_node

ENHANCED_RESOLVE = Path(__file__).resolve().parents[2] / "node_tools" / "node_modules" / "enhanced-resolve"


def decide(tree: dict[str, object], request: str, file: str = "/app/src/index.js") -> str | None:
    fs = MemoryFS.from_mapping(tree)
    decision = ProjectResolution(fs, "/app", on_disk=False).decide(request, file)
    return decision.tool if decision else None


def test_jsonc_comments_and_trailing_commas() -> None:
    text = '{\n // c\n "a": "http://x/*y*/", /* z */\n "b": [1, 2,], // t\n}'
    assert loads_jsonc(text) == {"a": "http://x/*y*/", "b": [1, 2]}


TS = {
    "/app/package.json": {"name": "app", "version": "1.0.0"},
    "/app/src/index.ts": "",
    "/app/src/components/Header.tsx": "",
    "/app/src/utils/request.ts": "",
}


def test_tsconfig_base_url_and_paths_through_extends() -> None:
    tree = dict(TS)
    tree["/app/tsconfig.json"] = '{"extends": "./tsconfig.base", /* c */ "compilerOptions": {"strict": true,},}'
    tree["/app/tsconfig.base.json"] = '{"compilerOptions": {"baseUrl": "src", "paths": {"@app/*": ["src/*"]}}}'
    assert decide(tree, "components/Header", "/app/src/index.ts") == "tsconfig baseUrl"
    assert decide(tree, "utils/request", "/app/src/index.ts") == "tsconfig baseUrl"
    assert decide(tree, "@app/utils/request", "/app/src/index.ts") == "tsconfig paths"
    assert decide(tree, "react", "/app/src/index.ts") is None


def test_tsconfig_extends_a_package() -> None:
    tree = dict(TS)
    tree["/app/tsconfig.json"] = '{"extends": "@tsconfig/node20/tsconfig.json", "compilerOptions": {"paths": {}}}'
    tree["/app/node_modules/@tsconfig/node20/package.json"] = {"name": "@tsconfig/node20", "version": "20.1.4"}
    tree["/app/node_modules/@tsconfig/node20/tsconfig.json"] = '{"compilerOptions": {"baseUrl": "."}}'
    # baseUrl is relative to the file that sets it: the package's folder, which holds no `utils`.
    assert decide(tree, "utils/request", "/app/src/index.ts") is None
    tree["/app/tsconfig.json"] = '{"extends": "@tsconfig/node20", "compilerOptions": {"baseUrl": "./src"}}'
    assert decide(tree, "utils/request", "/app/src/index.ts") == "tsconfig baseUrl"


def test_paths_without_base_url_are_relative_to_the_config() -> None:
    tree = dict(TS)
    tree["/app/jsconfig.json"] = '{"compilerOptions": {"paths": {"~lib": ["src/utils/request.ts"]}}}'
    assert decide(tree, "~lib", "/app/src/index.ts") == "tsconfig paths"
    assert decide(tree, "~lib/other", "/app/src/index.ts") is None


def test_jest_module_directories_paths_and_mapper() -> None:
    tree = dict(TS)
    tree["/app/package.json"] = {
        "name": "app",
        "jest": {
            "moduleDirectories": ["node_modules", "src"],
            "modulePaths": ["<rootDir>/shared"],
            "moduleNameMapper": {"^@/(.*)$": "<rootDir>/src/$1", "\\.(css|less)$": "identity-obj-proxy"},
        },
    }
    tree["/app/shared/models/user.js"] = ""
    assert decide(tree, "components/Header", "/app/src/deep/a.test.js") == "jest moduleDirectories"
    assert decide(tree, "models/user", "/app/src/a.test.js") == "jest modulePaths"
    assert decide(tree, "@/anything", "/app/src/a.test.js") == "jest moduleNameMapper"
    assert decide(tree, "bootstrap/dist/x.css", "/app/src/a.test.js") == "jest moduleNameMapper"
    assert decide(tree, "lodash", "/app/src/a.test.js") is None


def test_vite_alias_object_and_array_forms() -> None:
    tree = dict(TS)
    tree["/app/vite.config.ts"] = (
        "import { defineConfig } from 'vite'\nimport path from 'path'\n"
        "export default defineConfig({resolve: {alias: {'@': path.resolve(__dirname, './src')}}})\n"
    )
    assert decide(tree, "@/components/Header") == "vite resolve.alias"
    assert decide(tree, "@scope/pkg") is None  # `@` matches `@` and `@/...` only, as @rollup/plugin-alias does
    tree["/app/vite.config.ts"] = "export default {resolve: {alias: [{find: /^~(.+)/, replacement: '$1'}]}}"
    assert decide(tree, "~bootstrap/x") == "vite resolve.alias"


def test_babel_module_resolver() -> None:
    tree = dict(TS)
    tree["/app/.babelrc"] = (
        '{"plugins": [["module-resolver", {"root": ["./src"], "alias": {"test": "./test", "^ui/(.+)": "./ui/\\\\1"}}]]}'
    )
    assert decide(tree, "utils/request") == "babel module-resolver root"
    assert decide(tree, "test/helpers") == "babel module-resolver alias"
    assert decide(tree, "ui/button") == "babel module-resolver alias"
    assert decide(tree, "testing-library") is None


def test_webpack_static_read() -> None:
    tree = dict(TS)
    tree["/app/webpack.config.js"] = (
        "const path = require('path');\nconst SRC = path.resolve(__dirname, 'src');\n"
        "module.exports = {resolve: {modules: [SRC, 'node_modules'], alias: {vue$: 'vue/dist/vue.esm.js'}}};\n"
    )
    assert decide(tree, "components/Header") == "webpack resolve.modules"
    assert decide(tree, "vue") == "webpack resolve.alias"
    assert decide(tree, "vue/other") is None  # `vue$` is an exact match
    config = configs_in(MemoryFS.from_mapping(tree), "/app", on_disk=False)
    assert config.unread == []


def test_webpack_config_kept_in_a_dot_webpack_folder() -> None:
    """openmct keeps its configs in `.webpack/` (karma loads them): their aliases answer the specs'
    imports (`import objectUtils from 'objectUtils'`)."""
    tree = dict(TS)
    tree["/app/.webpack/webpack.common.mjs"] = (
        "import path from 'node:path';\nconst projectRootDir = path.resolve(import.meta.dirname, '..');\n"
        "export default {resolve: {alias: {objectUtils: path.join(projectRootDir, 'src/utils/request.ts')}}};\n"
    )
    assert decide(tree, "objectUtils") == "webpack resolve.alias"


def test_webpack_unfollowable_modules_are_unread() -> None:
    tree = dict(TS)
    tree["/app/webpack.config.js"] = "module.exports = {resolve: {modules: [someFunction(), 'node_modules']}};"
    assert configs_in(MemoryFS.from_mapping(tree), "/app", on_disk=False).unread == ["/app/webpack.config.js"]


WEBPACK_CONFIG = """\
const path = require('path');
const webpack = require('webpack');  // not installed: the config still evaluates
const merge = require('webpack-merge');
const base = {mode: 'development', resolve: {extensions: ['.js']}};
module.exports = (env) => Object.assign({}, base, {
  plugins: [new webpack.DefinePlugin({})],
  resolve: Object.assign({}, base.resolve, {
    modules: [path.join(__dirname, 'src'), 'node_modules'],
    alias: {styles: path.resolve(__dirname, 'assets/styles'), exact$: path.resolve(__dirname, 'src/one.js')},
  }),
});
"""

ORACLE = r"""
const {ResolverFactory, CachedInputFileSystem} = require(process.argv[1]);
const fs = require('fs');
const Module = require('module');
const load = Module._load;
const stub = () => new Proxy(function () {}, {get: () => function () { return {}; }, construct: () => ({})});
Module._load = function () { try { return load.apply(this, arguments); } catch (e) { return stub(); } };
let config = require(process.argv[2]);
if (typeof config === 'function') config = config({});
const resolver = ResolverFactory.createResolver({fileSystem: new CachedInputFileSystem(fs, 4000),
  useSyncFileSystemCalls: true, ...config.resolve});
const out = {};
for (const request of JSON.parse(process.argv[4])) {
  try { out[request] = resolver.resolveSync({}, process.argv[3], request); } catch (e) { out[request] = null; }
}
process.stdout.write(JSON.stringify(out));
"""


@requires_node
@pytest.mark.skipif(not ENHANCED_RESOLVE.is_dir(), reason="run npm ci --prefix tests/node_tools")
def test_webpack_config_evaluated_with_node_agrees_with_enhanced_resolve(tmp_path: Path) -> None:
    for name, text in {
        "webpack.config.js": WEBPACK_CONFIG,
        "src/index.js": "",
        "src/one.js": "",
        "src/components/Header.js": "",
        "assets/styles/main.js": "",
        "node_modules/lodash/package.json": '{"name": "lodash", "main": "index.js"}',
        "node_modules/lodash/index.js": "",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    root = os.path.realpath(tmp_path)
    requests = ["components/Header", "styles/main", "exact", "exact/more", "lodash", "missing-thing"]
    done = subprocess.run(
        ["node", "-e", ORACLE, str(ENHANCED_RESOLVE), f"{root}/webpack.config.js", f"{root}/src", json.dumps(requests)],
        capture_output=True,
        text=True,
        check=True,
    )
    real = json.loads(done.stdout)
    resolution = ProjectResolution(DiskFS(), root, on_disk=True)
    for request in requests:
        ours = resolution.decide(request, f"{root}/src/index.js")
        resolved_by_config = real[request] is not None and "/node_modules/" not in real[request]
        assert (ours is not None) == resolved_by_config, (request, real[request], ours)


@requires_node
def test_node_path_in_env_agrees_with_node(tmp_path: Path) -> None:
    (tmp_path / "src" / "utils").mkdir(parents=True)
    (tmp_path / "src" / "utils" / "request.js").write_text("module.exports = 1;\n")
    (tmp_path / ".env").write_text("NODE_PATH=src\n")
    root = os.path.realpath(tmp_path)
    env = {"PATH": os.environ["PATH"], "NODE_PATH": f"{root}/src"}
    subprocess.run(["node", "-e", "require('utils/request')"], cwd=root, env=env, check=True)
    resolution = ProjectResolution(DiskFS(), root, on_disk=True)
    decision = resolution.decide("utils/request", f"{root}/index.js")
    assert decision is not None and decision.tool == "NODE_PATH"
    assert resolution.decide("other/x", f"{root}/index.js") is None


def test_tsconfig_catch_all_path_answers_only_existing_targets() -> None:
    tree = dict(TS)
    tree["/app/tsconfig.json"] = '{"compilerOptions": {"baseUrl": ".", "paths": {"*": ["types/*", "node_modules/*"]}}}'
    tree["/app/types/legacy-lib/index.d.ts"] = ""
    assert decide(tree, "legacy-lib", "/app/src/index.ts") == "tsconfig paths"
    assert decide(tree, "left-padz", "/app/src/index.ts") is None  # "*" alone does not make every name local


def test_module_folder_entries_are_modules_not_any_file() -> None:
    tree = dict(TS)
    tree["/app/jsconfig.json"] = '{"compilerOptions": {"baseUrl": "."}}'
    tree["/app/jest.config.js"] = "module.exports = {};"
    tree["/app/constants.js"] = ""
    assert decide(tree, "jest") is None  # jest.config.js is not `jest`
    assert decide(tree, "constants") == "tsconfig baseUrl"
    assert decide(tree, "constants/more") is None  # deeper than a file: only a folder would do
    assert decide(tree, "src/utils/request") == "tsconfig baseUrl"


def test_webpack_externals_of_page_globals_are_left_to_the_page() -> None:
    tree = dict(TS)
    tree["/app/webpack.config.js"] = "module.exports = {externals: {jquery: 'jQuery', react: 'commonjs react'}};"
    tree["/app/rollup.config.mjs"] = "export default {external: ['lodash']};"
    assert decide(tree, "jquery") == "webpack externals"
    assert decide(tree, "jquery/ui") is None  # externals match the request exactly
    assert decide(tree, "react") is None  # required at run time: the package must be there
    assert decide(tree, "lodash") is None  # a library's external is its consumers' install: declare it


def test_tsconfig_extending_a_missing_package_is_unread() -> None:
    tree = dict(TS)
    tree["/app/tsconfig.json"] = '{"extends": "@company/tsconfig/base.json"}'
    config = configs_in(MemoryFS.from_mapping(tree), "/app", on_disk=False)
    assert config.unread == ["/app/tsconfig.json"]


def test_babel_module_resolver_named_by_require_resolve() -> None:
    tree = dict(TS)
    tree["/app/babel.config.js"] = (
        "module.exports = {plugins: [[require.resolve('babel-plugin-module-resolver'), "
        "{root: ['.'], alias: {src: './src'}}]]};"
    )
    assert decide(tree, "src/utils/request") == "babel module-resolver alias"


def test_tsconfig_extends_a_workspace_package_before_install() -> None:
    # create-t3-turbo: apps/nextjs/tsconfig.json extends "@acme/tsconfig/base.json", the workspace
    # tooling/typescript; checked from the lockfile no node_modules links it yet.
    tree = {
        "/repo/apps/web/package.json": {"name": "web", "devDependencies": {"@acme/tsconfig": "workspace:*"}},
        "/repo/apps/web/tsconfig.json": (
            '{"extends": ["@acme/tsconfig/base.json"], "compilerOptions": {"paths": {"~/*": ["./src/*"]}}}'
        ),
        "/repo/apps/web/src/env.ts": "",
        "/repo/tooling/typescript/package.json": {"name": "@acme/tsconfig", "private": True},
        "/repo/tooling/typescript/base.json": '{"compilerOptions": {"moduleResolution": "Bundler"}}',
    }
    fs = MemoryFS.from_mapping(tree)
    unknown = configs_in(fs, "/repo/apps/web", on_disk=False)
    assert unknown.unread == ["/repo/apps/web/tsconfig.json"]
    known = configs_in(fs, "/repo/apps/web", on_disk=False, workspaces={"@acme/tsconfig": "/repo/tooling/typescript"})
    assert known.unread == []
    assert known.decide(fs, "~/env", "/repo/apps/web/src/a.ts") is not None
    # a workspace that does not hold the named file leaves the chain unread, as before
    tree["/repo/apps/web/tsconfig.json"] = '{"extends": "@acme/tsconfig/missing.json"}'
    fs = MemoryFS.from_mapping(tree)
    absent = configs_in(fs, "/repo/apps/web", on_disk=False, workspaces={"@acme/tsconfig": "/repo/tooling/typescript"})
    assert absent.unread == ["/repo/apps/web/tsconfig.json"]


def test_next_maps_server_only_and_client_only() -> None:
    # Next.js aliases these to next/dist/compiled/* in its webpack and Turbopack configs.
    tree: dict[str, object] = {
        "/app/src/index.ts": "",
        "/app/package.json": {"name": "app", "dependencies": {"next": "16.0.7"}},
    }
    assert decide(tree, "server-only", "/app/src/index.ts") == "Next.js built-in alias"
    assert decide(tree, "client-only", "/app/src/index.ts") == "Next.js built-in alias"
    assert decide(tree, "server-only/x", "/app/src/index.ts") is None
    tree["/app/package.json"] = {"name": "app", "dependencies": {"react": "19.1.2"}}
    assert decide(tree, "server-only", "/app/src/index.ts") is None


def test_next_maps_styled_jsx_to_its_own_copy() -> None:
    # Next.js's webpack aliases `styled-jsx$` and `styled-jsx/style$` to the styled-jsx it depends
    # on: an app router registry importing `styled-jsx` builds without declaring it.
    tree: dict[str, object] = {
        "/app/app/registry.tsx": "",
        "/app/package.json": {"name": "app", "dependencies": {"next": "15.5.9"}},
    }
    assert decide(tree, "styled-jsx", "/app/app/registry.tsx") == "Next.js built-in alias"
    assert decide(tree, "styled-jsx/style", "/app/app/registry.tsx") == "Next.js built-in alias"
    assert decide(tree, "styled-jsx/css", "/app/app/registry.tsx") is None  # only the two exact keys
    tree["/app/package.json"] = {"name": "app", "dependencies": {"react": "19.1.2"}}
    assert decide(tree, "styled-jsx", "/app/app/registry.tsx") is None


def test_next_config_requires_webpack_through_nexts_hook() -> None:
    # Checked with next 13.4.4 and 15.5.29 (no webpack installed): next's loadConfig loads a
    # next.config.js that requires `webpack` and `webpack-sources` (its require hook maps them to
    # next/dist/compiled/webpack), while `node next.config.js` throws Cannot find module 'webpack'.
    tree: dict[str, object] = {
        "/app/next.config.js": "",
        "/app/src/index.js": "",
        "/app/package.json": {"name": "app", "dependencies": {"next": "13.4.4"}},
    }
    hook = "Next.js require hook for its config"
    assert decide(tree, "webpack", "/app/next.config.js") == hook
    assert decide(tree, "webpack-sources", "/app/next.config.js") == hook
    assert decide(tree, "webpack/lib/NormalModule", "/app/next.config.ts") == hook
    assert decide(tree, "webpack/lib/Compiler", "/app/next.config.js") is None  # not in the hook's list
    assert decide(tree, "webpack", "/app/src/index.js") is None  # the hook is there only while the config loads
    assert decide(tree, "webpack", "/app/next.config.mjs") is None  # an ES module config skips require hooks
    tree["/app/package.json"] = {"name": "app", "dependencies": {"react": "19.1.2"}}
    assert decide(tree, "webpack", "/app/next.config.js") is None


WEBPACKER_YML = """default: &default
  source_path: app/javascript
  additional_paths: ['app/assets/stylesheets']
development:
  <<: *default
production:
  <<: *default
  source_path: app/frontend
"""


def test_webpacker_searches_its_source_path_and_additional_paths() -> None:
    # @rails/webpacker 5 builds resolve.modules from config/webpacker.yml: [source_path,
    # ...additional_paths, 'node_modules'] (package/environments/base.js's getModulePaths);
    # 5xTraining/donate_me's packs import "styles" and "scripts", folders of app/javascript
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"@rails/webpacker": "5.4.2"}},
        "/app/config/webpacker.yml": WEBPACKER_YML,
        "/app/app/javascript/styles/index.js": "",
        "/app/app/assets/stylesheets/theme.scss": "",
        "/app/app/frontend/widgets.js": "",
    }
    pack = "/app/app/javascript/packs/application.js"
    assert decide(tree, "styles", pack) == "webpacker"
    assert decide(tree, "theme.scss", pack) == "webpacker"
    assert decide(tree, "widgets", pack) == "webpacker"  # the production section's own source_path
    tree["/app/package.json"] = {"name": "app", "version": "1.0.0"}
    assert decide(tree, "styles", pack) is None


GATSBY_NODE = """
const path = require('path')
exports.onCreateWebpackConfig = ({ actions }) => {
  actions.setWebpackConfig({
    resolve: {
      alias: {
        Config: path.resolve(__dirname, `surveys/${process.env.EDITIONID}/config`),
        '@components': path.resolve(__dirname, 'src/components'),
      },
      modules: [path.resolve(__dirname, 'src'), 'node_modules'],
    },
  })
}
"""


def test_gatsby_node_set_webpack_config_aliases() -> None:
    # Devographics' results/gatsby-node.ts: aliases whose targets gatsby computes from the
    # environment when it builds; the names are aliases all the same, not packages
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0"},
        "/app/gatsby-node.js": GATSBY_NODE,
    }
    assert decide(tree, "Config/variables.yml") == "gatsby-node webpack resolve.alias"
    assert decide(tree, "@components/Header") == "gatsby-node webpack resolve.alias"
    assert decide(tree, "react") is None
    # a gatsby-node that hands webpack no resolve section (or is not one) adds nothing
    tree["/app/gatsby-node.js"] = "exports.createPages = async () => { const resolve = { alias: { X: 'y' } } }\n"
    assert decide(tree, "X/y") is None


def test_gatsby_plugin_alias_imports() -> None:
    config = """module.exports = {
  plugins: [
    'gatsby-plugin-react-helmet',
    { resolve: 'gatsby-plugin-alias-imports', options: { alias: { '@src': 'src', '@hooks': 'src/hooks' } } },
  ],
}
"""
    tree: dict[str, object] = {
        "/app/package.json": {"name": "app", "version": "1.0.0"},
        "/app/gatsby-config.js": config,
        "/app/src/hooks/useX.js": "",
    }
    assert decide(tree, "@hooks/useX") == "gatsby-plugin-alias-imports alias"
    assert decide(tree, "@other/x") is None
