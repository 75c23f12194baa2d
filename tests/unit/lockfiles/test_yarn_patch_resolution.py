"""A root `resolutions` entry to a patch file of the project (jest's lru-cache patch) is bound by
yarn to the root workspace: its lockfile key ends `::locator=<root>`, and every dependency the
resolution rewrites resolves to it."""

from __future__ import annotations

from nmdoctor.lockfiles.yarn import read_yarn_lockfile

PATCH = "patch:lru-cache@npm:10.4.3#./.yarn/patches/lru-cache-npm-10.4.3-30c10b861a.patch"
RESOLVED = (
    "lru-cache@patch:lru-cache@npm%3A10.4.3#./.yarn/patches/lru-cache-npm-10.4.3-30c10b861a.patch"
    "::version=10.4.3&hash=e5e8aa&locator=%40jest%2Fmonorepo%40workspace%3A."
)
LOCK = f'''\
__metadata:
  version: 8
  cacheKey: 10

"@jest/monorepo@workspace:.":
  version: 0.0.0-use.local
  resolution: "@jest/monorepo@workspace:."
  dependencies:
    path-scurry: "npm:^1.11.1"
  languageName: unknown
  linkType: soft

"lru-cache@npm:10.4.3":
  version: 10.4.3
  resolution: "lru-cache@npm:10.4.3"
  languageName: node
  linkType: hard

"lru-cache@{PATCH}::locator=%40jest%2Fmonorepo%40workspace%3A.":
  version: 10.4.3
  resolution: "{RESOLVED}"
  languageName: node
  linkType: hard

"path-scurry@npm:^1.11.1":
  version: 1.11.1
  resolution: "path-scurry@npm:1.11.1"
  dependencies:
    lru-cache: "npm:^10.2.0"
  languageName: node
  linkType: hard
'''


def test_a_resolution_to_a_project_patch_resolves_to_the_patched_package() -> None:
    manifest = {"name": "@jest/monorepo", "resolutions": {"lru-cache@^10.2.0": PATCH}}
    lock = read_yarn_lockfile(LOCK, "/p/yarn.lock", manifest)
    [edge] = [edge for edge in lock.edges if edge.source == "path-scurry@npm:1.11.1"]
    assert edge.target is not None and edge.target.startswith("lru-cache@patch:")
