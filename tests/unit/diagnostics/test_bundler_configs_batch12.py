"""unresolvable-import in projects whose bundler (rspack, rsbuild, rslib, webpack) serves or maps
requests by its own config, and in files nothing here runs (field batch 12, 2026-12-06)."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.package_code import PackageCode
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

CODES = ["phantom-dependency", "unresolvable-import"]
_TOOLS = ("@rspack/core", "@module-federation/rsbuild-plugin", "@rsbuild/core")
APP: dict[str, object] = {
    "/app/package.json": {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"react": "^18"},
        "devDependencies": dict.fromkeys(_TOOLS, "^1"),
    },
    "/app/node_modules/react/package.json": {"name": "react", "version": "18.2.0"},
    **{f"/app/node_modules/{name}/package.json": {"name": name, "version": "1.0.0"} for name in _TOOLS},
}


def findings(extra: dict[str, object], base: dict[str, object] = APP) -> list[Finding]:
    fs = MemoryFS.from_mapping({**base, **extra})
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=CODES) if item.from_]


_MF_CONFIG = """const { ModuleFederationPlugin } = require('@rspack/core').container;
module.exports = {
  plugins: [
    new ModuleFederationPlugin({
      name: 'app',
      remotes: {
        'mfe-b': 'mfeBBB@http://localhost:8081/mfeBBB.js',
        Rspack_MF_v1: 'Rspack_MF_v1@http://localhost:8080/Rspack_MF_v1.js',
      },
      exposes: { './Widget': './src/Widget' },
      shared: { react: { singleton: true } },
    }),
  ],
};
"""


def test_a_module_federation_remote_is_served_by_the_bundler_not_node_modules() -> None:
    """rspack-examples' module-federation-v1/app (rspack 1.2, webpack 5's ModuleFederationPlugin API):
    `import('mfe-b/Component')` loads the module that the remote container `mfe-b` exposes, fetched
    at run time; webpack and rspack match the remote's key as a prefix of the request before any
    node_modules lookup (ContainerReferencePlugin)."""
    tree = {
        "/app/rspack.config.js": _MF_CONFIG,
        "/app/src/App.js": (
            "import React from 'react';\nconst B = React.lazy(() => import('mfe-b/Component'));\n"
            "const V = React.lazy(() => import('Rspack_MF_v1/Component'));\n"
        ),
    }
    found = findings(tree)
    assert [(item.request, item.severity) for item in found] == [
        ("mfe-b/Component", Severity.INFO),
        ("Rspack_MF_v1/Component", Severity.INFO),
    ]
    assert "a module federation remote of the bundler config in rspack.config.js" in found[0].message
    assert found[0].fix is not None and "nothing to install" in found[0].fix


def test_a_name_that_is_not_a_remote_key_stays_an_error() -> None:
    """Only the remotes' own keys count: a key of `shared` or `exposes`, or a remote's value, is no
    remote name."""
    tree = {
        "/app/rspack.config.js": _MF_CONFIG,
        "/app/src/App.js": "import a from 'singleton/x';\nimport b from 'mfeBBB/y';\nimport c from 'Widget/z';\n",
    }
    assert [(item.request, item.severity) for item in findings(tree)] == [
        ("singleton/x", Severity.ERROR),
        ("mfeBBB/y", Severity.ERROR),
        ("Widget/z", Severity.ERROR),
    ]


def test_remotes_of_an_rsbuild_plugin_and_of_the_storybook_addon() -> None:
    """@module-federation/rsbuild-plugin's `pluginModuleFederation({remotes})` in rsbuild.config.ts,
    a `remotes` object in module-federation.config.ts, and the storybook addon's options in
    .storybook/main.ts (rslib's examples/module-federation/mf-react-component)."""
    tree = {
        "/app/rsbuild.config.ts": (
            "import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';\n"
            "export default { plugins: [pluginModuleFederation({ name: 'c', remotes: {\n"
            "  federation_provider: 'federation_provider@http://localhost:3000/mf-manifest.json' } })] };\n"
        ),
        "/app/module-federation.config.ts": "export const mf = { name: 'host', remotes: { remote: 'remote@x' } };\n",
        "/app/.storybook/main.ts": (
            "export default { addons: [{ name: '@module-federation/storybook-addon/preset',\n"
            "  options: { remotes: {\n"
            "    'rslib-module': 'rslib-module@http://localhost:3001/mf/mf-manifest.json' } } }] };\n"
        ),
        "/app/src/App.tsx": (
            "import B from 'federation_provider/button';\nimport R from 'remote/Button';\n"
            "import M from 'rslib-module';\nexport default [B, R, M];\n"
        ),
    }
    assert {(item.request, item.severity) for item in findings(tree)} == {
        ("federation_provider/button", Severity.INFO),
        ("remote/Button", Severity.INFO),
        ("rslib-module", Severity.INFO),
    }


def test_the_scope_of_a_dll_reference_is_served_from_the_dll() -> None:
    """`new DllReferencePlugin({manifest, scope: 'beta'})`: webpack (and rspack) map `beta/b` to the
    module `./b` of the DLL manifest (DelegatedModuleFactoryPlugin's scope), never node_modules."""
    tree = {
        "/app/rspack.config.js": (
            "const { rspack } = require('@rspack/core');\nmodule.exports = { plugins: [\n"
            "  new rspack.DllReferencePlugin({ manifest: require('./beta.manifest.json'), scope: 'beta' }),\n] };\n"
        ),
        "/app/index.js": "import b from 'beta/b';\nimport g from 'gamma/b';\n",
    }
    assert [(item.request, item.severity) for item in findings(tree)] == [
        ("beta/b", Severity.INFO),
        ("gamma/b", Severity.ERROR),
    ]


_PREACT = {
    "/app/package.json": {"name": "app", "version": "1.0.0", "dependencies": {"preact": "^10"}},
    "/app/node_modules/preact/package.json": {"name": "preact", "version": "10.26.0"},
    # another example of the monorepo installs react; pnpm does not link it here
    "/app/node_modules/.pnpm/react@18.3.1/node_modules/react/package.json": {"name": "react", "version": "18.3.1"},
}


def test_the_alias_of_an_rspack_config_answers_the_import() -> None:
    """rspack-examples' rspack/preact: rspack.config.js maps `react` and `react-dom` to
    preact/compat (webpack's `resolve.alias`, which rspack takes as it is); `rspack build` reads
    rspack.config.js by default. Without the config the import is an error."""
    config = (
        "module.exports = { entry: './src/index.jsx', resolve: { alias: {\n"
        "  react: 'preact/compat', 'react-dom/test-utils': 'preact/test-utils', 'react-dom': 'preact/compat' } } };\n"
    )
    code = "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\n"
    assert findings({"/app/rspack.config.js": config, "/app/src/index.jsx": code}, _PREACT) == []
    assert [item.severity for item in findings({"/app/src/index.jsx": code}, _PREACT)] == [Severity.ERROR] * 2


def test_a_virtual_module_of_an_rsbuild_configs_plugins_is_a_note() -> None:
    """rspack-examples' rsbuild/react-unocss: `import 'uno.css'` is served by UnoCSSRspackPlugin,
    which rsbuild.config.ts adds under tools.rspack.plugins; as for a vite config's plugins, whether
    a plugin answers it cannot be decided from the files."""
    config = (
        "import { defineConfig } from '@rsbuild/core';\n"
        "import { UnoCSSRspackPlugin } from '@unocss/webpack/rspack';\n"
        "export default defineConfig({ tools: { rspack: { plugins: [UnoCSSRspackPlugin({})] } } });\n"
    )
    base = {
        **APP,
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "dependencies": {"react": "^18"},
            "devDependencies": {"@rsbuild/core": "^1", "@unocss/webpack": "^0.65"},
        },
        "/app/node_modules/@unocss/webpack/package.json": {"name": "@unocss/webpack", "version": "0.65.4"},
    }
    code = "import 'uno.css';\nimport React from 'react';\n"
    [note] = findings({"/app/rsbuild.config.ts": config, "/app/src/index.tsx": code}, base)
    assert (note.request, note.severity) == ("uno.css", Severity.INFO)
    assert "plugins of rsbuild.config.ts may provide it" in note.message
    [error] = findings({"/app/src/index.tsx": code}, base)
    assert error.severity is Severity.ERROR


