"""unresolvable-import in a bundled module no file names (field batch check30, 2026-12-09):
nelreina/strapi-v4-base keeps the localazy Strapi plugin in src/plugins/localazy, whose
admin/src/plugins/apolloClient.js imports @apollo/client, which nothing installs. No file of the
plugin mentions `apolloClient`: `strapi build` bundles the plugin's admin from strapi-admin.js ->
admin/src/index.js and what that reaches (webpack follows imports from its entries only; checked
by reading webpack's documentation on entry points and the module graph), so the import never
runs. A note, not an error. The plugin's copy is a folder of a private app, which nothing
publishes: no other project deep-imports its files. (The fixture is the plugin alone, private.)"""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS

CODES = ["unresolvable-import"]
PLUGIN = "/app"


def findings(tree: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=CODES) if item.from_]


def _tree(**extra: object) -> dict[str, object]:
    return {
        "/app/node_modules/js-cookie/package.json": {"name": "js-cookie", "version": "3.0.1"},
        f"{PLUGIN}/package.json": {
            "name": "@localazy/strapi-plugin",
            "version": "0.1.11",
            "private": True,
            "strapi": {"kind": "plugin"},
            "dependencies": {"js-cookie": "^3.0.1"},
        },
        f"{PLUGIN}/strapi-admin.js": "module.exports = require('./admin/src').default;\n",
        f"{PLUGIN}/admin/src/index.js": "import Cookies from 'js-cookie';\nexport default { Cookies };\n",
        f"{PLUGIN}/admin/src/plugins/apolloClient.js": "import { ApolloClient } from '@apollo/client';\n"
        "import Cookies from 'js-cookie';\nexport default () => new ApolloClient({ Cookies });\n",
        **extra,
    }


def _apollo(tree: dict[str, object]) -> set[tuple[str | None, Severity]]:
    return {(item.request, item.severity) for item in findings(tree) if item.request == "@apollo/client"}


def test_a_module_no_file_names_is_a_note() -> None:
    assert _apollo(_tree()) == {("@apollo/client", Severity.INFO)}


def test_it_stays_an_error_once_anything_names_it() -> None:
    for extra in (
        # imported by the entry's graph
        {f"{PLUGIN}/admin/src/index.js": "import client from './plugins/apolloClient';\nexport default client;\n"},
        # a script runs it
        {
            f"{PLUGIN}/package.json": {
                "name": "@localazy/strapi-plugin",
                "version": "0.1.11",
                "scripts": {"gql": "node admin/src/plugins/apolloClient.js"},
            }
        },
        # a published package: its consumers may deep-import any of its files
        {
            f"{PLUGIN}/package.json": {
                "name": "@localazy/strapi-plugin",
                "version": "0.1.11",
                "dependencies": {"js-cookie": "^3.0.1"},
            }
        },
        # the package loads whole folders (webpack's require.context names no file)
        {f"{PLUGIN}/admin/src/index.js": "const all = require.context('./plugins', true);\nexport default all;\n"},
    ):
        assert _apollo(_tree(**extra)) == {("@apollo/client", Severity.ERROR)}


def test_framework_folders_and_test_files_keep_the_error() -> None:
    """A Next.js page or a Nuxt plugin is loaded by its folder, and a test file by the runner's
    glob: no file needs to name them."""
    for path in (
        "/app/src/pages/about.js",
        "/app/src/plugins/apollo.js",
        "/app/src/lib/client.test.js",
        "/app/src/main.js",
    ):
        tree = _tree(**{path: "import { ApolloClient } from '@apollo/client';\nexport default ApolloClient;\n"})
        del tree[f"{PLUGIN}/admin/src/plugins/apolloClient.js"]
        assert _apollo(tree) == {("@apollo/client", Severity.ERROR)}, path
