"""The code nmdoctor reads in a component file against the real compilers: the ``<script>`` blocks
of a ``.vue`` file as ``@vue/compiler-sfc`` 3.5.47 parses them (``descriptor.script`` and
``scriptSetup``), and of a ``.svelte`` file as ``svelte/compiler`` 5.60.1 does (``module`` and
``instance``): the same byte ranges, in the same language. The imports nmdoctor then finds there are
at the file's own lines and columns."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from nmdoctor.sources.components import code_blocks
from nmdoctor.sources.imports import parse_imports
from tests.conftest import requires_node

TOOLS = Path(__file__).resolve().parents[1] / "node_tools"
SCRIPT = Path(__file__).with_name("component_blocks.mjs")
pytestmark = [
    requires_node,
    pytest.mark.skipif(
        not (TOOLS / "node_modules" / "@vue" / "compiler-sfc").is_dir()
        or not (TOOLS / "node_modules" / "svelte").is_dir(),
        reason="@vue/compiler-sfc and svelte are not installed: run npm ci --prefix tests/node_tools",
    ),
]

SAMPLES = {
    "App.vue": (
        "<template>\n  <div :title=\"'<script>'\">{{ msg }}</div>\n</template>\n\n"
        '<script setup lang="ts">\nimport { ref } from "vue";\nimport type { Router } from "vue-router";\n'
        "const msg = ref('é')\n</script>\n\n<style scoped>\n@import 'x.css';\n</style>\n"
    ),
    "Two.vue": (
        "<script>\nexport default { name: 'Two' }\n</script>\n"
        '<script setup>\nimport dayjs from "dayjs"\n</script>\n<template><p/></template>\n'
    ),
    "Tsx.vue": (
        '<script lang="tsx">\nimport { defineComponent } from "vue";\nexport default defineComponent({})\n</script>\n'
    ),
    "Src.vue": '<template><p/></template>\n<script src="./logic.js"></script>\n',
    "Crlf.vue": (
        '<template>\r\n  <p/>\r\n</template>\r\n<script setup lang="ts">\r\nimport a from "a-lib"\r\n</script>\r\n'
    ),
    "Page.svelte": (
        '<script context="module" lang="ts">\n  export const prerender = true;\n</script>\n\n'
        "<script>\n  import { onMount } from 'svelte';\n  import _ from 'lodash';\n</script>\n\n<h1>{title}</h1>\n"
    ),
    "Plain.svelte": "<h1>Hello</h1>\n<style>h1 { color: red; }</style>\n",
    "Nested.svelte": (
        "<!-- <script>import no from 'commented'</script> -->\n<svelte:head>\n"
        "  <script>window.dataLayer = [];</script>\n</svelte:head>\n"
        "<button onclick={() => count > 1 ? reset() : add()}>{count < 2 ? 'a' : 'b'}</button>\n"
        "<script lang=\"ts\">\n  import { reset } from './state';\n  import add from 'adder';\n</script>\n"
    ),
    "Slots.vue": (
        '<template>\n  <Layout>\n    <template #head>\n      <component is="script">x</component>\n'
        '    </template>\n    <img src="a.png">\n    <br/>\n  </Layout>\n</template>\n'
        "<script setup>\nimport Layout from '@/Layout.vue'\nimport { useHead } from '@unhead/vue'\n</script>\n"
    ),
    "Module.svelte": '<script module>\n  import { x } from "x-lib";\n</script>\n<p>{x}</p>\n',
}
LANGUAGES = {"js": "javascript", "ts": "typescript", "tsx": "tsx"}


def _compiled() -> list[list[list[object]]]:
    payload = json.dumps([{"path": name, "source": source} for name, source in SAMPLES.items()])
    result = subprocess.run(
        ["node", str(SCRIPT), str(TOOLS)], input=payload, capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(result.stdout)


def test_script_blocks_are_the_compilers() -> None:
    for (name, source), blocks in zip(SAMPLES.items(), _compiled(), strict=True):

        def offset(index: object, text: str = source) -> int:
            return len(text[: int(index)].encode())  # the compilers count UTF-16 units; no astral characters here

        expected = [(offset(start), offset(end), LANGUAGES[str(lang)]) for start, end, lang in blocks]
        assert code_blocks(source.encode(), f"/p/{name}") == expected, name


def test_imports_of_a_component_are_at_the_files_own_places() -> None:
    sites = parse_imports(SAMPLES["App.vue"].encode(), "/p/App.vue")
    assert [(item.specifier, item.line, item.types_only) for item in sites] == [
        ("vue", 6, False),
        ("vue-router", 7, True),
    ]
    assert [(item.specifier, item.line) for item in parse_imports(SAMPLES["Page.svelte"].encode(), "/p/P.svelte")] == [
        ("svelte", 6),
        ("lodash", 7),
    ]
    assert parse_imports(SAMPLES["Plain.svelte"].encode(), "/p/Plain.svelte") == []
