"""``bun`` imported by a file a package.json script runs with the Bun runtime (``bun build.ts``,
``bun run --watch example/index.ts``) is the runtime's own module: Bun provides it, so the import
is no unresolvable-import at all (real bun 1.3.13 runs ``import { $ } from 'bun'`` with no
node_modules; node 22 fails with ERR_MODULE_NOT_FOUND). elysiajs/elysia-static's build.ts,
run by ``"build": "bun build.ts"``, was a note whose fix was to remove the import or alias it.
A file no script runs with bun keeps its finding."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS

TREE: dict[str, object] = {
    "/app/package.json": {
        "name": "app",
        "version": "1.0.0",
        "scripts": {"build": "bun build.ts", "dev": "bun run --watch example/index.ts", "test": "bun test"},
        "devDependencies": {"tsup": "^8"},
    },
    "/app/node_modules/tsup/package.json": {"name": "tsup", "version": "8.5.1"},
    "/app/build.ts": "import { $ } from 'bun'\nimport { build } from 'tsup'\nawait $`rm -rf dist`\n",
    "/app/example/index.ts": "import { serve } from 'bun'\nserve({ fetch: () => new Response('') })\n",
    "/app/scripts/release.ts": "import { $ } from 'bun'\nawait $`npm publish`\n",
}


def _files_reported() -> list[str]:
    fs = MemoryFS.from_mapping(TREE)
    graph = read_installed_tree(fs, "/app")
    found = run_checks(CheckContext(graph=graph, fs=fs), select=["unresolvable-import"])
    return sorted(item.from_ or "" for item in found if item.request == "bun")


def test_bun_in_a_file_a_script_runs_with_bun_is_no_finding() -> None:
    # build.ts and example/index.ts run under bun; scripts/release.ts is run by nothing named here
    assert _files_reported() == ["scripts/release.ts"]
