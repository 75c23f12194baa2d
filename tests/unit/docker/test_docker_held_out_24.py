"""nmdoctor docker on shapes the twenty-fourth held-out field batch showed (tests/field/docker, held-out-24)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p") if item.code == code]


_NPM = {
    "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "**/node_modules\n",
}


def test_a_stage_named_in_capitals_is_the_stage_a_lowercase_copy_from_takes() -> None:
    """bobbyg603-ts-express: `FROM node:19-alpine as Builder` then `COPY --from=builder`. BuildKit
    lowercases the `AS` name (parseBuildStageName: strings.ToLower) and looks `--from` up lowercased
    (moby/buildkit dockerfile2llb), so the shipped stage copies the builder's output and its
    `npm ci --production` is a second install."""
    dockerfile = (
        "FROM node:19-alpine as Builder\nWORKDIR /tmp\nCOPY . .\nRUN npm ci && npm run build\n\n"
        "FROM node:19-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --production\nCOPY . .\n"
        'COPY --from=builder /tmp/dist ./dist\nUSER node\nCMD ["node", "dist/index.js"]\n'
    )
    (finding,) = _findings({**_NPM, "/p/Dockerfile": dockerfile}, "prod-stage-reinstall")
    assert finding.line == 9
    assert "COPY --from=builder /tmp/node_modules /app/node_modules" in (finding.fix or "")
    # the reference in capitals finds the lowercase stage too
    upper = dockerfile.replace("as Builder", "AS build").replace("--from=builder", "--from=BUILD")
    assert [item.line for item in _findings({**_NPM, "/p/Dockerfile": upper}, "prod-stage-reinstall")] == [9]


_TURBO_WEB = (
    "FROM node:18-alpine AS builder\nWORKDIR /app\nRUN npm install -g pnpm@8.6.12 turbo{turbo}\nCOPY . .\n"
    "RUN turbo prune web --docker\n\n"
    "FROM node:18-alpine AS installer\nWORKDIR /app\nRUN npm install -g pnpm@8.6.12\n"
    "COPY --from=builder /app/out/json/ .\nRUN pnpm install\n"
    "COPY --from=builder /app/out/full/ .\nRUN pnpm turbo build --filter=web...\n\n"
    "FROM node:18-alpine AS runner\nWORKDIR /app\nUSER node\nCOPY --from=installer /app .\n"
    'CMD ["node", "apps/web/server.js"]\n'
)
_MONOREPO = {
    "/p/package.json": '{"name": "root", "packageManager": "pnpm@8.6.12", "devDependencies": {"turbo": "^2"}}',
    "/p/pnpm-lock.yaml": "lockfileVersion: '6.0'\n",
    "/p/pnpm-workspace.yaml": "packages:\n  - apps/*\n",
    "/p/.dockerignore": "**/node_modules\n",
}


def test_turbo_2_prune_docker_puts_the_pruned_lockfile_in_out_json() -> None:
    """turbo-web: turborepo's prune test (turborepo-tests/integration/tests/prune/docker.t) lists
    out/json as apps, package.json, packages, patches, pnpm-lock.yaml, pnpm-workspace.yaml, and
    turborepo issue 10410 shows out/json/bun.lock: the install after `COPY --from=... /app/out/json/ .`
    reads a lockfile, for an unpinned turbo (today's, 2.x) or one pinned to 2."""
    for turbo in ("", "@^2.1.1", "@latest"):
        mapping = {**_MONOREPO, "/p/Dockerfile": _TURBO_WEB.format(turbo=turbo)}
        assert _findings(mapping, "lockfile-not-used") == [], turbo


def test_turbo_1_prune_docker_left_the_lockfile_in_out_only() -> None:
    """turbo 1's Go prune (cli/internal/prune/prune.go) wrote the pruned lockfile to out/ and only the
    package.json files and the workspace file to out/json: an install from out/json alone has none."""
    mapping = {**_MONOREPO, "/p/Dockerfile": _TURBO_WEB.format(turbo="@1.10.16")}
    assert [item.line for item in _findings(mapping, "lockfile-not-used")] == [11]
    # copying out/'s lockfile beside it is fine with any turbo
    with_lockfile = mapping["/p/Dockerfile"].replace(
        "COPY --from=builder /app/out/json/ .\n",
        "COPY --from=builder /app/out/json/ .\nCOPY --from=builder /app/out/pnpm-lock.yaml ./pnpm-lock.yaml\n",
    )
    assert _findings({**mapping, "/p/Dockerfile": with_lockfile}, "lockfile-not-used") == []


def test_the_project_s_own_turbo_prune_puts_its_lockfile_where_its_declared_major_does() -> None:
    """`pnpm turbo prune web --docker` (or `yarn turbo`, `npx turbo`) runs the turbo the project's root
    package.json declares: `"turbo": "^2"` writes the pruned lockfile into out/json as well (turbo 2's
    prune, as above), `"turbo": "1.13.4"` only into out/. `npx turbo@2 prune` names its version; an npx
    of a project that declares none fetches the registry's newest, a 2."""
    for runner in ("pnpm turbo", "yarn turbo", "npx turbo", "pnpm exec turbo", "npx turbo@2", "pnpm dlx turbo@latest"):
        dockerfile = (
            _TURBO_WEB.format(turbo="").replace(" turbo\n", "\n").replace("RUN turbo prune", f"RUN {runner} prune")
        )
        assert _findings({**_MONOREPO, "/p/Dockerfile": dockerfile}, "lockfile-not-used") == [], runner
    turbo_1 = {**_MONOREPO, "/p/package.json": _MONOREPO["/p/package.json"].replace('"^2"', '"1.13.4"')}
    for runner in ("pnpm turbo", "npx turbo"):
        dockerfile = (
            _TURBO_WEB.format(turbo="").replace(" turbo\n", "\n").replace("RUN turbo prune", f"RUN {runner} prune")
        )
        assert [item.line for item in _findings({**turbo_1, "/p/Dockerfile": dockerfile}, "lockfile-not-used")] == [11]
    undeclared = {**_MONOREPO, "/p/package.json": '{"name": "root", "packageManager": "pnpm@8.6.12"}'}
    dockerfile = _TURBO_WEB.format(turbo="").replace(" turbo\n", "\n").replace("RUN turbo prune", "RUN npx turbo prune")
    assert _findings({**undeclared, "/p/Dockerfile": dockerfile}, "lockfile-not-used") == []


_NEST = (
    "FROM node:21-alpine AS base\n\nFROM base AS development\nARG APP\nWORKDIR /nest/${APP}\n"
    "COPY nest/${APP}/package*.json ./\nRUN npm install\nCOPY nest/${APP} .\nRUN npm run build\n\n"
    "FROM base AS production\nARG APP\nWORKDIR /nest/${APP}\nCOPY nest/${APP}/package*.json ./\n"
    "RUN npm install --omit=dev\nCOPY --from=development /nest/${APP}/dist ./dist\n"
    'CMD ["node", "dist/main.js"]\n'
)


def test_a_dockerfile_two_services_build_with_other_args_is_read_for_each() -> None:
    """One Dockerfile, `ARG APP` and `COPY ${APP}/package*.json ./`, built by two services with
    `APP: api` and `APP: web` (compose passes each service's build.args as --build-arg): two images.
    apps/web commits no lockfile, so its `npm install` resolves afresh; the first service's args alone
    hid that."""
    dockerfile = (
        "FROM node:20-alpine\nARG APP\nWORKDIR /app\nCOPY apps/${APP}/package*.json ./\nRUN npm install\n"
        'COPY apps/${APP} .\nUSER node\nCMD ["node", "index.js"]\n'
    )
    service = "  {name}:\n    build:\n      context: .\n      args:\n        APP: {name}\n"
    mapping = {
        "/p/docker-compose.yml": "services:\n" + service.format(name="api") + service.format(name="web"),
        "/p/Dockerfile": dockerfile,
        "/p/apps/api/package.json": '{"name": "api", "dependencies": {"express": "^4.21.0"}}',
        "/p/apps/api/package-lock.json": "{}",
        "/p/apps/web/package.json": '{"name": "web", "dependencies": {"express": "^4.21.0"}}',
        "/p/.dockerignore": "**/node_modules\n",
    }
    (finding,) = _findings(mapping, "lockfile-not-used")
    assert finding.line == 5
    # the services in the other order: the same finding
    mapping["/p/docker-compose.yml"] = "services:\n" + service.format(name="web") + service.format(name="api")
    assert [item.line for item in _findings(mapping, "lockfile-not-used")] == [5]
    # both with a lockfile: none
    mapping["/p/apps/web/package-lock.json"] = "{}"
    assert _findings(mapping, "lockfile-not-used") == []


def test_a_compose_build_arg_gives_the_arg_its_value() -> None:
    """nest-next-compose: `ARG APP` with no default, `WORKDIR /nest/${APP}`, and the service's
    `build.args: [APP=nest-app-1]`. Compose passes build.args as --build-arg (the compose file
    reference, build section, args), so both installs run in /nest/nest-app-1: the printed COPY names
    that folder, not /nest (where no node_modules is, and the COPY would stop the build)."""
    for args in ("      args:\n        - APP=nest-app-1\n", "      args:\n        APP: nest-app-1\n"):
        mapping = {
            "/p/docker-compose.yml": (
                "services:\n  api:\n    build:\n      context: .\n      dockerfile: nest/api/Dockerfile\n" + args
            ),
            "/p/nest/api/Dockerfile": _NEST,
            "/p/nest/nest-app-1/package.json": '{"name": "api", "dependencies": {"@nestjs/core": "^10.0.0"}}',
            "/p/nest/nest-app-1/package-lock.json": "{}",
            "/p/.dockerignore": "**/node_modules\n",
        }
        (finding,) = _findings(mapping, "prod-stage-reinstall")
        assert (finding.fix or "").startswith(
            "COPY --from=development /nest/nest-app-1/node_modules /nest/nest-app-1/node_modules"
        ), args
        # an arg given no value (taken from the shell) stays unknown, as before
        bare = {**mapping, "/p/docker-compose.yml": mapping["/p/docker-compose.yml"].split("      args:")[0]}
        bare["/p/docker-compose.yml"] += "      args:\n        - APP\n"
        (finding,) = _findings(bare, "prod-stage-reinstall")
        assert (finding.fix or "").startswith("COPY --from=development /nest/node_modules"), args


_PNPM_SHIPPED_AGAIN = (
    "FROM node:20-slim AS build\nWORKDIR /var/www\nRUN npm install -g pnpm@10\nCOPY . .\n"
    "RUN pnpm install --frozen-lockfile && pnpm --filter server build\n\n"
    "FROM node:20-slim\nWORKDIR /var/www\nRUN npm install -g pnpm@10\n"
    "COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\nCOPY server/package.json server/\n"
    "RUN pnpm install --frozen-lockfile --prod\nCOPY --from=build /var/www/server/dist server/dist\n"
    'USER node\nCMD ["node", "server/dist/index.js"]\n'
)


def test_a_pnpm_workspace_is_told_to_reinstall_with_prod_and_copy_the_packages_node_modules() -> None:
    """pnpm-vite-express-prod: in a pnpm workspace, `pnpm prune --prod` at the root (real pnpm
    10.34.8, CI=true) empties every workspace package's node_modules, their production
    dependencies' links included, so the copy it led to would not run; deleting the node_modules
    folders and `pnpm install --prod --frozen-lockfile` (pnpm's docs for a monorepo) gives each
    package its production links again, in its own node_modules, which the copy must take too."""
    mapping = {
        **_MONOREPO,
        "/p/pnpm-workspace.yaml": "packages:\n  - server\n",
        "/p/server/package.json": '{"name": "server", "dependencies": {"ms": "2.1.3"}}',
        "/p/Dockerfile": _PNPM_SHIPPED_AGAIN,
    }
    (finding,) = _findings(mapping, "prod-stage-reinstall")
    assert finding.fix == (
        "COPY --from=build /var/www/node_modules /var/www/node_modules, and the node_modules of each workspace "
        "package the stage runs (pnpm links a package's dependencies in its own node_modules), after deleting the "
        "node_modules folders and running `pnpm install --prod --frozen-lockfile` there (`pnpm prune` does not run "
        "in a monorepo)"
    )
    # a single pnpm project keeps pnpm prune, which drops its devDependencies there
    single = {key: value for key, value in mapping.items() if key != "/p/pnpm-workspace.yaml"}
    (finding,) = _findings(single, "prod-stage-reinstall")
    assert (
        finding.fix == "COPY --from=build /var/www/node_modules /var/www/node_modules (after `pnpm prune --prod` there)"
    )
