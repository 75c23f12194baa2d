"""phantom-dependency for babel presets and plugins named by string that babel finds from the
config's folder only because another package's dependency was hoisted there."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.sources.config_refs import Tool, config_refs, package_json_refs
from nmdoctor.vfs import MemoryFS

CODES = ["phantom-dependency", "string-module-reference"]
BABELRC = (
    '{\n  "presets": ["@babel/react"],\n  "plugins": [\n    ["@babel/transform-react-jsx", {"pragma": "h"}]\n  ]\n}\n'
)
MANIFEST = {
    "name": "jsx-app",
    "version": "1.0.0",
    "private": True,
    "scripts": {"build": "babel src -d lib"},
    "devDependencies": {"@babel/cli": "7.25.9", "@babel/core": "7.26.0", "@babel/preset-react": "7.25.9"},
}
# The layout npm 10 gave this project (the versions it installed), trimmed to the packages that matter.
REAL_INSTALL: dict[str, object] = {
    "/app/package.json": MANIFEST,
    "/app/.babelrc": BABELRC,
    "/app/src/a.jsx": "export const x = <div/>;\n",
    "/app/node_modules/@babel/core/package.json": {"name": "@babel/core", "version": "7.26.0"},
    "/app/node_modules/@babel/cli/package.json": {"name": "@babel/cli", "version": "7.25.9"},
    "/app/node_modules/@babel/preset-react/package.json": {
        "name": "@babel/preset-react",
        "version": "7.25.9",
        "dependencies": {"@babel/plugin-transform-react-jsx": "^7.25.9"},
    },
    "/app/node_modules/@babel/plugin-transform-react-jsx/package.json": {
        "name": "@babel/plugin-transform-react-jsx",
        "version": "7.29.17",
    },
}


def findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=CODES) if item.from_]


def test_a_plugin_a_declared_preset_brings_is_a_phantom_of_the_config() -> None:
    """Checked against a real install (npm 10, @babel/cli 7.25.9, @babel/core 7.26.0,
    @babel/preset-react 7.25.9, which brought @babel/plugin-transform-react-jsx 7.29.17 to the top of
    node_modules): `babel src -d lib` compiles with this .babelrc, `require.resolve` of the plugin from
    the project's folder gives node_modules/@babel/plugin-transform-react-jsx, and with the plugin moved
    under the preset's own node_modules (as pnpm's isolated layout keeps it) babel stops with "Cannot
    find package '@babel/plugin-transform-react-jsx'". `@babel/transform-react-jsx` is babel's short
    form of that name (babeljs.io, name normalization); `@babel/react` is the declared preset."""
    [finding] = findings(REAL_INSTALL)
    assert (finding.code, finding.severity, finding.from_, finding.line, finding.request) == (
        "phantom-dependency",
        Severity.WARNING,
        ".babelrc",
        4,
        "@babel/transform-react-jsx",
    )
    assert finding.message.startswith(
        "`@babel/transform-react-jsx` (package `@babel/plugin-transform-react-jsx`) is a babel plugin named by "
        "string in .babelrc; babel finds it from the config's folder only through hoisting: `jsx-app@1.0.0` does "
        "not declare it (installed at node_modules/@babel/plugin-transform-react-jsx, a dependency of "
        "@babel/preset-react@7.25.9)"
    )
    assert finding.fix == (
        'declare it: "@babel/plugin-transform-react-jsx": "^7.29.17" in the devDependencies of package.json'
    )


def test_no_phantom_when_declared_absent_or_nothing_reads_the_config() -> None:
    declared = {
        **MANIFEST,
        "devDependencies": {**MANIFEST["devDependencies"], "@babel/plugin-transform-react-jsx": "^7"},
    }  # type: ignore[dict-item]
    assert findings({**REAL_INSTALL, "/app/package.json": declared}) == []
    # found nowhere: string-module-reference's error (babel throws), not a phantom
    gone = {key: value for key, value in REAL_INSTALL.items() if "plugin-transform-react-jsx" not in key}
    assert [(item.code, item.severity) for item in findings(gone)] == [("string-module-reference", Severity.ERROR)]
    # @babel/core alone (a tool calling it with its own options): nothing reads .babelrc
    unread = {key: value for key, value in REAL_INSTALL.items() if "@babel/cli" not in key}
    unread["/app/package.json"] = {**MANIFEST, "scripts": {}}
    assert [item.code for item in findings(unread)] == []


def test_package_json_babel_and_babel_config_js_are_read() -> None:
    """package.json's `babel` key and a babel.config.js are read like a .babelrc; a `module:` name
    is taken as it is."""
    manifest = {**MANIFEST, "babel": {"presets": ["@babel/react"], "plugins": ["@babel/transform-react-jsx"]}}
    tree = {key: value for key, value in REAL_INSTALL.items() if key != "/app/.babelrc"}
    [finding] = findings({**tree, "/app/package.json": manifest})
    assert (finding.from_, finding.request) == ("package.json", "@babel/transform-react-jsx")
    script = "module.exports = {\n  presets: ['module:@babel/plugin-transform-react-jsx'],\n};\n"
    [finding] = findings({**tree, "/app/babel.config.js": script})
    assert (finding.from_, finding.line, finding.request) == (
        "babel.config.js",
        2,
        "module:@babel/plugin-transform-react-jsx",
    )


def test_json_babel_configs_carry_line_numbers() -> None:
    """A .babelrc is read as data: each name is placed at the line and column where the file writes
    it; one name given as both a preset and a plugin is placed at each of its two places."""
    refs = config_refs(BABELRC.encode(), ".babelrc")
    assert [(ref.name, ref.tool, ref.line, ref.column) for ref in refs] == [
        ("@babel/react", Tool.BABEL_PRESET, 2, 16),
        ("@babel/transform-react-jsx", Tool.BABEL_PLUGIN, 4, 7),
    ]
    twice = b'{\n  "presets": ["x"],\n  "plugins": ["x"]\n}\n'
    assert [(ref.tool, ref.line) for ref in config_refs(twice, "babel.config.json")] == [
        (Tool.BABEL_PRESET, 2),
        (Tool.BABEL_PLUGIN, 3),
    ]
    # package.json keeps its own placement (after the section's key)
    text = b'{\n  "devDependencies": {"x": "1"},\n  "babel": {\n    "presets": ["x"]\n  }\n}\n'
    [ref] = package_json_refs({"babel": {"presets": ["x"]}}, text)
    assert ref.line == 4


def test_a_key_of_the_same_name_is_not_the_place() -> None:
    """`"env": {...}` before `"presets": ["env"]`: the name is placed at the string in the list."""
    text = b'{\n  "env": {"test": {}},\n  "presets": ["env"]\n}\n'
    [ref] = config_refs(text, ".babelrc")
    assert (ref.name, ref.line) == ("env", 3)