def test_the_alias_of_an_rsbuild_config_answers_the_import() -> None:
    """rsbuild's `resolve.alias` (and the older `source.alias`), relative to the project."""
    config = "export default { resolve: { alias: { '@common': './src/common' } } };\n"
    tree = {
        "/app/rsbuild.config.ts": config,
        "/app/src/index.ts": "import { x } from '@common/x';\nexport { x };\n",
        "/app/src/common/x.ts": "export const x = 1;\n",
    }
    assert findings(tree) == []


def _examples(example: dict[str, object], root_dev: dict[str, str] | None = None) -> dict[str, object]:
    return {
        "/app/package.json": {
            "name": "examples",
            "version": "1.0.0",
            "private": True,
            "workspaces": ["cra"],
            "scripts": {"build:rspack": "pnpm --filter 'example-*' build", "test:rspack": "pnpm -r test"},
            "devDependencies": root_dev or {},
        },
        "/app/cra/package.json": example,
        "/app/node_modules/.pnpm/react@19.0.0/node_modules/react/package.json": {"name": "react", "version": "19.0.0"},
        "/app/cra/src/App.test.js": "import { render } from '@testing-library/react';\n",
        "/app/cra/src/setupTests.js": "import '@testing-library/jest-dom';\n",
        "/app/cra/src/App.js": "import '@testing-library/user-event';\n",
    }


