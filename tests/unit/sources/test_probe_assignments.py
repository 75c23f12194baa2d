"""The probe guard (``try { var v = require('x') } catch {}`` then ``if (v) ...``) counts a variable's
assignments at the name's occurrences only; the count must be the whole tree's, as a walk of every
node gives it (``_assignments``), for every name of every file."""

from __future__ import annotations

import pytest

from nmdoctor.sources import imports

CASES = [
    b"try { var vueVersion = require('vue').version } catch (e) {}\nif (vueVersion) { require('vue/x') }\n",
    b"let a;\ntry { a = require('a') } catch {}\na = 2; a += 3;\nconst { a: b } = o; var c = a, d = (a = 1);\n",
    b"var $x = 1, x$ = 2, _x = 3; x = 4; obj.x = 5; function f(x) { x = 6 }\n// x = 7\nconst s = 'x = 8';\n",
    b"var \xc3\xa9t\xc3\xa9 = 1; \xc3\xa9t\xc3\xa9 = 2; var \xc3\xa9t\xc3\xa9s = 3;\n",
    b"for (var i = 0; i < 3; i++) { let i = 4 } [i] = [5]; i ||= 6; i ??= 7;\n",
    b"class A { x = 1; m() { this.x = 2; let x; x = 3 } }\nexport let x = 4;\n",
    b"try { var broken = require('b') } catch {}\nif (broken { oops\nbroken = 1\n",
]


@pytest.mark.parametrize("source", CASES)
def test_count_at_occurrences_equals_whole_tree_count(source: bytes) -> None:
    tree = imports.parser_for("javascript").parse(source)
    expected: dict[str, int] = {}
    for name, value in imports._assignments(tree.root_node):
        if value is not None:
            expected[name] = expected.get(name, 0) + 1
    words = {name for name, _value in imports._assignments(tree.root_node)} | {"x", "i", "zz"}
    for name in words:
        assert imports._assignment_count(tree, name) == expected.get(name, 0), name


def test_probe_guard_still_holds_the_branch() -> None:
    source = b"try { var v = require('vue').version } catch (e) {}\nif (v) { require.resolve('vue') }\n"
    assert [site.guarded for site in imports.parse_imports(source, "a.js")] == [True, True]
    reassigned = source + b"v = 1;\n"  # set outside the try too: the branch may run without vue
    assert [site.guarded for site in imports.parse_imports(reassigned, "a.js")] == [True, False]
