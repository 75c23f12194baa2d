"""Which imports TypeScript keeps, and which it drops (names used only as types).

Each DROPPED and KEPT answer was checked with the real TypeScript 5 (`ts.transpileModule`, module
ESNext, jsx react) and with esbuild 0.25.10 (`transformSync`, loader ts/tsx; cases a.ts to m.ts) or
Babel 7's preset-typescript (the others), which agree on each: a kept import is still in their
output, a dropped one is not. Under `verbatimModuleSyntax` TypeScript keeps every one. UNDECIDED are the cases the
files alone cannot settle (see `sources/elision.py`)."""

from __future__ import annotations

import pytest

from nmdoctor.sources.elision import ImportUse, import_use
from nmdoctor.sources.imports import parse_imports

DROPPED, KEPT, UNDECIDED = ImportUse.DROPPED, ImportUse.KEPT, ImportUse.UNDECIDED

CASES = {
    # (file, source): what TypeScript does with the file's one import
    ("a.ts", "import { ReactWrapper } from 'enzyme';\nexport function find(w: ReactWrapper) { return w; }\n"): DROPPED,
    ("b.ts", "import { ReactWrapper } from 'enzyme';\nexport const x = ReactWrapper;\n"): KEPT,
    (
        "c.ts",
        "import { TypedDocumentNode as DocumentNode } from '@t/core';\n"
        "export const Q = {} as unknown as DocumentNode<A, B>;\n",
    ): DROPPED,
    ("e.ts", "import 'side';\n"): KEPT,
    ("f.ts", "import D from 'd';\ntype X = typeof D;\n"): DROPPED,
    ("g.ts", "import * as NS from 'ns';\nconst o = { NS };\n"): KEPT,
    ("j.ts", "import { type A } from 'a';\n"): DROPPED,
    ("l.ts", "import { A } from 'a';\nlet x: A.B.C;\n"): DROPPED,
    ("m.ts", "import { A } from 'a';\n"): DROPPED,
    ("value.tsx", "import { Route } from 'r';\nexport const a = <Route />;\n"): KEPT,
    ("call.ts", "import { useLocation } from 'r';\nexport const l = useLocation();\n"): KEPT,
    ("extends.ts", "import { Base } from 'r';\nexport class A extends Base {}\n"): KEPT,
    ("inline-type.ts", "import { type T, v } from 'r';\nexport const z: T = v;\n"): KEPT,
    ("namespace.ts", "import * as H from 'r';\nexport const h = H.createBrowserHistory();\n"): KEPT,
    ("types.ts", "import { RouteProps } from 'r';\nexport type P = RouteProps & { t: typeof RouteProps };\n"): DROPPED,
    ("nested-type.ts", "import * as H from 'r';\nexport let h: H.History;\n"): DROPPED,
    ("implements.ts", "import { I } from 'r';\nexport class A implements I {}\n"): DROPPED,
    # a classic JSX transform references React for every element; the automatic one does not
    ("d.tsx", "import React from 'react';\nexport const C = () => <div/>;\n"): UNDECIDED,
    # re-exported only: tsc keeps it for a value and drops it for a type; a per-file transform keeps it
    ("k.ts", "import { A } from 'a';\nexport { A };\n"): UNDECIDED,
    # the parameter shadows the import: which uses are the import's is a question of scopes
    ("shadow.ts", "import { V } from 'r';\nexport function f(V: number) { return V; }\n"): UNDECIDED,
    # emitDecoratorMetadata turns a parameter's type into a value
    ("h.ts", "import { A } from 'a';\n@Dec() class K { constructor(a: A) {} }\n"): UNDECIDED,
    # JavaScript keeps every import: not this question
    ("plain.js", "import { X } from 'a';\n"): UNDECIDED,
}


@pytest.mark.parametrize(("case", "expected"), list(CASES.items()), ids=[name for name, _ in CASES])
def test_an_import_is_kept_or_dropped_as_typescript_does(case: tuple[str, str], expected: ImportUse) -> None:
    path, text = case
    source = text.encode()
    [site] = parse_imports(source, path)
    assert import_use(source, path, site.line, site.column) is expected


def test_the_import_is_found_by_where_its_string_starts() -> None:
    source = b"import {\n  useLocation,\n} from 'r';\nimport { T } from 'q';\nuseLocation();\nlet t: T;\n"
    first, second = parse_imports(source, "a.ts")
    assert (first.line, second.line) == (3, 4)
    assert import_use(source, "a.ts", first.line, first.column) is KEPT
    assert import_use(source, "a.ts", second.line, second.column) is DROPPED
    assert import_use(source, "a.ts", 1, 1) is UNDECIDED  # no import's string starts there
