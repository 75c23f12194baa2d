"""nmdoctor docker on shapes the thirteenth held-out field batch showed (tests/field/docker, held-out-13):
a service that `extends` a service of another compose file, and an install the image's own
ENTRYPOINT or CMD runs at every start of a compose service."""

from __future__ import annotations

import posixpath

from nmdoctor.docker import docker_findings
from nmdoctor.docker.compose import load_services
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p"))


_BASE = (
    "version: '3'\n\nservices:\n  nx-app-base:\n    restart: always\n    build:\n      context: .\n"
    "      dockerfile: Dockerfile\n    volumes:\n      - ./:/app\n      - mono-node-modules:/app/node_modules\n"
)
_STACK = (
    "services:\n  api-1:\n    extends:\n      file: docker-compose.base.yml\n      service: nx-app-base\n"
    "    command: yarn api-1:dev:docker\n\nvolumes:\n  mono-node-modules: null\n"
)


def test_a_service_extending_a_service_of_another_file_takes_its_build_and_mounts() -> None:
    # DeanRTaylor1/monorepo-example: compose merges the base of `extends: {file, service}` into the
    # service, so api-1 builds the Dockerfile and keeps node_modules in a named volume
    found = codes(
        {
            "/p/docker-compose.yml": _STACK,
            "/p/docker-compose.base.yml": _BASE,
            "/p/Dockerfile": "FROM node:20-alpine\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn\nCOPY . .\n",
            "/p/package.json": "{}",
            "/p/yarn.lock": "# yarn lockfile v1\n",
            "/p/.dockerignore": "node_modules\n",
        }
    )
    assert ("volume-shadows-node-modules", "docker-compose.base.yml", 11) in found
    assert ("runs-as-root", "Dockerfile", 1) in found


def test_a_base_in_another_folder_keeps_its_paths_relative_to_its_file() -> None:
    # 0G3RA/monorepo-next-nest: the base in apps/api builds `context: ../..`, the repository root
    base = (
        "services:\n  api:\n    build:\n      context: ../..\n      dockerfile: Dockerfile\n"
        "    volumes:\n      - ./src:/app/apps/api/src\n      - /app/node_modules\n"
    )
    stack = "services:\n  api:\n    extends:\n      file: apps/api/docker-compose.yml\n      service: api\n"
    texts = {"apps/api/docker-compose.yml": base}
    (service,) = load_services([("docker-compose.yml", stack)], {}, texts.get)
    assert (service.context, posixpath.normpath(service.dockerfile or "")) == (".", "Dockerfile")
    assert [(mount.kind, mount.source, mount.file, mount.line) for mount in service.mounts] == [
        ("bind", "apps/api/src", "apps/api/docker-compose.yml", 7),
        ("anonymous", None, "apps/api/docker-compose.yml", 8),
    ]


def test_without_the_other_file_the_service_keeps_its_own_keys() -> None:
    stack = "services:\n  api:\n    extends:\n      file: missing.yml\n      service: api\n    image: node:20\n"
    (service,) = load_services([("docker-compose.yml", stack)], {}, {}.get)
    assert (service.image, service.dockerfile, service.mounts) == ("node:20", None, [])


_LASTPONG = {
    "/p/docker-compose.yml": (
        "services:\n  backend:\n    build:\n      context: ./docker\n      dockerfile: ./backend.dockerfile\n"
        "    volumes:\n      - ./backend:/app\n"
    ),
    "/p/backend/package.json": "{}",
    "/p/backend/package-lock.json": "{}",
}


def test_an_install_in_the_image_s_entrypoint_is_reported_where_the_entrypoint_is() -> None:
    # lev-Zero/lastpong: compose overrides nothing; the install is in the Dockerfile's ENTRYPOINT
    dockerfile = (
        'FROM node:lts\n\nWORKDIR /app\n\nEXPOSE 3000\n\nENTRYPOINT [ "/bin/sh", "-c", '
        '"npm install && npm i -g @nestjs/cli && npm run start:dev" ]\n'
    )
    found = codes(_LASTPONG | {"/p/docker/backend.dockerfile": dockerfile})
    assert [item for item in found if item[0] == "install-at-start"] == [
        ("install-at-start", "docker/backend.dockerfile", 7)
    ]


def test_an_install_in_the_image_s_cmd_is_reported_at_the_cmd() -> None:
    dockerfile = 'FROM node:lts\nWORKDIR /app\nCMD ["sh", "-c", "npm install && npm run dev"]\n'
    found = codes(_LASTPONG | {"/p/docker/backend.dockerfile": dockerfile})
    assert [item for item in found if item[0] == "install-at-start"] == [
        ("install-at-start", "docker/backend.dockerfile", 3)
    ]


def test_an_install_in_a_compose_command_stays_on_the_compose_file() -> None:
    compose = _LASTPONG["/p/docker-compose.yml"] + '    command: sh -c "npm install && npm run dev"\n'
    dockerfile = 'FROM node:lts\nWORKDIR /app\nCMD ["node", "main.js"]\n'
    found = codes(_LASTPONG | {"/p/docker-compose.yml": compose, "/p/docker/backend.dockerfile": dockerfile})
    assert [item for item in found if item[0] == "install-at-start"] == [("install-at-start", "docker-compose.yml", 2)]
