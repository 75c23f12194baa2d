"""nmdoctor docker on shapes the twenty-third held-out field batch showed (tests/field/docker, held-out-23)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_PROD = (
    "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY src/ ./src/\n"
    'CMD ["node", "src/index.js"]\n'
)
_COMPOSE_USER = {
    "/p/Dockerfile.prod": _PROD,
    "/p/docker-compose.yml": (
        "services:\n  prod:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n"
        "    user: '${UID:-1000}:${GID:-1000}'\n"
    ),
    "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "node_modules\n",
}


def test_a_dockerfile_of_another_name_that_compose_builds_runs_as_the_services_user() -> None:
    # mp4ify-bot-bun: `docker build .` reads only Dockerfile (or dockerfile); Dockerfile.prod is built by
    # the compose service, which runs it as uid 1000: no root
    assert _findings(_COMPOSE_USER, "runs-as-root") == []


def test_the_default_dockerfile_is_still_judged_as_built_on_its_own() -> None:
    # `docker build .` builds Dockerfile with no user from compose: node runs as root
    mapping = {
        key.replace("Dockerfile.prod", "Dockerfile"): value.replace("Dockerfile.prod", "Dockerfile")
        for key, value in _COMPOSE_USER.items()
    }
    (finding,) = _findings(mapping, "runs-as-root")
    assert finding.from_ == "Dockerfile"
    lowercase = {
        key.replace("/Dockerfile", "/dockerfile"): value.replace("dockerfile: Dockerfile", "dockerfile: dockerfile")
        for key, value in mapping.items()
    }
    assert [item.from_ for item in _findings(lowercase, "runs-as-root")] == ["dockerfile"]


def test_a_dockerfile_of_another_name_no_compose_service_builds_is_judged_on_its_own() -> None:
    mapping = {key: value for key, value in _COMPOSE_USER.items() if key != "/p/docker-compose.yml"}
    (finding,) = _findings(mapping, "runs-as-root")
    assert finding.from_ == "Dockerfile.prod"


def test_the_prod_stage_reinstall_fix_names_the_build_stage_and_the_folders_the_installs_ran_in() -> None:
    # agrobov-api-dev: WORKDIR /usr/app, not /app: `COPY --from=<build stage> /app/node_modules` would stop the build
    dockerfile = (
        "FROM node:16-alpine as development\nWORKDIR /usr/app/\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n"
        "RUN npm run build\n\nFROM node:16-alpine as production\nWORKDIR /usr/app/\nCOPY package*.json ./\n"
        'RUN npm ci --omit=dev\nCOPY --from=development /usr/app/dist ./dist\nCMD ["node", "./dist/index.js"]\n'
    )
    mapping = {
        "/p/Dockerfile": dockerfile,
        "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
        "/p/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "prod-stage-reinstall")
    assert (finding.fix or "").startswith("COPY --from=development /usr/app/node_modules /usr/app/node_modules ")
    quoted = dockerfile.replace("WORKDIR /usr/app/", 'WORKDIR "/srv/app"')
    (finding,) = _findings(mapping | {"/p/Dockerfile": quoted}, "prod-stage-reinstall")
    assert (finding.fix or "").startswith("COPY --from=development /srv/app/node_modules /srv/app/node_modules ")


def test_the_install_at_start_fix_names_the_frozen_install_of_the_manager_the_start_runs() -> None:
    # mp4ify-bot-bun: `bun install && exec bun dev` at start; `npm ci` needs a package-lock.json a bun project lacks
    mapping = {
        "/p/Dockerfile": 'FROM oven/bun\nWORKDIR /app\nUSER bun\nCMD ["sh", "-c", "bun install && exec bun dev"]\n',
        "/p/package.json": '{"name": "app", "dependencies": {"grammy": "^1.30.0"}}',
        "/p/bun.lock": "{}",
    }
    (finding,) = _findings(mapping, "install-at-start")
    assert "`bun install --frozen-lockfile`" in (finding.fix or "")
    for start, frozen, lockfile in (
        ("yarn", "yarn install --frozen-lockfile", "yarn.lock"),
        ("pnpm install", "pnpm install --frozen-lockfile", "pnpm-lock.yaml"),
    ):
        dockerfile = mapping["/p/Dockerfile"].replace("bun install", start).replace("oven/bun", "node:22")
        dockerfile = dockerfile.replace("USER bun", "USER node")
        # each with its own lockfile: without one the fix names the plain install (held-out-25)
        (finding,) = _findings(mapping | {"/p/Dockerfile": dockerfile, f"/p/{lockfile}": ""}, "install-at-start")
        assert f"`{frozen}`" in (finding.fix or ""), start


def test_the_prod_stage_reinstall_fix_prunes_with_the_manager_that_installed() -> None:
    # yarn has no `prune`: the fix names yarn's own ways to drop devDependencies, not npm's or pnpm's
    dockerfile = (
        "FROM node:20 AS build\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n"
        "COPY . .\nRUN yarn build\n\nFROM node:20-slim\nWORKDIR /app\nCOPY package.json yarn.lock ./\n"
        "RUN yarn install --production --frozen-lockfile\nCOPY --from=build /app/dist ./dist\nUSER node\n"
        'CMD ["node", "dist/index.js"]\n'
    )
    mapping = {
        "/p/Dockerfile": dockerfile,
        "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
        "/p/yarn.lock": "# yarn lockfile v1\n",
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "prod-stage-reinstall")
    assert "npm prune" not in (finding.fix or "") and "`yarn install --production --frozen-lockfile`" in (
        finding.fix or ""
    )