_CRA = {
    "name": "example-cra-app",
    "version": "0.1.0",
    "scripts": {"build": "rspack build", "dev": "rspack serve"},
    "dependencies": {"react": "^19.0.0"},
}


def test_test_files_of_a_workspace_nothing_tests_are_notes() -> None:
    """rspack-examples' rspack/cra: create-react-app's App.test.js and setupTests.js kept in an
    example built with rspack, with no test script and no runner anywhere in the workspace or the
    root; `pnpm -r test` skips a package without a test script (pnpm 10.34.8). Nothing loads them;
    the same import in App.js, which the build bundles, stays an error."""
    found = {(item.from_, item.severity) for item in findings({}, _examples(_CRA))}
    assert found == {
        ("cra/src/App.test.js", Severity.INFO),
        ("cra/src/setupTests.js", Severity.INFO),
        ("cra/src/App.js", Severity.ERROR),
    }


def test_test_files_stay_errors_where_a_runner_or_a_test_script_is_there() -> None:
    with_script = {**_CRA, "scripts": {**_CRA["scripts"], "test": "node --test"}}  # type: ignore[dict-item]
    # setupTests.js runs only under react-scripts' jest config (or where a test config names it):
    # node --test, jest and vitest with configs that do not name it never load it
    for tree, setup_runs in (
        (_examples(with_script), False),
        (_examples(_CRA, root_dev={"jest": "^29"}), False),
        (_examples({**_CRA, "devDependencies": {"react-scripts": "5.0.1"}}), True),
        ({**_examples(_CRA), "/app/cra/vitest.config.ts": "export default {};\n"}, False),
    ):
        errors = {item.from_ for item in findings({}, tree) if item.severity is Severity.ERROR}
        assert errors == {"cra/src/App.test.js", "cra/src/App.js"} | (
            {"cra/src/setupTests.js"} if setup_runs else set()
        )


