"""Which TypeScript imports the transforms keep: each case as tsc 5 (transpileModule) and Babel's
preset-typescript 7 both emitted it (checked with both; a kept import is still in the output)."""

from __future__ import annotations

import pytest

from nmdoctor.sources.elision import import_used_as_value

CASES = [
    ("value.tsx", "import { Route } from 'r';\nexport const a = <Route />;\n", True),
    ("call.ts", "import { useLocation } from 'r';\nexport const l = useLocation();\n", True),
    ("extends.ts", "import { Base } from 'r';\nexport class A extends Base {}\n", True),
    ("inline-type.ts", "import { type T, v } from 'r';\nexport const z: T = v;\n", True),
    ("namespace.ts", "import * as H from 'r';\nexport const h = H.createBrowserHistory();\n", True),
    (
        "types.ts",
        "import { RouteProps } from 'r';\nexport type P = RouteProps & { t: typeof RouteProps };\n",
        False,
    ),
    ("nested-type.ts", "import * as H from 'r';\nexport let h: H.History;\n", False),
    ("typeof.ts", "import { T } from 'r';\nexport let t: typeof T;\n", False),
    ("unused.ts", "import { X } from 'r';\nexport const y = 1;\n", False),
    # the parameter shadows the import: which uses are the import's is not decided here
    ("shadow.ts", "import { V } from 'r';\nexport function f(V: number) { return V; }\n", False),
    ("implements.ts", "import { I } from 'r';\nexport class A implements I {}\n", False),
    # JavaScript keeps every import: not this question
    ("plain.js", "import { X } from 'r';\n", False),
]


@pytest.mark.parametrize(("name", "source", "kept"), CASES, ids=[case[0] for case in CASES])
def test_an_import_is_kept_when_a_binding_is_used_as_a_value(name: str, source: str, kept: bool) -> None:
    assert import_used_as_value(source.encode(), name, 1, "r") is kept


def test_the_import_is_found_by_the_line_of_its_string() -> None:
    source = b"import {\n  useLocation,\n} from 'r';\nimport { T } from 'q';\nuseLocation();\nlet t: T;\n"
    assert import_used_as_value(source, "a.ts", 3, "r")
    assert not import_used_as_value(source, "a.ts", 4, "q")
    assert not import_used_as_value(source, "a.ts", 1, "r")  # no import's string on that line
