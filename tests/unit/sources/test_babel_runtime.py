"""The runtime package @babel/plugin-transform-runtime makes compiled code require, read from the
babel configs of a folder (field batch 12: Automattic/simplenote-electron's babel.config.js)."""

from __future__ import annotations

from nmdoctor.sources.babel_runtime import runtime_loads
from nmdoctor.vfs import MemoryFS

_SIMPLENOTE = """module.exports = function (api) {
  api.cache(true);
  const presets = [['@babel/preset-env', { corejs: '3', useBuiltIns: 'entry' }], '@babel/preset-react'];
  const plugins = [
    '@babel/plugin-syntax-dynamic-import',
    '@babel/plugin-transform-runtime',
  ];
  return { presets, plugins };
};
"""


def _runtimes(files: dict[str, object]) -> list[tuple[str, str, int]]:
    fs = MemoryFS.from_mapping(files)
    return [(path, site.specifier, site.line) for path, site in runtime_loads(fs, "/app")]


def test_the_default_runtime_and_the_plugins_place() -> None:
    """preset-env's own `corejs` option is not the plugin's: the helpers come from @babel/runtime."""
    assert _runtimes({"/app/babel.config.js": _SIMPLENOTE}) == [("/app/babel.config.js", "@babel/runtime", 6)]


def test_the_corejs_option_names_the_corejs_runtime_in_json_configs_too() -> None:
    files = {
        "/app/.babelrc": '{"plugins": [["@babel/transform-runtime", {"corejs": {"version": 3}}]]}',
        "/app/package.json": {
            "name": "app",
            "babel": {"plugins": [["@babel/plugin-transform-runtime", {"corejs": 2}]]},
        },
    }
    assert _runtimes(files) == [
        ("/app/.babelrc", "@babel/runtime-corejs3", 1),
        ("/app/package.json", "@babel/runtime-corejs2", 1),
    ]


def test_no_runtime_where_the_helpers_come_from_elsewhere_or_the_options_are_unknown() -> None:
    for options in (
        "{ absoluteRuntime: true }",
        "{ moduleName: '@x/runtime' }",
        "{ helpers: false, regenerator: false }",
        "opts",
    ):
        config = (
            f"const opts = {{}};\nmodule.exports = {{ plugins: [['@babel/plugin-transform-runtime', {options}]] }};\n"
        )
        assert _runtimes({"/app/babel.config.js": config}) == [], options
    assert _runtimes(
        {"/app/babel.config.js": "module.exports = { plugins: ['@babel/plugin-transform-runtime'] };"}
    ) == [("/app/babel.config.js", "@babel/runtime", 1)]
