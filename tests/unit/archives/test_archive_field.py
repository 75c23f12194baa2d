"""Patterns of the first field batch of `nmdoctor archive` (tests/field/blind/archive-2026-12-06.json):
real apps packed by electron-builder 24.13.3, 25.1.8 and 26.18.1 and @electron/packager 20.3.0.

Each test reproduces one pattern the batch showed, in a small tree; the real tool that decided it is
named beside it.
"""

from __future__ import annotations

from typing import Any

from nmdoctor.diagnostics.model import Severity
from nmdoctor.vfs.memory import symlink
from tests.unit.archives.builders import manifest, seed_tree
from tests.unit.archives.test_archive_compare import alone, compare


def _with_types() -> dict[str, Any]:
    """ui-kit declares a @types package (old ones hold a types-metadata.json) and a non-@types package
    of declarations only, as `@firebase/functions` declares `@firebase/messaging-interop-types`."""
    source: dict[str, Any] = seed_tree()
    source["node_modules/ui-kit/package.json"] = manifest(
        "ui-kit",
        "1.0.0",
        dependencies={"react-dom": "^17.0.0", "@types/json5": "0.0.29", "interop-types": "0.2.3"},
    )
    source["node_modules/@types/json5/package.json"] = manifest("@types/json5", "0.0.29")
    source["node_modules/@types/json5/index.d.ts"] = "export {};\n"
    source["node_modules/@types/json5/types-metadata.json"] = "{}"
    source["node_modules/interop-types/package.json"] = manifest("interop-types", "0.2.3")
    source["node_modules/interop-types/index.d.ts"] = "export {};\n"
    return source


def test_declaration_only_packages_left_out_are_not_reported() -> None:
    # electron-builder 24.13.3 and 25.1.8 leave @types packages out (upscayl: 52 such errors on the
    # old code); node's require.resolve of one fails in the source too (MODULE_NOT_FOUND,
    # ERR_PACKAGE_PATH_NOT_EXPORTED): nothing loads them at run time.
    source = _with_types()
    packed = {path: content for path, content in source.items() if "types" not in path}
    assert compare(source, packed) == []
    # Alone, a @types package is one by its name; the other cannot be told from the archive.
    assert [(item.code, item.request) for item in alone(packed)] == [("missing-dependency", "interop-types")]


def test_a_package_with_code_is_not_taken_for_declarations() -> None:
    source = _with_types()
    source["node_modules/interop-types/index.js"] = "module.exports = {};\n"
    source["node_modules/ui-kit/index.js"] = "require('react-dom'); require('interop-types');\n"
    packed = {path: content for path, content in source.items() if "interop-types" not in path}
    [finding] = compare(source, packed)
    assert (finding.code, finding.severity) == ("archive-missing-package", Severity.ERROR)
    assert finding.request == "interop-types"


def _bundled(*, imported: tuple[str, ...] = ()) -> tuple[dict[str, Any], dict[str, Any]]:
    """An electron-vite app: its bundle requires only the externals; `files` keeps node_modules out
    but for them (youtube-music's `!node_modules`, then `node_modules/custom-electron-prompt/**`)."""
    requires = "".join(f"require('{name}');\n" for name in ("prompt", *imported))
    source: dict[str, Any] = {
        "package.json": manifest(
            "app", "1.0.0", main="out/main.js", dependencies={"prompt": "1", "solid-js": "1", "zod": "4", "ws": "8"}
        ),
        "out/main.js": "const { app } = require('electron');\n" + requires,
    }
    for name in ("prompt", "solid-js", "zod", "ws"):
        source[f"node_modules/{name}/package.json"] = manifest(name, "1.0.0")
        source[f"node_modules/{name}/index.js"] = "module.exports = 1;\n"
    packed = {path: content for path, content in source.items() if "/" not in path or "prompt" in path}
    packed["out/main.js"] = source["out/main.js"]
    return source, packed


