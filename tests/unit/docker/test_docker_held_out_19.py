"""nmdoctor docker on shapes the nineteenth held-out field batch showed (tests/field/docker, held-out-19)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.docker.commands import classify, package_commands
from nmdoctor.vfs import MemoryFS


def _found(mapping: dict[str, str], code: str) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p") if item.code == code)


def test_an_install_in_a_subshell_of_the_start_command_runs_at_every_start() -> None:
    # the asset-register dev image: `CMD (cd /app; npm i); npm run start:dev` installs in /app at every start
    project = {
        "/p/package.json": '{"name": "web", "scripts": {"start:dev": "vite"}}',
        "/p/package-lock.json": '{"lockfileVersion": 3, "packages": {}}',
        "/p/Dockerfile": "FROM node:22\nWORKDIR /app/web\nCMD (cd /app; npm i); npm run start:dev\n",
    }
    assert _found(project, "install-at-start") == [("install-at-start", "Dockerfile", 3)]
    grouped = project | {"/p/Dockerfile": "FROM node:22\nWORKDIR /app\nCMD ( npm ci ) && npm start\n"}
    assert _found(grouped, "install-at-start") == [("install-at-start", "Dockerfile", 3)]
    # no install: no finding
    plain = project | {"/p/Dockerfile": "FROM node:22\nWORKDIR /app\nCMD (cd /app; npm run build); npm start\n"}
    assert _found(plain, "install-at-start") == []


def test_a_subshell_s_cd_ends_with_it_and_a_case_pattern_is_no_subshell() -> None:
    commands = package_commands("(cd /app; npm i); npm run start:dev")
    assert [(command.kind, folder) for command, folder in commands] == [("project", "/app"), ("other", None)]
    # `yarn)` is a case pattern, not the end of a subshell: `yarn` is not run there
    assert [command.text for command, _ in package_commands("case $PM in\n yarn)\n yarn start\n ;;\nesac")] == [
        "yarn start"
    ]
    # `$(...)` stays one word of the command
    ((command, _),) = package_commands("npm install -g $(jq -r .packageManager package.json)")
    assert command.kind == "global"


def test_npm_install_with_a_yarn_or_pnpm_freeze_flag_still_resolves_afresh() -> None:
    # portfolio-2026: `COPY package.json ./` then `npm install --frozen-lockfile`; npm has no such flag
    # (npm 11.19.1: 'Unknown cli config "--frozen-lockfile"', then a fresh package-lock.json)
    project = {
        "/p/package.json": '{"name": "site", "dependencies": {"next": "16.0.0"}}',
        "/p/package-lock.json": '{"lockfileVersion": 3, "packages": {}}',
        "/p/.dockerignore": "node_modules\n",
        "/p/Dockerfile": "FROM node:24-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --frozen-lockfile\n",
    }
    assert _found(project, "lockfile-not-used") == [("lockfile-not-used", "Dockerfile", 4)]
    immutable = project | {"/p/Dockerfile": project["/p/Dockerfile"].replace("--frozen-lockfile", "--immutable")}
    assert _found(immutable, "lockfile-not-used") == [("lockfile-not-used", "Dockerfile", 4)]
    # npm ci and the lockfile copied first: no finding; yarn's and pnpm's flags keep their meaning
    ci = project | {"/p/Dockerfile": "FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n"}
    assert _found(ci, "lockfile-not-used") == []
    assert classify("npm install --frozen-lockfile").frozen is False
    assert classify("pnpm install --frozen-lockfile").frozen is True
    assert classify("yarn install --frozen-lockfile").frozen is True
    assert classify("npm ci").frozen is True


def test_the_npm_6_of_node_14_images_does_not_read_a_yarn_lock() -> None:
    # nx-nestjs-base: node:14.19.0-alpine (npm 6.14) runs `npm i` in a project that commits only yarn.lock;
    # npm reads a yarn.lock from npm 7 on (npm blog, "npm v7 Series - Why Keep package-lock.json?")
    project = {
        "/p/package.json": '{"name": "ws", "dependencies": {"@nestjs/core": "^8.0.0"}}',
        "/p/yarn.lock": "# yarn lockfile v1\n\n",
        "/p/.dockerignore": "node_modules\n",
        "/p/Dockerfile": "FROM node:14.19.0-alpine\nWORKDIR /app\nCOPY . .\nRUN npm i\n",
    }
    assert _found(project, "lockfile-not-used") == [("lockfile-not-used", "Dockerfile", 4)]
    # node 16's npm 8 installs what the yarn.lock pins, and so does an npm installed over npm 6
    newer = project | {"/p/Dockerfile": project["/p/Dockerfile"].replace("14.19.0", "16")}
    assert _found(newer, "lockfile-not-used") == []
    upgraded = project | {"/p/Dockerfile": project["/p/Dockerfile"].replace("COPY", "RUN npm i -g npm@8.19.4\nCOPY")}
    assert _found(upgraded, "lockfile-not-used") == []


def test_a_start_command_that_installs_with_no_lockfile_in_the_container_resolves_afresh_at_each_start() -> None:
    # video-streaming: each service's image copies package*.json (no lockfile committed) and its CMD runs
    # `npm install` before the app at every start; compose binds only src/ below the app folder
    project = {
        "/p/svc/package.json": '{"name": "svc", "scripts": {"start": "node src/index.js"}}',
        "/p/svc/src/index.js": "",
        "/p/svc/Dockerfile": "FROM node:16.14.0-alpine\nWORKDIR /usr/src/app\nCOPY package*.json ./\n"
        "CMD npm install --only=production && \\\n    npm start\n",
        "/p/compose.yaml": "services:\n  svc:\n    build:\n      context: ./svc\n    volumes:\n"
        "      - ./svc/src:/usr/src/app/src\n",
    }
    assert _found(project, "lockfile-not-used") == [("lockfile-not-used", "svc/Dockerfile", 4)]
    assert _found(project, "install-at-start") == [("install-at-start", "svc/Dockerfile", 4)]
    # a committed lockfile copied in, npm ci, or a bind over the app folder (the host's lockfile) decide
    locked = project | {"/p/svc/package-lock.json": '{"lockfileVersion": 3, "packages": {}}'}
    assert _found(locked, "lockfile-not-used") == []
    ci = project | {
        "/p/svc/Dockerfile": project["/p/svc/Dockerfile"].replace("npm install --only=production", "npm ci")
    }
    assert _found(ci, "lockfile-not-used") == []
    bound = project | {
        "/p/compose.yaml": project["/p/compose.yaml"].replace("./svc/src:/usr/src/app/src", "./svc:/usr/src/app")
    }
    assert _found(bound, "lockfile-not-used") == []
