"""Which files of an installed package's code are parsed: the ones that quote an installed,
undeclared package where an import can stand. A doc comment's usage example is not such a place:
a bundle that shows `require('picomatch')` in its comments is not parsed for it, and finds what a
parse finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nmdoctor.inspect import package_code
from nmdoctor.inspect.package_code import PackageCode, _mentions
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.sources.imports import parse_imports
from nmdoctor.vfs import DiskFS


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("/**\n * const pm = require('picomatch');\n */\nmodule.exports = 1;\n", ()),
        ("// import x from 'picomatch'\n", ()),
        ("  /* require('picomatch') */\n", ()),
        ("const s = `\n// require('picomatch')\n`;\n", ()),  # inside a template: no import either
        ("/* a */ require('picomatch');\n", ("picomatch",)),  # the comment closed before it
        ("/** doc */\n* require('picomatch')\n", ("picomatch",)),  # a '*' line outside any comment
        ("const x = 2\n  * require('picomatch').length;\n", ("picomatch",)),
        ("/*\n * example\n */\nconst a = require('picomatch');\n", ("picomatch",)),
        ("x = 1; // require('picomatch')\n", ("picomatch",)),  # mid-line: left to the parser
    ],
)
def test_mentions_on_commented_lines_are_left_out(text: str, names: tuple[str, ...]) -> None:
    assert _mentions(text.encode()) == names


@pytest.mark.parametrize(
    "text",
    [
        "/**\n * const pm = require('picomatch');\n */\nmodule.exports = 1;\n",
        "// import x from 'picomatch'\nexport const y = 1;\n",
        "/** doc */\n* require('picomatch')\n",
        "/*\n * example\n */\nconst a = require('picomatch');\n",
    ],
)
def test_a_left_out_mention_is_one_the_parser_does_not_find(text: str) -> None:
    """Never stricter than the grammar: every import site tree-sitter finds is still mentioned."""
    sites = {site.specifier for site in parse_imports(text.encode(), "/x/index.js")}
    assert sites <= set(_mentions(text.encode()))


def _write(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content))


def test_a_bundle_quoting_a_package_in_its_doc_comments_is_not_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "app"
    _write(root / "package.json", {"name": "app", "version": "1.0.0", "dependencies": {"bundle": "1.0.0"}})
    modules = root / "node_modules"
    _write(modules / "bundle" / "package.json", {"name": "bundle", "version": "1.0.0"})
    doc = "/**\n * const pm = require('picomatch');\n * pm('*.js');\n */\n"
    _write(modules / "bundle" / "index.js", doc + "module.exports = require('./real');\n")
    _write(modules / "bundle" / "real.js", doc + "module.exports = require('other');\n")
    for name in ("picomatch", "other"):
        _write(modules / name / "package.json", {"name": name, "version": "1.0.0"})
    parsed: list[str] = []
    real_parse = package_code.parse_imports

    def counting(source: bytes, path: str, **options: object) -> list[object]:
        parsed.append(path.rsplit("/", 1)[1])
        return real_parse(source, path, **options)  # type: ignore[arg-type,return-value]

    monkeypatch.setattr(package_code, "parse_imports", counting)
    fs = DiskFS()
    graph = read_installed_tree(fs, str(root))
    code = PackageCode(fs)
    code.prepare(graph.instances)
    [bundle] = [instance for instance in graph.instances if instance.name == "bundle"]
    found = code.imports(bundle, {"bundle"})
    assert parsed == ["real.js"]  # index.js quotes picomatch only in its comment
    assert [(item.site.specifier, item.file.rsplit("/", 1)[1]) for item in found] == [("other", "real.js")]
