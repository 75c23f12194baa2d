"""Which imports TypeScript drops (names used only as types). Each case's answer was checked with
the real TypeScript 5.9.3 (`ts.transpileModule`, module ESNext, jsx react) and esbuild 0.25.10
(`transformSync`, loader ts/tsx), which agree on all of them; under `verbatimModuleSyntax` TypeScript
keeps every one."""

from __future__ import annotations

import pytest

from nmdoctor.sources.elision import import_only_types
from nmdoctor.sources.imports import parse_imports

CASES = {
    # (file, source): dropped
    ("a.ts", "import { ReactWrapper } from 'enzyme';\nexport function find(w: ReactWrapper) { return w; }\n"): True,
    ("b.ts", "import { ReactWrapper } from 'enzyme';\nexport const x = ReactWrapper;\n"): False,
    (
        "c.ts",
        "import { TypedDocumentNode as DocumentNode } from '@t/core';\n"
        "export const Q = {} as unknown as DocumentNode<A, B>;\n",
    ): True,
    ("d.tsx", "import React from 'react';\nexport const C = () => <div/>;\n"): False,
    ("e.ts", "import 'side';\n"): False,
    ("f.ts", "import D from 'd';\ntype X = typeof D;\n"): True,
    ("g.ts", "import * as NS from 'ns';\nconst o = { NS };\n"): False,
    ("j.ts", "import { type A } from 'a';\n"): True,
    ("k.ts", "import { A } from 'a';\nexport { A };\n"): False,
    ("l.ts", "import { A } from 'a';\nlet x: A.B.C;\n"): True,
    ("m.ts", "import { A } from 'a';\n"): True,
}


@pytest.mark.parametrize(("case", "dropped"), list(CASES.items()), ids=[name for name, _ in CASES])
def test_an_import_is_dropped_as_typescript_drops_it(case: tuple[str, str], dropped: bool) -> None:
    path, text = case
    source = text.encode()
    [site] = parse_imports(source, path)
    assert import_only_types(source, path, site.line, site.column) is dropped


def test_javascript_and_decorated_files_keep_their_imports() -> None:
    # a .js file is not TypeScript; decorators with emitDecoratorMetadata turn parameter types into values
    for path, text in (
        ("i.js", "import { A } from 'a';\n"),
        ("h.ts", "import { A } from 'a';\n@Dec() class K { constructor(a: A) {} }\n"),
    ):
        source = text.encode()
        [site] = parse_imports(source, path)
        assert import_only_types(source, path, site.line, site.column) is False
