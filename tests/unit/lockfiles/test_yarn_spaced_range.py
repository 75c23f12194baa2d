"""A dependency range written with a space at its end (dir-compare 4.2.0 declares
`"p-limit": "^3.1.0 "`): yarn locks it under that descriptor, the lockfile key keeps the space, and
the dependency resolves to that entry (lossless-cut and electron/fiddle lock it so)."""

from __future__ import annotations

from nmdoctor.lockfiles.yarn import read_yarn_lockfile

BERRY = """\
__metadata:
  version: 8
  cacheKey: 10

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    dir-compare: "npm:^4.2.0"
  languageName: unknown
  linkType: soft

"dir-compare@npm:^4.2.0":
  version: 4.2.0
  resolution: "dir-compare@npm:4.2.0"
  dependencies:
    p-limit: "npm:^3.1.0 "
  languageName: node
  linkType: hard

"p-limit@npm:^3.0.2, p-limit@npm:^3.1.0 ":
  version: 3.1.0
  resolution: "p-limit@npm:3.1.0"
  languageName: node
  linkType: hard
"""

CLASSIC = """\
# yarn lockfile v1


dir-compare@^4.2.0:
  version "4.2.0"
  resolved "https://registry.yarnpkg.com/dir-compare/-/dir-compare-4.2.0.tgz"
  dependencies:
    p-limit "^3.1.0 "

p-limit@^3.0.2, "p-limit@^3.1.0 ":
  version "3.1.0"
  resolved "https://registry.yarnpkg.com/p-limit/-/p-limit-3.1.0.tgz"
"""


def test_a_range_with_a_trailing_space_resolves_in_a_berry_lockfile() -> None:
    lock = read_yarn_lockfile(BERRY, "/p/yarn.lock", {"name": "app", "dependencies": {"dir-compare": "^4.2.0"}})
    edges = {(edge.source, edge.name): edge.target for edge in lock.edges}
    assert edges[("dir-compare@npm:4.2.0", "p-limit")] == "p-limit@npm:3.1.0"


def test_a_range_with_a_trailing_space_resolves_in_a_classic_lockfile() -> None:
    lock = read_yarn_lockfile(CLASSIC, "/p/yarn.lock", {"name": "app", "dependencies": {"dir-compare": "^4.2.0"}})
    edges = {(edge.source, edge.name): edge.target for edge in lock.edges}
    assert edges[("dir-compare@4.2.0", "p-limit")] == "p-limit@3.1.0"
