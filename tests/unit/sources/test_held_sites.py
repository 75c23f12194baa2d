"""`parse_imports(..., held=...)` flags a site `guarded` exactly when the whole-file guards would
call it guarded or uncalled (`guards=True`: a try block, a `.catch` chain, a function nothing
calls), while its queries visit only the bytes of the sites asked about. Checked on crafted
sources and on the real packages installed under tests/node_tools."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from nmdoctor.sources.imports import language_for, parse_imports

REPO = Path(__file__).resolve().parents[3]


def _whole_file(source: bytes, path: str) -> list[tuple[str, int, int, bool]]:
    return [
        (site.specifier, site.line, site.column, site.guarded or site.uncalled)
        for site in parse_imports(source, path, guards=True)
    ]


def _held(source: bytes, path: str) -> list[tuple[str, int, int, bool]]:
    return [
        (site.specifier, site.line, site.column, site.guarded)
        for site in parse_imports(source, path, guards=False, held=lambda _specifier: True)
    ]


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("try { require('a') } catch (e) {}\nrequire('b')\n", ["a"]),
        ("try { function later() { return require('a') } later() } catch {}\n", []),  # runs later, unguarded
        ("function lazy() { return require('a') }\nmodule.exports = 1\n", ["a"]),  # nothing calls it
        ("function used() { return require('a') }\nused()\n", []),
        ("import('a').catch(() => null)\nimport('b').then(f)\n", ["a"]),
        ("const x = require('a') // try\n/* .catch function */\n", []),
        ("try {\n  try { require('a') } finally {}\n} catch {}\nrequire('a')\n", ["a"]),
        ("export function f() { return require('a') }\n", []),  # exported: called from outside
        ("if (process.env.X) require('a')\ntry { require('b') } catch {}\n", ["b"]),
        ("module.exports = function () { try { return require('a') } catch { return null } }\n", ["a"]),
        # vue-template-compiler 2.7 and @vue/compiler-vue2: the branch runs only where the probe found vue
        (
            "try { var v = require('a').version } catch (e) {}\nif (v && v !== '2') { require.resolve('a') }\n",
            ["a", "a"],
        ),
        ("try { var v = require('a') } catch (e) {}\nif (!v) { require.resolve('a') }\n", ["a"]),
        ("try { var v = require('a') } catch (e) {}\nif (v) {} else { require('a') }\n", ["a"]),
        ("try { var v = require('a') } catch (e) { v = 1 }\nif (v) { require('a') }\n", ["a"]),  # set elsewhere
        ("try { var v = require('a') } catch (e) {}\nif (v) { require('b') }\n", ["a"]),
        ("let v;\ntry { v = require('a') } catch {}\nif (v) require('a')\n", ["a", "a"]),
        ("let v = 0;\ntry { v = require('a') } catch {}\nif (v) require('a')\n", ["a"]),
    ],
)
def test_held_sites_are_the_guarded_or_uncalled_ones(text: str, held: list[str]) -> None:
    source = text.encode()
    assert _held(source, "x.js") == _whole_file(source, "x.js")
    assert [specifier for specifier, _line, _column, flag in _held(source, "x.js") if flag] == held


def test_only_the_sites_asked_about_are_flagged() -> None:
    source = b"try { require('a'); require('b') } catch {}\n"
    sites = parse_imports(source, "x.js", guards=False, held=lambda specifier: specifier == "b")
    assert [(site.specifier, site.guarded) for site in sites] == [("a", False), ("b", True)]


def test_real_packages_give_the_same_flags() -> None:
    modules = REPO / "tests" / "node_tools" / "node_modules"
    if not modules.is_dir():
        pytest.skip("scripts/test installs tests/node_tools")
    checked = flagged = 0
    for root, _folders, files in os.walk(modules):
        for name in sorted(files):
            path = os.path.join(root, name)
            if language_for(path) is None or os.path.islink(path) or os.path.getsize(path) > 300_000:
                continue
            source = Path(path).read_bytes()
            if b"require(" not in source or (b"try" not in source and b"function" not in source):
                continue
            expected = _whole_file(source, path)
            assert _held(source, path) == expected, path
            checked += 1
            flagged += sum(flag for *_site, flag in expected)
            if checked >= 1500:
                break
        if checked >= 1500:
            break
    assert checked >= 300 and flagged >= 15
