"""unresolvable-import in a Gatsby site built with gatsby-plugin-pnpm: the plugin puts the site's
node_modules, gatsby's dependencies, pnpm's hidden hoisting folder and the dependencies of each
``include`` package in front of webpack's ``resolve.modules``, so a shadowed theme component's
import of the theme's dependency resolves in the build. Checked by running the real plugin's
``onCreateWebpackConfig`` (gatsby-plugin-pnpm 1.2.10) on pmndrs/use-gesture's documentation site
and resolving with the real enhanced-resolve 5.27.0 (9 false errors there: smooth-doc's
@xstyled/styled-components, prism-react-renderer, @mdx-js/react, react-live)."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.project.resolution.gatsby import read_gatsby
from nmdoctor.vfs import MemoryFS, symlink

STORE = "/site/node_modules/.pnpm"
THEME = f"{STORE}/theme@1.0.0/node_modules"
TREE: dict[str, object] = {
    "/site/package.json": {
        "name": "site",
        "version": "1.0.0",
        "dependencies": {"gatsby": "4.0.0", "theme": "1.0.0", "gatsby-plugin-pnpm": "1.2.10"},
    },
    "/site/node_modules/gatsby": symlink(".pnpm/gatsby@4.0.0/node_modules/gatsby"),
    f"{STORE}/gatsby@4.0.0/node_modules/gatsby/package.json": {"name": "gatsby", "version": "4.0.0"},
    f"{STORE}/gatsby@4.0.0/node_modules/gatsby-dep": symlink("../../gatsby-dep@1.0.0/node_modules/gatsby-dep"),
    f"{STORE}/gatsby-dep@1.0.0/node_modules/gatsby-dep/package.json": {"name": "gatsby-dep", "version": "1.0.0"},
    "/site/node_modules/gatsby-plugin-pnpm": symlink(".pnpm/gatsby-plugin-pnpm@1.2.10/node_modules/gatsby-plugin-pnpm"),
    f"{STORE}/gatsby-plugin-pnpm@1.2.10/node_modules/gatsby-plugin-pnpm/package.json": {
        "name": "gatsby-plugin-pnpm",
        "version": "1.2.10",
    },
    "/site/node_modules/theme": symlink(".pnpm/theme@1.0.0/node_modules/theme"),
    f"{THEME}/theme/package.json": {"name": "theme", "version": "1.0.0", "dependencies": {"theme-dep": "1.0.0"}},
    f"{THEME}/theme-dep": symlink("../../theme-dep@1.0.0/node_modules/theme-dep"),
    f"{STORE}/theme-dep@1.0.0/node_modules/theme-dep/package.json": {"name": "theme-dep", "version": "1.0.0"},
    # a shadowed component of the theme, importing the theme's dependency
    "/site/src/theme/components/Code.js": "import x from 'theme-dep';\nimport g from 'gatsby-dep';\nx(g);\n",
}
CONFIG = "module.exports = {\n  plugins: [\n    %s,\n    'theme',\n  ],\n}\n"
WITH_INCLUDE = "{ resolve: `gatsby-plugin-pnpm`, options: { include: ['theme'] } }"


def _errors(config: str | None) -> list[str]:
    tree = dict(TREE)
    if config is not None:
        tree["/site/gatsby-config.js"] = CONFIG % config
    fs = MemoryFS.from_mapping(tree)
    found = run_checks(CheckContext(graph=read_installed_tree(fs, "/site"), fs=fs), select=["unresolvable-import"])
    return sorted(str(item.request) for item in found if item.severity is Severity.ERROR)


def test_the_plugin_s_folders_answer_the_site_s_imports() -> None:
    assert _errors(None) == ["gatsby-dep", "theme-dep"]
    assert _errors("'gatsby-plugin-pnpm'") == ["theme-dep"]  # gatsby's dependencies only
    assert _errors(WITH_INCLUDE) == []


def test_the_folders_are_those_the_plugin_adds() -> None:
    fs = MemoryFS.from_mapping({**TREE, "/site/gatsby-config.js": CONFIG % WITH_INCLUDE})
    folders = [item.path for item in read_gatsby(fs, "/site/gatsby-config.js").folders]
    assert folders == [
        "/site/node_modules",
        f"{STORE}/gatsby@4.0.0/node_modules",
        f"{STORE}/node_modules",
        THEME,
    ]
