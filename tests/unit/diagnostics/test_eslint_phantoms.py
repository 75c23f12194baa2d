"""phantom-dependency for the shareable configs, plugins and parsers an eslintrc names by string
that eslint finds from the config's folder only because another package's dependency was hoisted
there."""

from __future__ import annotations

import json

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

CODES = ["phantom-dependency", "string-module-reference"]
ESLINTRC = (
    '{\n  "root": true,\n  "extends": ["prettier"],\n  "plugins": ["prettier"],\n'
    '  "parser": "vue-eslint-parser",\n  "rules": {"prettier/prettier": "off"}\n}\n'
)
MANIFEST = {
    "name": "mech",
    "version": "1.0.0",
    "private": True,
    "scripts": {"lint": "eslint src"},
    "devDependencies": {"@vue/eslint-config-prettier": "^7.1.0", "eslint": "^8.57.1", "eslint-plugin-vue": "^9.33.0"},
}


def real_install(eslint: str = "8.57.1") -> dict[str, object]:
    """The layout npm 10 gave this project (the versions it installed), trimmed to the packages that matter."""
    return {
        "/app/package.json": MANIFEST,
        "/app/.eslintrc.json": ESLINTRC,
        "/app/src/a.js": "var x = 1;\n",
        "/app/node_modules/eslint/package.json": {"name": "eslint", "version": eslint},
        "/app/node_modules/@vue/eslint-config-prettier/package.json": {
            "name": "@vue/eslint-config-prettier",
            "version": "7.1.0",
            "dependencies": {"eslint-config-prettier": "^8.3.0", "eslint-plugin-prettier": "^4.0.0"},
        },
        "/app/node_modules/eslint-config-prettier/package.json": {
            "name": "eslint-config-prettier",
            "version": "8.10.2",
        },
        "/app/node_modules/eslint-plugin-prettier/package.json": {
            "name": "eslint-plugin-prettier",
            "version": "4.2.5",
        },
        "/app/node_modules/eslint-plugin-vue/package.json": {
            "name": "eslint-plugin-vue",
            "version": "9.33.0",
            "dependencies": {"vue-eslint-parser": "^9.4.3"},
        },
        "/app/node_modules/vue-eslint-parser/package.json": {"name": "vue-eslint-parser", "version": "9.4.3"},
    }


def findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=CODES) if item.from_]


def summary(tree: dict[str, object]) -> list[tuple[str, Severity, str, int | None, str | None]]:
    return [(item.code, item.severity, item.from_ or "", item.line, item.request) for item in findings(tree)]


def test_configs_plugins_and_parsers_found_only_through_hoisting() -> None:
    """Checked against real installs (npm 10; eslint 8.57.1, then 7.32.0, with
    @vue/eslint-config-prettier 7.1.0 and eslint-plugin-vue 9.33.0, whose dependencies
    eslint-config-prettier, eslint-plugin-prettier and vue-eslint-parser npm put at the top of
    node_modules): `eslint src` lints with this .eslintrc.json, from the project and from `/` as
    the working folder (plugins are resolved from the config's folder, not the cwd); eslint's debug
    log loads each from node_modules at the top; with each moved under the package that brought it
    (as pnpm's isolated layout keeps it) eslint stops with "couldn't find the config "prettier" to
    extend from", "couldn't find the plugin "eslint-plugin-prettier"" and "Failed to load parser
    'vue-eslint-parser'"."""
    for eslint in ("8.57.1", "7.32.0"):
        assert summary(real_install(eslint)) == [
            ("phantom-dependency", Severity.WARNING, ".eslintrc.json", 3, "prettier"),
            ("phantom-dependency", Severity.WARNING, ".eslintrc.json", 4, "prettier"),
            ("phantom-dependency", Severity.WARNING, ".eslintrc.json", 5, "vue-eslint-parser"),
        ]
    config, plugin, parser = findings(real_install())
    assert config.message.startswith(
        "`prettier` (package `eslint-config-prettier`) is an eslint config named by string in .eslintrc.json; "
        "eslint finds it from the config's folder only through hoisting: `mech@1.0.0` does not declare it "
        "(installed at node_modules/eslint-config-prettier, a dependency of @vue/eslint-config-prettier@7.1.0)"
    )
    assert "eslint plugin" in plugin.message and "eslint-plugin-prettier" in plugin.message
    assert parser.fix == 'declare it: "vue-eslint-parser": "^9.4.3" in the devDependencies of package.json'


