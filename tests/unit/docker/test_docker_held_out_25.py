"""nmdoctor docker on shapes the twenty-fifth held-out field batch showed (tests/field/docker, held-out-25)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_START_INSTALL = {
    "/p/Dockerfile": 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["sh", "-c", "npm install && node index.js"]\n',
    "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
    "/p/.dockerignore": "node_modules\n",
}


def test_the_install_at_start_fix_names_npm_install_where_the_project_has_no_lockfile() -> None:
    """`npm ci` stops with EUSAGE in a folder with a package.json and no package-lock.json (checked with
    npm 11.19: "The `npm ci` command can only install with an existing package-lock.json"), so the fix
    for a project that commits none names `npm install`."""
    (finding,) = _findings(_START_INSTALL, "install-at-start")
    assert "`npm install`" in (finding.fix or "")
    assert "npm ci" not in (finding.fix or "")


def test_the_install_at_start_fix_keeps_npm_ci_where_the_project_has_a_lockfile() -> None:
    (finding,) = _findings({**_START_INSTALL, "/p/package-lock.json": "{}"}, "install-at-start")
    assert "`npm ci`" in (finding.fix or "")


def test_a_compose_service_fix_names_the_managers_plain_install_without_its_lockfile() -> None:
    """pnpm refuses `--frozen-lockfile` with no pnpm-lock.yaml (ERR_PNPM_NO_LOCKFILE, pnpm docs on
    `pnpm install --frozen-lockfile`); a package-lock.json is no lockfile pnpm installs from."""
    mapping = {
        "/p/Dockerfile": "FROM node:22-slim\nRUN npm i -g pnpm@9.12.0\nWORKDIR /app\nCOPY . .\n",
        "/p/docker-compose.yml": (
            "services:\n  web:\n    build: .\n    command: sh -c 'pnpm install && node index.js'\n"
        ),
        "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
        "/p/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "install-at-start")
    assert "`pnpm install` in the Dockerfile" in (finding.fix or "")
    assert "frozen" not in (finding.fix or "")


def test_a_plain_node_service_fix_reads_the_lockfiles_of_the_bound_folder() -> None:
    """`image: node` with ./web bound at /app: the project is ./web, which commits no lockfile, so the
    fix names `npm install` (npm ci would stop with EUSAGE), and a yarn start names yarn's own install."""
    mapping = {
        "/p/docker-compose.yml": (
            "services:\n  web:\n    image: node:22\n    working_dir: /app\n    volumes:\n      - ./web:/app\n"
            "    command: sh -c 'npm install && npm start'\n"
        ),
        "/p/web/package.json": '{"name": "app", "scripts": {"start": "node index.js"}}',
        "/p/package-lock.json": "{}",
    }
    (finding,) = _findings(mapping, "install-at-start")
    assert "then `npm install` in /app" in (finding.fix or "")
    yarn = {
        **mapping,
        "/p/docker-compose.yml": mapping["/p/docker-compose.yml"].replace(
            "npm install && npm start", "yarn && yarn start"
        ),
        "/p/web/yarn.lock": "",
    }
    (finding,) = _findings(yarn, "install-at-start")
    assert "`COPY package.json yarn.lock ./` then `yarn install --frozen-lockfile` in /app" in (finding.fix or "")