def _suite(test_file: str) -> dict[str, object]:
    return {
        "/app/package.json": {"name": "lib", "version": "1.0.0", "workspaces": ["tests/integration/*/*"]},
        "/app/node_modules/react/package.json": {"name": "react", "version": "18.2.0"},
        "/app/node_modules/wasm-external-package-test": symlink("../tests/integration/wasm/external-package"),
        "/app/tests/integration/wasm/index.test.ts": test_file,
        "/app/tests/integration/wasm/external-package/package.json": {
            "name": "wasm-external-package-test",
            "version": "1.0.0",
            "private": True,
        },
        "/app/tests/integration/wasm/external-package/rslib.config.ts": "export default { lib: [] };\n",
        "/app/tests/integration/wasm/external-package/src/index.js": (
            "import { add } from 'missing-wasm-package/add.wasm';\nexport { add };\n"
        ),
    }


def test_a_workspace_a_test_above_builds_by_path_is_a_case_of_the_suite() -> None:
    """rslib's tests/integration/wasm/external-package (a workspace below the repository's tests
    folder): index.test.ts beside it builds it with `join(__dirname, 'external-package')` and
    expects `missing-wasm-package` to stay unresolved in the output; nothing runs the case's code."""
    built = "import { join } from 'node:path';\nconst fixturePath = join(__dirname, 'external-package');\n"
    [note] = findings({}, _suite(built))
    assert note.severity is Severity.INFO
    assert "is a case that tests/integration/wasm/index.test.ts builds or runs" in note.message
    resolved = "const fixturePath = path.resolve(__dirname, './external-package');\n"
    assert [item.severity for item in findings({}, _suite(resolved))] == [Severity.INFO]


def test_a_workspace_below_tests_that_no_test_names_stays_an_error() -> None:
    """Only a test that names the case's folder makes it the suite's case; an import of the case's
    code from the test (`from './external-package/src'`) is code, not a path named."""
    imported = "import { add } from './external-package/src/index.js';\n"
    assert [item.severity for item in findings({}, _suite(imported))] == [Severity.ERROR]
    assert [item.severity for item in findings({}, _suite("const x = 1;\n"))] == [Severity.ERROR]


_BABEL_APP: dict[str, object] = {
    "/app/package.json": {
        "name": "app",
        "version": "1.0.0",
        "dependencies": {"@mui/material": "^5"},
        "devDependencies": {"@babel/core": "^7", "@babel/plugin-transform-runtime": "^7"},
    },
    "/app/babel.config.js": "module.exports = { plugins: ['@babel/plugin-transform-runtime'] };\n",
    "/app/lib/app.js": "export class App {}\n",
    "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.24.5"},
    "/app/node_modules/@babel/plugin-transform-runtime/package.json": {
        "name": "@babel/plugin-transform-runtime",
        "version": "7.24.3",
    },
    "/app/node_modules/@mui/material/package.json": {
        "name": "@mui/material",
        "version": "5.15.16",
        "dependencies": {"@babel/runtime": "^7.23.9"},
    },
    "/app/node_modules/@babel/runtime/package.json": {"name": "@babel/runtime", "version": "7.24.1"},
}


def test_the_runtime_transform_runtime_injects_is_a_phantom_when_only_hoisting_brings_it() -> None:
    """simplenote-electron: babel 7.24.5 with its babel.config.js compiles lib/app.tsx to code that
    requires @babel/runtime/helpers/defineProperty; node finds it only at node_modules/@babel/runtime,
    hoisted by npm 11 from @mui/material and others (`npm explain @babel/runtime`)."""
    [finding] = findings({}, _BABEL_APP)
    assert (finding.code, finding.severity, finding.from_, finding.line) == (
        "phantom-dependency",
        Severity.WARNING,
        "babel.config.js",
        1,
    )
    assert finding.message.startswith(
        "`@babel/runtime` is required by the helpers that @babel/plugin-transform-runtime (babel.config.js)"
        " injects into the code of `app@1.0.0`, but not declared (installed at node_modules/@babel/runtime,"
        " a dependency of @mui/material@5.15.16)"
    )
    assert finding.fix == 'add "@babel/runtime": "^7.24.1" to dependencies in package.json'


