"""nmdoctor docker on shapes the twenty-second held-out field batch showed (tests/field/docker, held-out-22)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_PUPPETEER = {
    "/p/Dockerfile": (
        "FROM ghcr.io/puppeteer/puppeteer:23.0.2\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"
        'CMD ["node", "./bin/www"]\n'
    ),
    "/p/package.json": '{"name": "app", "dependencies": {"puppeteer": "^23.0.2"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "node_modules\n",
}


def test_the_puppeteer_image_runs_as_its_own_unprivileged_user() -> None:
    # puppeteer-testd: puppeteer's docker/Dockerfile ends with `USER $PPTRUSER_UID` (pptruser, uid 10042);
    # a Dockerfile FROM it that sets no USER runs node as pptruser
    assert _findings(_PUPPETEER, "runs-as-root") == []
    for tag in ("latest", "19.7.2", "23.0.2@sha256:" + "a" * 64):
        dockerfile = _PUPPETEER["/p/Dockerfile"].replace("23.0.2", tag, 1)
        assert _findings(_PUPPETEER | {"/p/Dockerfile": dockerfile}, "runs-as-root") == [], tag


def test_root_over_the_puppeteer_image_names_its_user_in_the_fix() -> None:
    # nsoft-puppeteer: `USER root` over the puppeteer image runs node as root; the fix names pptruser
    dockerfile = _PUPPETEER["/p/Dockerfile"].replace("WORKDIR /app", "USER root\nWORKDIR /app")
    (finding,) = _findings(_PUPPETEER | {"/p/Dockerfile": dockerfile}, "runs-as-root")
    assert "`USER pptruser`" in (finding.fix or "")


def test_the_playwright_image_runs_as_root_and_the_fix_names_pwuser() -> None:
    # senior-qa-playwright: Playwright's images run as root and carry the user pwuser (microsoft/playwright#4084)
    dockerfile = (
        "FROM mcr.microsoft.com/playwright:v1.58.2-jammy\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n"
        'COPY . .\nCMD ["npx", "playwright", "test"]\n'
    )
    (finding,) = _findings(_PUPPETEER | {"/p/Dockerfile": dockerfile}, "runs-as-root")
    assert "`USER pwuser`" in (finding.fix or "")


_STRAPI = {
    "/p/Dockerfile": (
        "FROM node:16\nWORKDIR /app\nCOPY ./package*.json ./\nRUN yarn install --frozen-lockfile\nCOPY . .\n"
        'CMD ["yarn", "start"]\n'
    ),
    "/p/package.json": '{"name": "app", "dependencies": {"@strapi/strapi": "4.1.6"}}',
    "/p/yarn.lock": "# yarn lockfile v1\n",
    "/p/.dockerignore": "node_modules\n",
}


def test_the_fix_copies_the_lockfile_the_project_commits_where_the_install_reads_it() -> None:
    # kryptos-strapi: `COPY ./package*.json` brings no yarn.lock, which the project commits; the fix copies it
    # for the install that reads it, and offers no `npm ci` (which stops without a package-lock.json: npm
    # 11.19.1, "The `npm ci` command can only install with an existing package-lock.json")
    (finding,) = _findings(_STRAPI, "lockfile-not-used")
    assert finding.line == 4
    assert "COPY package.json and yarn.lock" in (finding.fix or "")
    assert "npm ci" not in (finding.fix or "")
    # nestjs-user-crud: npm install with only package.json copied while the project commits a yarn.lock
    npm = _STRAPI["/p/Dockerfile"].replace("yarn install --frozen-lockfile", "npm install")
    (finding,) = _findings(_STRAPI | {"/p/Dockerfile": npm}, "lockfile-not-used")
    assert "COPY package.json and yarn.lock" in (finding.fix or "") and "`npm ci`" not in (finding.fix or "")
    # contacts-api: the project's package-lock.json left out: the fix copies it and runs npm ci
    locked = {"/p/package-lock.json": "{}", "/p/Dockerfile": npm.replace("./package*.json", "package.json")}
    (finding,) = _findings({k: v for k, v in _STRAPI.items() if k != "/p/yarn.lock"} | locked, "lockfile-not-used")
    assert "COPY package.json and package-lock.json" in (finding.fix or "") and "`npm ci`" in (finding.fix or "")
    # yarn's flags stay: the fix copies the lockfile and keeps the install as written
    production = _STRAPI["/p/Dockerfile"].replace("yarn install --frozen-lockfile", "yarn --production")
    (finding,) = _findings(_STRAPI | {"/p/Dockerfile": production}, "lockfile-not-used")
    assert "keeping the install's other flags" in (finding.fix or "")


_NEST_DEV = {
    "/p/docker-compose.yml": (
        "services:\n  app:\n    build: .\n    volumes:\n      - .:/usr/app\n      - /usr/src/app/node_modules\n"
    ),
    "/p/Dockerfile": (
        'FROM node:20\nWORKDIR /usr/app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["npm", "run", "start:dev"]\n'
    ),
    "/p/package.json": '{"name": "app", "scripts": {"start:dev": "nest start --watch"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "node_modules\n",
}


def test_the_bind_error_names_a_node_modules_volume_mounted_on_another_folder() -> None:
    # nestjs-user-crud: the anonymous volume sits on /usr/src/app/node_modules while the bind and the app are
    # in /usr/app: the volume hides nothing of the app's and restores nothing; the fix says to move it
    (finding,) = _findings(_NEST_DEV, "volume-shadows-node-modules")
    assert finding.line == 5
    assert "`- /usr/app/node_modules`" in (finding.fix or "")
    assert "/usr/src/app/node_modules (line 6)" in (finding.fix or "")
    # a node_modules volume under the bind (a nested package's) is not misplaced: it is not named
    nested = _NEST_DEV["/p/docker-compose.yml"].replace("/usr/src/app/node_modules", "/usr/app/client/node_modules")
    (finding,) = _findings(_NEST_DEV | {"/p/docker-compose.yml": nested}, "volume-shadows-node-modules")
    assert "client" not in (finding.fix or "")
    # with no such volume the fix stays as it was
    plain = _NEST_DEV["/p/docker-compose.yml"].replace("      - /usr/src/app/node_modules\n", "")
    (finding,) = _findings(_NEST_DEV | {"/p/docker-compose.yml": plain}, "volume-shadows-node-modules")
    assert "/usr/src/app" not in (finding.fix or "")