def test_a_bundled_app_leaving_out_what_its_bundle_holds_gets_one_note() -> None:
    # youtube-music packed by electron-builder 26.18.1: 68 errors on the old code; the real node
    # finds every bare import of the packed dist/main (custom-electron-prompt and builtins).
    source, packed = _bundled()
    [note] = compare(source, packed)
    assert (note.code, note.severity) == ("archive-missing-package", Severity.INFO)
    assert note.message.startswith("3 of the app's dependencies are not packed: `solid-js`, `ws`, `zod`;")
    [note] = alone(packed)
    assert (note.code, note.severity) == ("archive-missing-package", Severity.INFO)


def test_a_bundled_app_importing_what_it_left_out_is_still_an_error() -> None:
    source, packed = _bundled(imported=("zod",))
    found = compare(source, packed)
    assert [(item.code, item.severity, item.request) for item in found] == [
        ("archive-missing-package", Severity.ERROR, "zod"),
        ("archive-missing-package", Severity.INFO, "solid-js"),
    ]
    # Without its entry point nothing tells what the app loads: every left-out dependency is an error.
    del packed["out/main.js"]
    assert {item.severity for item in compare(source, packed) if item.request != "out/main.js"} == {Severity.ERROR}


def test_a_dependency_the_package_never_imports_is_a_warning() -> None:
    # @ghostery/adblocker-electron-preload 2.11.6 declares @ghostery/adblocker-content and bundles
    # it into dist/index.cjs (which requires only electron); youtube-music's files filters leave it
    # out, and real node loads the preload in the packed app.
    source = {**seed_tree(), "node_modules/ui-kit/package.json": manifest("ui-kit", "1.0.0", dependencies={"l": "1"})}
    source["node_modules/l/package.json"] = manifest("l", "1.0.0")
    source["node_modules/l/index.js"] = "module.exports = 1;\n"
    packed = {path: content for path, content in source.items() if not path.startswith("node_modules/l/")}
    [finding] = compare(source, packed)
    assert (finding.code, finding.severity) == ("archive-missing-package", Severity.WARNING)
    assert finding.message.endswith("`ui-kit`'s code, from its entry points, never imports it, so nothing fails today")
    assert finding.fix is not None and finding.fix.startswith("nothing fails today")
    [finding] = alone(packed)
    assert (finding.code, finding.severity) == ("missing-dependency", Severity.WARNING)


def test_fixes_name_the_packer_for_a_dependency_of_a_packed_package() -> None:
    # electron-builder 25.1.8 put color-name under node_modules/color/node_modules (edex-ui), and
    # 24.13.3 left uuid out of a pnpm tree (zulip-desktop): real node fails with MODULE_NOT_FOUND
    # in both packed apps; 26.18.1 packed both trees in place.
    source = {**seed_tree(), "node_modules/ui-kit/package.json": manifest("ui-kit", "1.0.0", dependencies={"l": "1"})}
    source["node_modules/ui-kit/index.js"] = "require('l');\n"
    source["node_modules/l/package.json"] = manifest("l", "1.0.0")
    packed = {path: content for path, content in source.items() if not path.startswith("node_modules/l/")}
    [finding] = compare(source, packed)
    assert finding.fix is not None and finding.fix.startswith("the packer's collection of node_modules left out")
    packed["node_modules/other/package.json"] = manifest("other", "1.0.0")
    packed["node_modules/other/node_modules/l/package.json"] = manifest("l", "1.0.0")
    [finding] = compare(source, packed)
    assert finding.fix is not None
    assert finding.fix.startswith("the packer put `l` under another package's node_modules, out of reach of `ui-kit`")


