"""A yarn berry resolution under a protocol yarn does not resolve itself comes from a plugin of
.yarnrc.yml, which decides what to install for it: rnx-kit's ``"resolutions": {"@fluentui/
dom-utilities": "ignore:"}`` with its yarn-plugin-ignore locks ``@fluentui/dom-utilities@ignore:``
at ``0.0.0-use.local`` and links a stub folder in its place (a real yarn 4.10.3 install of
microsoft/rnx-kit, fresh-install batch 13: 3 false missing-dependency and 3 false lockfile-drift
errors, 1 false extraneous-package warning)."""

from __future__ import annotations

from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.inspect.verify import verify_tree
from nmdoctor.lockfiles import read_lockfile
from nmdoctor.lockfiles.detect import manifest_json
from nmdoctor.vfs import MemoryFS, symlink

LOCK = """__metadata:
  version: 8
  cacheKey: 10c0

"@fluentui/dom-utilities@ignore:":
  version: 0.0.0-use.local
  resolution: "@fluentui/dom-utilities@ignore:"
  languageName: node
  linkType: soft

"@fluentui/utilities@npm:8.17.2":
  version: 8.17.2
  resolution: "@fluentui/utilities@npm:8.17.2"
  dependencies:
    "@fluentui/dom-utilities": "npm:^2.3.10"
  languageName: node
  linkType: hard

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    "@fluentui/utilities": "npm:8.17.2"
  languageName: unknown
  linkType: soft
"""

STORE = "/app/node_modules/.store"
UTILITIES = f"{STORE}/@fluentui-utilities-npm-8.17.2-5fe71a19c0"
STUB = "/app/node_modules/.generated/@rnx-kit/yarn-plugin-ignore-stub"


def _findings() -> list[tuple[str, str]]:
    fs = MemoryFS.from_mapping(
        {
            "/app/package.json": {
                "name": "app",
                "dependencies": {"@fluentui/utilities": "8.17.2"},
                "resolutions": {"@fluentui/dom-utilities": "ignore:"},
            },
            "/app/.yarnrc.yml": "nodeLinker: pnpm\n",
            "/app/yarn.lock": LOCK,
            "/app/node_modules/@fluentui/utilities": symlink(
                "../.store/@fluentui-utilities-npm-8.17.2-5fe71a19c0/package"
            ),
            f"{UTILITIES}/package/package.json": {
                "name": "@fluentui/utilities",
                "version": "8.17.2",
                "dependencies": {"@fluentui/dom-utilities": "^2.3.10"},
            },
            f"{UTILITIES}/node_modules/@fluentui/utilities": symlink("../../package"),
            f"{UTILITIES}/node_modules/@fluentui/dom-utilities": symlink(
                "../../../../.generated/@rnx-kit/yarn-plugin-ignore-stub"
            ),
            f"{STUB}/package.json": {
                "name": "@rnx-kit/yarn-plugin-ignore/stub",
                "version": "0.0.0",
                "main": "index.js",
            },
            f"{STUB}/index.js": "module.exports = {};\n",
        }
    )
    graph = read_installed_tree(fs, "/app")
    locked = read_lockfile(fs, "/app/yarn.lock", manifest_json(fs, "/app"))
    return [(item.code, item.message) for item in verify_tree(graph, locked)]


def test_a_plugins_protocol_is_not_judged() -> None:
    assert _findings() == []