def test_declared_absent_and_espree_are_not_phantoms() -> None:
    """A declared name is no phantom; one found nowhere is string-module-reference's error; `parser:
    "espree"` is eslint's own (@eslint/eslintrc falls back to its espree: eslint 8.57.1 and 7.32.0
    lint with it when the config's folder has no espree)."""
    declared = {**MANIFEST, "devDependencies": {**MANIFEST["devDependencies"], "vue-eslint-parser": "^9"}}
    assert [item.request for item in findings({**real_install(), "/app/package.json": declared})] == [
        "prettier",
        "prettier",
    ]
    gone = {key: value for key, value in real_install().items() if "vue-eslint-parser" not in key}
    assert [(item.code, item.severity, item.request) for item in findings(gone)][-1] == (
        "string-module-reference",
        Severity.ERROR,
        "vue-eslint-parser",
    )
    espree = {**real_install(), "/app/.eslintrc.json": '{\n  "parser": "espree"\n}\n'}
    espree["/app/node_modules/eslint/node_modules/espree/package.json"] = {"name": "espree", "version": "9.6.1"}
    assert findings(espree) == []


def test_configs_no_eslint_7_or_8_run_reads() -> None:
    """Nothing works by accident where no eslint run reads the eslintrc: eslint only hoisted from
    another package (the owner declares none), eslint 9 (flat config by default), eslint 6 (plugins
    from the working folder), an eslint.config.js beside it (eslint 8.57 runs with it), or an
    override whose `files` no file of the project meets."""
    tree = real_install()
    undeclared = {**MANIFEST, "devDependencies": {"@vue/eslint-config-prettier": "^7.1.0"}}
    assert findings({**tree, "/app/package.json": undeclared}) == []
    assert findings(real_install("9.39.1")) == []
    assert findings(real_install("6.8.0")) == []
    assert findings({**tree, "/app/eslint.config.js": "module.exports = [];\n"}) == []
    override = '{\n  "overrides": [{"files": ["*.vue"], "parser": "vue-eslint-parser"}]\n}\n'
    assert findings({**tree, "/app/.eslintrc.json": override}) == []
    assert [item.request for item in findings({**tree, "/app/.eslintrc.json": override, "/app/src/b.vue": ""})] == [
        "vue-eslint-parser"
    ]


def test_package_json_eslint_config_and_the_first_eslintrc() -> None:
    """package.json's `eslintConfig` is read when the folder has no .eslintrc*; of several
    .eslintrc files eslint reads the first in its order (.eslintrc.js before .eslintrc.json)."""
    tree = {key: value for key, value in real_install().items() if key != "/app/.eslintrc.json"}
    manifest = json.dumps({**MANIFEST, "eslintConfig": {"extends": ["prettier"]}}, indent=2)
    line = manifest.splitlines().index('      "prettier"') + 1
    assert summary({**tree, "/app/package.json": manifest}) == [
        ("phantom-dependency", Severity.WARNING, "package.json", line, "prettier")
    ]
    both = {**real_install(), "/app/.eslintrc.js": "module.exports = {\n  extends: ['prettier'],\n};\n"}
    assert summary(both) == [("phantom-dependency", Severity.WARNING, ".eslintrc.js", 2, "prettier")]


def test_react_scripts_resolves_plugins_from_its_own_folder() -> None:
    """react-scripts 4.0.3 and 5.0.1 lint with eslint-webpack-plugin, which reads the project's
    eslintrc but passes `resolvePluginsRelativeTo: __dirname` (react-scripts/config): plugins come
    from there, a config's `extends` and `parser` still from the config's folder (eslint 8.57.1's
    ESLint class with resolvePluginsRelativeTo=/tmp: the plugin is not found, the extends and parser
    are). `extends: ["react-app"]` is the template's, eslint-config-react-app react-scripts' own."""
    tree: dict[str, object] = {
        "/app/package.json": {
            "name": "cra",
            "version": "0.1.0",
            "dependencies": {"react-scripts": "5.0.1"},
            "eslintConfig": {"extends": ["react-app"], "plugins": ["react"]},
        },
        "/app/src/index.js": "",
        "/app/node_modules/react-scripts/package.json": {
            "name": "react-scripts",
            "version": "5.0.1",
            "dependencies": {"eslint": "^8.3.0", "eslint-config-react-app": "^7.0.1"},
        },
        "/app/node_modules/eslint/package.json": {"name": "eslint", "version": "8.57.1"},
        "/app/node_modules/eslint-config-react-app/package.json": {
            "name": "eslint-config-react-app",
            "version": "7.0.1",
            "dependencies": {"eslint-plugin-react": "^7.27.1"},
        },
        "/app/node_modules/eslint-plugin-react/package.json": {"name": "eslint-plugin-react", "version": "7.37.5"},
    }
    assert [item.request for item in findings(tree)] == ["react-app"]
    old = {**tree, "/app/node_modules/react-scripts/package.json": {"name": "react-scripts", "version": "3.4.4"}}
    assert findings(old) == []  # react-scripts 3 reads no eslintrc unless EXTEND_ESLINT=true