def _paged(version: str) -> dict[str, Any]:
    """test-electron-builder's app: main.js loads index.html, whose classic script app.js (node
    integration on) requires a package the app does not declare, hoisted from a workspace."""
    return {
        "package.json": manifest("app", "1.0.0", main="main.js", dependencies={"package-a": "1"}),
        "main.js": "const { BrowserWindow } = require('electron');\nnew BrowserWindow().loadFile('index.html');\n",
        "index.html": '<body><script src="app.js"></script><script type="module" src="esm.js"></script></body>',
        "app.js": "const { version } = require('vscode-uri/package.json');\nrequire('gone-everywhere');\n",
        "esm.js": "import x from 'vscode-uri';\n",
        "node_modules/package-a/package.json": manifest("package-a", "1.0.0", dependencies={"vscode-uri": "^1.0.8"}),
        "node_modules/vscode-uri/package.json": manifest("vscode-uri", version),
    }


def test_a_script_of_a_page_the_main_process_loads_is_followed() -> None:
    # electron-builder 21.2.0 wrote the nested vscode-uri 2.1.1 over the hoisted 1.0.8: real node
    # resolves app.js's require to 2.1.1 in the packed app, 1.0.8 in the source.
    collapsed = [item for item in compare(_paged("1.0.8"), _paged("2.1.1")) if item.from_ == "app.js"]
    assert [(item.code, item.severity, item.line) for item in collapsed] == [
        ("archive-version-collapsed", Severity.ERROR, 1)
    ]
    assert collapsed[0].message.startswith(
        "`vscode-uri/package.json` imported by app.js (a script of index.html) loads"
    )
    # What fails in the source as well (the page may run without node integration) is not reported,
    # nor anything of a page's scripts without a source to compare with.
    assert compare(_paged("1.0.8"), _paged("1.0.8")) == []
    assert alone(_paged("1.0.8")) == []


def test_an_import_with_a_catch_is_guarded() -> None:
    # The guard comes from the source parser's one parse (not a second parse of each file: the
    # bundled main of one field app, 244 chunks, took 9.0 s, now 6.0 s); it knows `.catch` too.
    source = {
        "package.json": manifest("app", "1.0.0", main="main.js"),
        "main.js": "import('electron-devtools-installer').catch(() => {});\ntry { require('dev-only') } catch {}\n",
    }
    assert compare(source, dict(source)) == []
    assert alone(source) == []


def test_a_guarded_import_of_an_undeclared_workspace_package_lost_in_packing_is_a_warning() -> None:
    # cawa-93/electron-builder-issue: npm workspaces; packages/main requires @packages/renderer (a
    # workspace sibling the app does not declare) inside a try. electron-builder 24.13.3 and 26.18.1
    # leave it out and real node fails (MODULE_NOT_FOUND, the catch exits 1); declared in
    # dependencies, 26.18.1 packs it and node resolves it.
    source: dict[str, Any] = {
        "package.json": manifest("app", "0.0.0", main="packages/main/index.cjs", workspaces=["packages/*"]),
        "packages/main/package.json": manifest("@packages/main", "0.0.0"),
        "packages/main/index.cjs": "try { require.resolve('@packages/renderer') } catch (e) { process.exit(1) }\n",
        "packages/renderer/package.json": manifest("@packages/renderer", "0.0.0", main="index.js"),
        "packages/renderer/index.js": "",
        "node_modules/@packages/renderer": symlink("../../packages/renderer"),
    }
    packed = {path: content for path, content in source.items() if not path.startswith("node_modules/")}
    [finding] = compare(source, packed)
    assert (finding.code, finding.severity, finding.from_, finding.line) == (
        "archive-missing-package",
        Severity.WARNING,
        "packages/main/index.cjs",
        1,
    )
    assert finding.fix is not None and "declare `@packages/renderer` in dependencies" in finding.fix


def test_a_main_too_large_to_read_tells_nothing_of_what_the_app_imports(monkeypatch: Any) -> None:
    # A main bundle over the size read is not parsed: what it imports is unknown, so a dependency
    # left out stays an error rather than a note.
    import nmdoctor.archive.imports as imports

    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 10)
    source, packed = _bundled()
    assert {(item.severity, item.request) for item in compare(source, packed)} == {
        (Severity.ERROR, "solid-js"),
        (Severity.ERROR, "ws"),
        (Severity.ERROR, "zod"),
    }