def test_no_finding_when_the_runtime_is_declared_or_babel_is_not_installed() -> None:
    declared = {**_BABEL_APP["/app/package.json"], "dependencies": {"@mui/material": "^5", "@babel/runtime": "^7"}}  # type: ignore[dict-item]
    assert findings({"/app/package.json": declared}, _BABEL_APP) == []
    without_babel = {key: value for key, value in _BABEL_APP.items() if "@babel/core" not in key}
    assert findings({}, without_babel) == []


_AMBIENT = """declare module "@theme/ApiPage" {
  import type { ApiRoute } from "@theme/ApiItem";
  import type { PropApiMetadata } from "docusaurus-plugin-openapi";
  export interface Props { route: ApiRoute; meta: PropApiMetadata }
}
declare module "@theme/ApiItem" {
  export interface ApiRoute { path: string }
}
declare module "*.svg" {
  const url: string;
  export default url;
}
"""


def test_a_type_import_of_a_module_the_package_declares_ambiently_is_answered() -> None:
    """docusaurus-openapi-docs' plugin-openapi.d.ts: `import type ... from "@theme/ApiItem"` inside
    `declare module "@theme/ApiPage"`, with `declare module "@theme/ApiItem"` in the same file. tsc
    5.9.3 takes the ambient declaration and reports TS2307 only for `docusaurus-plugin-openapi`,
    which nothing declares. A value import still needs a module at run time: it stays reported (a
    note here, since other code of the package names it)."""
    tree = {
        "/app/src/plugin.d.ts": _AMBIENT,
        "/app/src/index.ts": (
            'import type { Props } from "@theme/ApiItem";\nimport type Icon from "@icons/logo.svg";\n'
            'import { run } from "@theme/ApiItem";\nexport const props: Props | null = run(Icon);\n'
        ),
    }
    found = {(item.from_, item.request, item.severity) for item in findings(tree)}
    assert found == {
        ("src/plugin.d.ts", "docusaurus-plugin-openapi", Severity.WARNING),
        ("src/index.ts", "@theme/ApiItem", Severity.INFO),
    }


def test_a_package_requiring_electron_is_no_phantom_that_a_layout_breaks() -> None:
    """drawio-desktop installed by yarn 1.22.22: electron-dl, electron-store and electron-updater
    require `electron` without declaring it. Electron answers that request itself whatever
    node_modules holds (its lib/common/reset-search-paths patches Module._resolveFilename to return
    its API for `electron`), so pnpm's isolated layout breaks nothing: a note, not a warning. Another
    undeclared require of the same package stays a warning."""
    tree = {
        "/app/package.json": {
            "name": "app",
            "version": "1.0.0",
            "dependencies": {"electron-dl": "^4"},
            "devDependencies": {"electron": "^31"},
        },
        "/app/node_modules/electron/package.json": {"name": "electron", "version": "31.3.0", "main": "index.js"},
        "/app/node_modules/electron/index.js": "module.exports = 'path';\n",
        "/app/node_modules/ms/package.json": {"name": "ms", "version": "2.1.3"},
        "/app/node_modules/ms/index.js": "module.exports = 1;\n",
        "/app/node_modules/electron-dl/package.json": {"name": "electron-dl", "version": "4.0.0", "main": "index.js"},
        "/app/node_modules/electron-dl/index.js": "const { app } = require('electron');\nconst ms = require('ms');\n",
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    context = CheckContext(graph=graph, fs=fs, package_code=PackageCode(fs))
    found = {
        (item.request, item.severity)
        for item in run_checks(context, select=["phantom-dependency"])
        if item.from_ == "node_modules/electron-dl/index.js"
    }
    assert found == {("electron", Severity.INFO), ("ms", Severity.WARNING)}
