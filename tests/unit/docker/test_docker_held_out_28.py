"""nmdoctor docker on shapes the twenty-eighth held-out field batch showed (tests/field/docker, held-out-28)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.docker.node_image import image_libc
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p", None))


def of(found: list[tuple[str, str | None, int | None]], code: str) -> list[tuple[str, str | None, int | None]]:
    return [item for item in found if item[0] == code]


_GLIBC_TO_ALPINE = (
    "FROM node:18.20.4 AS builder\nWORKDIR /app\nCOPY ./package.json ./\nRUN npm install\nCOPY . .\n"
    "RUN npm run build\n\n\nFROM node:18.20.4-alpine\nWORKDIR /app\nCOPY --from=builder /app ./\n"
    'CMD ["npm", "run", "start:prod"]\n'
)


def test_image_libc_reads_the_official_tags() -> None:
    # Docker Hub's node image: the bare, -slim and Debian code-name tags are Debian (glibc), -alpine* Alpine (musl)
    assert image_libc("node:18.20.4") == "glibc"
    assert image_libc("node:20-bookworm-slim") == "glibc"
    assert image_libc("node:lts-slim") == "glibc"
    assert image_libc("node:18.20.4-alpine") == "musl"
    assert image_libc("node:22-alpine3.20") == "musl"
    assert image_libc("gcr.io/distroless/nodejs20-debian12") == "glibc"
    assert image_libc("node:${NODE}") is None
    assert image_libc("python:3.12") is None


def test_a_glibc_tree_with_an_addon_copied_into_alpine_is_a_mismatch() -> None:
    """Project-XPolaris/YouMusic: a Debian builder installs sqlite3, whose install script
    (`prebuild-install -r napi || node-gyp rebuild`, checked with `npm view sqlite3@5.1.7`) fetches the
    prebuilt addon for the builder's platform, which prebuild-install names by C library (`linux-x64`
    for glibc, `linuxmusl-x64` for musl), and the Alpine runtime copies /app. Per sharp's installation
    docs, a tree installed for glibc does not load on musl: install in the runtime's image."""
    base = {"/p/Dockerfile": _GLIBC_TO_ALPINE, "/p/.dockerignore": "node_modules/\n"}
    found = codes(base | {"/p/package.json": '{"dependencies": {"sqlite3": "^5.0.0"}}'})
    assert of(found, "node-version-mismatch") == [("node-version-mismatch", "Dockerfile", 11)]
    # a pure JavaScript tree loads under either C library
    assert of(codes(base | {"/p/package.json": '{"dependencies": {"express": "^4"}}'}), "node-version-mismatch") == []


def test_an_install_script_in_the_lockfile_counts_and_a_rebuild_clears_it() -> None:
    base = {"/p/Dockerfile": _GLIBC_TO_ALPINE, "/p/.dockerignore": "node_modules/\n", "/p/package.json": "{}"}
    lock = '{"lockfileVersion": 3, "packages": {"": {}, "node_modules/x-addon": {"hasInstallScript": true}}}'
    found = codes(base | {"/p/package-lock.json": lock})
    assert of(found, "node-version-mismatch") == [("node-version-mismatch", "Dockerfile", 11)]
    # `npm rebuild` after the copy builds the addons again for the runtime's C library
    rebuilt = _GLIBC_TO_ALPINE.replace('CMD ["npm"', 'RUN npm rebuild\nCMD ["npm"')
    assert of(codes(base | {"/p/package-lock.json": lock, "/p/Dockerfile": rebuilt}), "node-version-mismatch") == []
