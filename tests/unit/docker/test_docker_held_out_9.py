"""nmdoctor docker on shapes the ninth held-out field batch showed (tests/field/docker, held-out-9):
a compose command started under tini, lockfiles a .dockerignore leaves out, stages no build runs,
and a package's Dockerfile whose COPY --from names its own folder under the context root."""

from __future__ import annotations

import pytest

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS

PACKAGE = '{"name": "app", "version": "1.0.0"}'


def run(files: dict[str, str], folder: str = "/p") -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, folder))


def test_a_compose_command_under_tini_is_read_for_installs_at_start() -> None:
    # shlink-web-client: the image's ENTRYPOINT is tini, compose's command `/bin/sh -c "npm install && ..."`
    files = {
        "dev.Dockerfile": 'FROM node:24\nENTRYPOINT ["/sbin/tini", "--"]\n',
        "docker-compose.yml": (
            "services:\n  web:\n    user: 1000:1000\n    build:\n      context: .\n      dockerfile: ./dev.Dockerfile\n"
            '    working_dir: /home/www\n    command: /bin/sh -c "npm install && npm run start"\n'
            "    volumes:\n      - ./:/home/www\n"
        ),
        "package.json": PACKAGE,
        "package-lock.json": "{}",
    }
    assert ("install-at-start", "docker-compose.yml", 2) in run(files)


@pytest.mark.parametrize(
    ("ignore", "flagged"), [("node_modules\n", False), ("node_modules\npackage-lock.json\n", True)]
)
def test_a_lockfile_the_dockerignore_leaves_out_is_not_in_the_image(ignore: str, flagged: bool) -> None:
    files = {
        "Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm install\nUSER node\nCMD node index.js\n",
        ".dockerignore": ignore,
        "package.json": PACKAGE,
        "package-lock.json": "{}",
    }
    assert (("lockfile-not-used", "Dockerfile", 4) in run(files)) is flagged


def test_a_stage_no_build_runs_sends_nothing() -> None:
    # zwave-js-ui's Dockerfile.contrib: `FROM ${SRC} AS build` picks git-clone-src by default; the
    # local-copy-src alternative (a COPY of a checkout, no command) is built only with --build-arg SRC=...
    dockerfile = (
        "ARG SRC=git-clone-src\nFROM node:22 AS git-clone-src\nWORKDIR /home/node\nRUN git clone https://x/app.git\n"
        "FROM node:22 AS local-copy-src\nCOPY app /home/node/app\nFROM ${SRC} AS build\nWORKDIR /home/node/app\n"
        "RUN npm ci\nFROM node:22\nCOPY --from=build /home/node/app /usr/src/app\nWORKDIR /usr/src/app\nUSER node\n"
        'CMD ["node", "index.js"]\n'
    )
    files = {"docker/Dockerfile": dockerfile, "docker/app/package.json": '{"dependencies": {"a": "1"}}'}
    assert [item for item in run(files, "/p/docker") if item[0] == "node-modules-not-dockerignored"] == []
    files["docker/Dockerfile"] = dockerfile.replace("ARG SRC=git-clone-src", "ARG SRC=local-copy-src")
    assert ("node-modules-not-dockerignored", "Dockerfile", None) in run(files, "/p/docker")


def test_a_copy_from_of_the_dockerfiles_own_package_folder_puts_the_context_at_the_root() -> None:
    # hedgedoc's frontend/docker/Dockerfile: COPY . . into /usr/src/app, then COPY --from=builder
    # /usr/src/app/frontend/dist: built from the repository root, whose .dockerignore has **/node_modules
    files = {
        "frontend/docker/Dockerfile": (
            "FROM node:24-alpine AS builder\nUSER node\nWORKDIR /usr/src/app\nCOPY --chown=node . .\n"
            "RUN yarn install --immutable\nFROM node:24-alpine\nWORKDIR /usr/src/app\n"
            'COPY --from=builder /usr/src/app/frontend/dist ./\nUSER node\nCMD ["node", "server.js"]\n'
        ),
        ".dockerignore": "**/node_modules\n",
        "package.json": '{"name": "root", "private": true, "workspaces": ["frontend"]}',
        "yarn.lock": "__metadata:\n  version: 8\n",
        "frontend/package.json": PACKAGE,
    }
    assert [item for item in run(files, "/p/frontend/docker") if item[0] == "node-modules-not-dockerignored"] == []
