"""unbuild configs map the imports of the files they build: top-level ``alias`` and
``rollup.alias`` (options of @rollup/plugin-alias, ``{entries: [{find, replacement}]}``).

Checked against unbuild's documentation and types (``BuildOptions.alias: {[find]: replacement}``,
``rollup.alias: RollupAliasOptions | false``; the config is ``build.config.*`` in the root folder,
or the file ``unbuild DIR --config FILE`` names) and @rollup/plugin-alias's README (``entries`` as an
array of ``{find, replacement}`` or an object). Field case: unjs/unhead's
``bench/bundle/react-client-build.config.ts`` aliases ``@unhead/react`` to ``packages/react/dist``
for ``bench/bundle/src/react-client/*.ts``; nmdoctor called each import an unresolvable-import error.
"""

from __future__ import annotations

from nmdoctor.project.resolution import ProjectResolution
from nmdoctor.vfs import MemoryFS

NAMED = """import path from 'node:path'
import { defineBuildConfig } from 'unbuild'

const packagesDir = path.resolve(__dirname, '../../packages')

export default defineBuildConfig({
  entries: ['src/react-client/minimal'],
  rollup: {
    alias: {
      entries: [
        { find: '@acme/react', replacement: path.join(packagesDir, 'react/dist/index.mjs') },
      ],
    },
  },
  externals: ['react'],
})
"""


def _decide(tree: dict[str, object], request: str, file: str) -> str | None:
    decision = ProjectResolution(MemoryFS.from_mapping(tree), "/app", on_disk=False).decide(request, file)
    return decision.tool if decision else None


def test_a_named_unbuild_config_aliases_the_files_below_it() -> None:
    tree: dict[str, object] = {
        "/app/package.json": '{"name": "mono", "private": true}',
        "/app/bench/bundle/react-client-build.config.ts": NAMED,
        "/app/bench/bundle/src/react-client/minimal.ts": "import { useHead } from '@acme/react'\n",
    }
    assert _decide(tree, "@acme/react", "/app/bench/bundle/src/react-client/minimal.ts") == "unbuild alias"
    # the options object of the plugin is no alias named `entries`
    assert _decide(tree, "entries", "/app/bench/bundle/src/react-client/minimal.ts") is None
    # a file above the config's folder is not built by it
    assert _decide(tree, "@acme/react", "/app/bench/other.ts") is None


def test_the_default_build_config_top_level_alias() -> None:
    tree: dict[str, object] = {
        "/app/package.json": '{"name": "lib"}',
        "/app/build.config.ts": "export default { alias: { '#util': './src/util' } }\n",
        "/app/src/index.ts": "import { x } from '#util'\n",
    }
    assert _decide(tree, "#util", "/app/src/index.ts") == "unbuild alias"


def test_a_build_config_named_file_of_another_tool_is_not_read() -> None:
    """A ``*-build.config.js`` that is not unbuild's (no ``defineBuildConfig``) maps nothing."""
    tree: dict[str, object] = {
        "/app/package.json": '{"name": "lib"}',
        "/app/site-build.config.js": "module.exports = { alias: { '@acme/react': './x' } }\n",
        "/app/src/index.ts": "import '@acme/react'\n",
    }
    assert _decide(tree, "@acme/react", "/app/src/index.ts") is None
