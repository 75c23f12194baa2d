"""Astro components: the frontmatter is TypeScript; the bundled ``<script>`` elements anywhere in the
markup are read, ``is:inline`` ones (left to the browser as written) and ``src=`` ones are not, and a
``<script>`` inside a frontmatter string is no element. (Vue's and Svelte's blocks are checked
against their compilers in tests/differential/test_components_vs_compilers.py.)"""

from __future__ import annotations

from nmdoctor.sources.components import code_blocks
from nmdoctor.sources.imports import parse_imports

ASTRO = b"""---
import Layout from '../layouts/Layout.astro';
import { format } from 'date-fns';
const tag = a < b ? '<script>' : '';
const list: Array<string> = [];
---
<Layout><div><script>import confetti from 'canvas-confetti';</script></div>
<script is:inline>import x from 'inline-only';</script>
<script src="/vendor.js"></script></Layout>
"""


def test_an_astro_components_code() -> None:
    sites = parse_imports(ASTRO, "/p/src/pages/index.astro")
    assert [(item.specifier, item.line) for item in sites] == [
        ("../layouts/Layout.astro", 2),
        ("date-fns", 3),
        ("canvas-confetti", 7),
    ]
    assert [language for _start, _end, language in code_blocks(ASTRO, "/p/index.astro")] == ["typescript", "typescript"]


def test_a_file_that_is_no_component_has_no_code_blocks() -> None:
    assert code_blocks(b"<script>import a from 'a'</script>", "/p/index.html") == []
    assert parse_imports(b"<template><p/></template>\n", "/p/Empty.vue") == []