def test_pnpm_public_hoist_pattern_puts_eslint_names_at_the_top_by_design() -> None:
    """pnpm up to 9 hoists *eslint* and *prettier* into the project's node_modules by default
    (public-hoist-pattern): a name it puts there is not there by accident; shamefully-hoist is."""
    store = "/app/node_modules/.pnpm"
    tree: dict[str, object] = {
        "/app/package.json": {**MANIFEST, "packageManager": "pnpm@8.15.9"},
        "/app/.eslintrc.json": '{\n  "extends": ["prettier"]\n}\n',
        "/app/node_modules/.modules.yaml": "nodeLinker: isolated\n",
        "/app/node_modules/eslint": symlink(".pnpm/eslint@8.57.1/node_modules/eslint"),
        "/app/node_modules/@vue/eslint-config-prettier": symlink(
            "../.pnpm/@vue+eslint-config-prettier@7.1.0/node_modules/@vue/eslint-config-prettier"
        ),
        "/app/node_modules/eslint-config-prettier": symlink(
            ".pnpm/eslint-config-prettier@8.10.2/node_modules/eslint-config-prettier"
        ),
        f"{store}/eslint@8.57.1/node_modules/eslint/package.json": {"name": "eslint", "version": "8.57.1"},
        f"{store}/@vue+eslint-config-prettier@7.1.0/node_modules/@vue/eslint-config-prettier/package.json": {
            "name": "@vue/eslint-config-prettier",
            "version": "7.1.0",
            "dependencies": {"eslint-config-prettier": "^8.3.0"},
        },
        f"{store}/@vue+eslint-config-prettier@7.1.0/node_modules/eslint-config-prettier": symlink(
            "../../eslint-config-prettier@8.10.2/node_modules/eslint-config-prettier"
        ),
        f"{store}/eslint-config-prettier@8.10.2/node_modules/eslint-config-prettier/package.json": {
            "name": "eslint-config-prettier",
            "version": "8.10.2",
        },
    }
    assert findings(tree) == []
    shameful = {**tree, "/app/.npmrc": "shamefully-hoist=true\npublic-hoist-pattern[]=nothing\n"}
    assert [item.request for item in findings(shameful)] == ["prettier"]


def test_resolve_plugins_relative_to_moves_only_the_plugins() -> None:
    """`eslint --resolve-plugins-relative-to DIR` resolves plugins from DIR; a config's `extends` and
    `parser` still from the config's folder (eslint 8.57.1 and 7.32.0's ESLint class with
    resolvePluginsRelativeTo=/tmp on the project above: "Failed to load plugin 'prettier'", and the
    config without its plugin lints)."""
    manifest = {**MANIFEST, "scripts": {"lint": "eslint --resolve-plugins-relative-to ./tools src"}}
    assert [
        item.message.split(" is ")[1][:16] for item in findings({**real_install(), "/app/package.json": manifest})
    ] == [
        "an eslint config",
        "an eslint parser",
    ]


def test_yaml_eslintrc_files_are_read() -> None:
    """eslint reads .eslintrc.yaml/.yml, and a legacy .eslintrc written in YAML, like the JSON ones
    (eslint 8.57.1 on the project above with this file as .eslintrc.yml, then as .eslintrc: it lints,
    and with eslint-config-prettier moved away "couldn't find the config "prettier" to extend from ...
    referenced from the config file in .../.eslintrc.yml"). Before, a YAML eslintrc was not read."""
    yml = 'root: true\nextends:\n  - prettier\nplugins: [prettier]\nparser: "vue-eslint-parser"\n'
    tree = {key: value for key, value in real_install().items() if key != "/app/.eslintrc.json"}
    expected = [(3, "prettier"), (4, "prettier"), (5, "vue-eslint-parser")]
    for name in (".eslintrc.yml", ".eslintrc.yaml", ".eslintrc"):
        assert [(item.line, item.request) for item in findings({**tree, f"/app/{name}": yml})] == expected
    [config, plugin, _parser] = findings({**tree, "/app/.eslintrc.yml": yml})
    assert (config.column, plugin.column) == (5, 11)
    assert "eslint config" in config.message and "eslint plugin" in plugin.message
    # the first of eslint's names in a folder: a .eslintrc.yml before a .eslintrc.json
    json_too = {**tree, "/app/.eslintrc.yml": "extends: prettier\n", "/app/.eslintrc.json": ESLINTRC}
    assert [(item.from_, item.request) for item in findings(json_too)] == [(".eslintrc.yml", "prettier")]


def test_only_the_first_eslintrc_of_a_folder_is_checked() -> None:
    """eslint reads the first of .eslintrc.js, .cjs, .yaml, .yml, .json, .eslintrc in a folder and
    no other (@eslint/eslintrc's configFilenames; eslint 8.57.1 on the project above lints with a
    .eslintrc.js or a .eslintrc.yml beside an .eslintrc.json extending "nowhere", and fails on it
    alone): a name only a later file gives is no error."""
    tree = real_install()
    tree["/app/.eslintrc.js"] = "module.exports = {\n  root: true,\n};\n"
    tree["/app/.eslintrc.json"] = '{\n  "extends": ["nowhere"]\n}\n'
    assert findings(tree) == []
    del tree["/app/.eslintrc.js"]
    assert [(item.code, item.severity) for item in findings(tree)] == [("string-module-reference", Severity.ERROR)]
