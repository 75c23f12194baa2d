"""nmdoctor docker on shapes the fifteenth held-out field batch showed (tests/field/docker, held-out-15)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str], compose: list[str] | None = None) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p", compose))


def of(found: list[tuple[str, str | None, int | None]], code: str) -> list[tuple[str, str | None, int | None]]:
    return [item for item in found if item[0] == code]


_NEXT_DEPS = (
    "FROM node:16-alpine AS deps\nWORKDIR /app\n"
    "COPY package.json yarn.lock* package-lock.json* pnpm-lock.yaml* ./\n"
    "RUN \\\n"
    "  if [ -f yarn.lock ]; then yarn --frozen-lockfile; \\\n"
    "  elif [ -f package-lock.json ]; then npm ci; \\\n"
    "  elif [ -f pnpm-lock.yaml ]; then yarn global add pnpm && pnpm i --frozen-lockfile; \\\n"
    '  else echo "Lockfile not found." && exit 1; \\\n'
    "  fi\n"
    "USER node\n"
)


def test_a_lockfile_test_branch_that_cannot_run_adds_no_floating_pnpm() -> None:
    # abhinayp/nextjs_boilerplate (Next.js's with-docker deps stage): yarn.lock is copied, so the first
    # branch runs; `yarn global add pnpm` sits in the pnpm-lock.yaml branch, which never does
    base = {"/p/Dockerfile": _NEXT_DEPS, "/p/.dockerignore": "node_modules\n", "/p/package.json": "{}"}
    assert of(codes(base | {"/p/yarn.lock": "", "/p/package-lock.json": "{}"}), "package-manager-floating") == []
    # with pnpm-lock.yaml the only lockfile, that branch is the one that runs
    assert of(codes(base | {"/p/pnpm-lock.yaml": ""}), "package-manager-floating") == [
        ("package-manager-floating", "Dockerfile", 4)
    ]


_ENTRYPOINT = (
    '#!/bin/bash\nCMD=${1:-"run"}\nset -ex\n\nif [[ $CMD = "run" ]]; then\n  yarn install\n  yarn run dev\n'
    'else\n  echo "Unknown command $CMD"\n  exit 127\nfi;\n'
)


def test_a_test_of_the_start_command_is_no_restore_marker() -> None:
    # abhinayp/nextjs_boilerplate: ENTRYPOINT ["./entrypoint.sh"] with CMD ["run"]; the script installs
    # in its `run` arm, so it installs at every start, and `[[ $CMD = "run" ]]` records nothing about
    # installed dependencies (no init-marker-version-blind)
    image = (
        "FROM node:18\nWORKDIR /app\nCOPY ./package.json /app/package.json\nRUN yarn install\n"
        'ENTRYPOINT [ "./entrypoint.sh" ]\nCMD [ "run" ]\n'
    )
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - ./:/app\n      - /app/node_modules\n"
    base = {"/p/Dockerfile": image, "/p/docker-compose.yml": compose, "/p/package.json": "{}", "/p/yarn.lock": ""}
    found = codes(base | {"/p/entrypoint.sh": _ENTRYPOINT})
    assert of(found, "init-marker-version-blind") == []
    assert of(found, "install-at-start") == [("install-at-start", "entrypoint.sh", 6)]
    # started with another command, the `run` arm (and its install) does not run
    other = base | {"/p/entrypoint.sh": _ENTRYPOINT, "/p/Dockerfile": image.replace('CMD [ "run" ]', 'CMD [ "test" ]')}
    assert of(codes(other), "install-at-start") == of(codes(other), "init-marker-version-blind") == []


def test_yarn_set_version_to_a_moving_tag_floats() -> None:
    # butthx/nochnbot: `yarn set version berry` fetches the newest stable yarn at every build (yarn 4.18.1
    # resolves latest/berry/stable/canary through repo.yarnpkg.com's tags); an exact version, a range
    # of one major (`3.x`) and classic (the newest 1.x) stay within one major
    base = {"/p/package.json": "{}", "/p/yarn.lock": "", "/p/.dockerignore": "node_modules\n"}
    image = (
        "FROM node:20\nCOPY . /usr/app\nWORKDIR /usr/app\nRUN yarn set version {tag}\nRUN yarn install\n"
        'USER node\nCMD ["yarn", "start"]\n'
    )
    for tag in ("berry", "stable", "latest", "canary"):
        found = codes(base | {"/p/Dockerfile": image.format(tag=tag)})
        assert of(found, "package-manager-floating") == [("package-manager-floating", "Dockerfile", 4)], tag
    for tag in ("4.0.2", "3.x", "classic", "self", "./yarn.cjs"):
        assert of(codes(base | {"/p/Dockerfile": image.format(tag=tag)}), "package-manager-floating") == [], tag


def test_the_fix_for_yarn_set_version_pins_it_with_yarn_set_version() -> None:
    fs = MemoryFS.from_mapping(
        {
            "/p/package.json": "{}",
            "/p/.dockerignore": "node_modules\n",
            "/p/Dockerfile": (
                'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN yarn set version stable\nUSER node\nCMD ["sh", "start.sh"]\n'
            ),
            "/p/start.sh": "yarn set version berry\nyarn start\n",
        }
    )
    fixes = {item.from_: item.fix for item in docker_findings(fs, "/p") if item.code == "package-manager-floating"}
    assert fixes["Dockerfile"] is not None and fixes["Dockerfile"].startswith("pin it: `yarn set version <x.y.z>`")
    assert fixes["start.sh"] is not None and fixes["start.sh"].startswith("pin it: `yarn set version <x.y.z>`")


_COREPACK = (
    "FROM node:lts-alpine3.19\nWORKDIR /app\nCOPY . /app\nRUN corepack enable pnpm\nRUN pnpm install\n{extra}"
    'USER node\nCMD ["pnpm", "serve:prod"]\n'
)


def test_corepack_enable_without_package_manager_runs_the_newest_pnpm() -> None:
    # DEsimas/FaceAI: package.json names no packageManager, so corepack (0.34.6 here) asks the registry
    # for the newest pnpm when `pnpm install` runs (12.26.0 in a fresh COREPACK_HOME)
    base = {"/p/.dockerignore": "node_modules\n", "/p/pnpm-lock.yaml": ""}
    unpinned = codes(base | {"/p/package.json": "{}", "/p/Dockerfile": _COREPACK.format(extra="")})
    assert of(unpinned, "package-manager-floating") == [("package-manager-floating", "Dockerfile", 4)]
    pinned = {"/p/package.json": '{"packageManager": "pnpm@10.11.0"}', "/p/Dockerfile": _COREPACK.format(extra="")}
    assert of(codes(base | pinned), "package-manager-floating") == []
    # corepack's own default instead of the registry's newest, or a release activated first
    for image in (
        _COREPACK.replace("WORKDIR /app\n", "WORKDIR /app\nENV COREPACK_DEFAULT_TO_LATEST=0\n").format(extra=""),
        _COREPACK.replace(
            "RUN pnpm install\n", "RUN corepack prepare pnpm@9.15.0 --activate\nRUN pnpm install\n"
        ).format(extra=""),
    ):
        assert of(codes(base | {"/p/package.json": "{}", "/p/Dockerfile": image}), "package-manager-floating") == []
    # a package.json that is not JSON: undecided, not a traceback
    broken = {"/p/package.json": '{"name": "x",,}', "/p/Dockerfile": _COREPACK.format(extra="")}
    assert of(codes(base | broken), "package-manager-floating") == []


def test_corepack_enabled_in_a_base_stage_floats_where_a_later_stage_runs_pnpm() -> None:
    # tetsureign/snap-n-go-apiv2: `corepack enable` in the base stage, the deps stage built FROM it copies
    # package.json (no packageManager) and runs pnpm install
    image = (
        "FROM node:lts-alpine3.23 AS base\nWORKDIR /app\nRUN corepack enable\n\nFROM base AS deps\n"
        "COPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile\n\n"
        "FROM node:lts-alpine3.23 AS runtime\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\n"
        'USER node\nCMD ["node", "dist/index.js"]\n'
    )
    found = codes({"/p/dockerfile": image, "/p/package.json": "{}", "/p/pnpm-lock.yaml": "", "/p/.dockerignore": "x\n"})
    assert of(found, "package-manager-floating") == [("package-manager-floating", "dockerfile", 3)]


def test_chown_of_the_app_folder_without_r_gives_the_runtime_user_its_files() -> None:
    # akkeris/ui test/Dockerfile: `chown user /test` after COPY . . and then USER user: the owner of the
    # folder cannot write the root-owned files but may delete and replace them (checked with setpriv as
    # nobody: `echo >> index.js` refused, `rm index.js && echo ... > index.js` done)
    image = (
        "FROM testcafe/testcafe:latest\nWORKDIR /test\nCOPY . .\nUSER root\nRUN npm install\n"
        'RUN chown {target}\nUSER user\nENTRYPOINT ["/test/testcafe-docker.sh"]\n'
    )
    base = {"/p/package.json": "{}", "/p/package-lock.json": "{}", "/p/.dockerignore": "node_modules\n"}
    found = codes(base | {"/p/Dockerfile": image.format(target="user /test")})
    assert of(found, "app-files-writable") == [("app-files-writable", "Dockerfile", 6)]
    # a folder of its own, with no app file in it, is not the app's
    other = codes(base | {"/p/Dockerfile": image.format(target="user /test/screenshots")})
    assert of(other, "app-files-writable") == []


_VEGANIFY = (
    "FROM oven/bun:1-alpine AS deps\nWORKDIR /app\nCOPY package.json bun.lock ./\nRUN bun install --frozen-lockfile\n\n"
    "FROM oven/bun:1-alpine AS builder\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\n"
    "RUN bun run build\n\nFROM oven/bun:1-alpine AS runner\nWORKDIR /app\nCOPY package.json bun.lock ./\n"
    "RUN bun install --frozen-lockfile --production --ignore-scripts\nCOPY --from=builder /app/dist ./dist\n"
    'USER bun\nCMD ["bun", "dist/main.js"]\n'
)


def test_a_reinstall_counts_the_stage_the_builder_copied_its_node_modules_from() -> None:
    # frontendnetwork/Veganify-API: deps installs, builder copies deps' node_modules and builds, the runner
    # copies the builder's dist and installs again; the fix stays with bun (its images ship no npm)
    fs = MemoryFS.from_mapping(
        {"/p/Dockerfile": _VEGANIFY, "/p/package.json": "{}", "/p/bun.lock": "", "/p/.dockerignore": "node_modules/\n"}
    )
    found = [item for item in docker_findings(fs, "/p") if item.code == "prod-stage-reinstall"]
    assert [(item.from_, item.line) for item in found] == [("Dockerfile", 15)]
    assert found[0].fix is not None and found[0].fix.startswith("run `bun install --frozen-lockfile --production`")


def test_node_modules_built_under_node_lts_and_run_by_distroless_node_18_mismatch() -> None:
    # dragonfish/node-ts-template: `npm ci` under node:lts-alpine (the newest LTS line, not 18 since 2023),
    # node_modules copied into gcr.io/distroless/nodejs:18; distroless names its major in the repository
    # (nodejs20-debian12) or, for the older repository, in the tag (nodejs:18)
    image = (
        "FROM node:{build} as build\nWORKDIR /app\nCOPY package-lock.json package.json ./\nRUN npm ci --production\n\n"
        "FROM {runtime}\nWORKDIR /app\nCOPY --from=build /app/node_modules node_modules\nCOPY /build .\n"
        'CMD ["index.js"]\n'
    )
    base = {"/p/package.json": "{}", "/p/package-lock.json": "{}", "/p/build/index.js": "", "/p/.dockerignore": "x\n"}
    for build, runtime in (
        ("lts-alpine", "gcr.io/distroless/nodejs:18"),
        ("22", "gcr.io/distroless/nodejs20-debian12"),
    ):
        found = codes(base | {"/p/dockerfile": image.format(build=build, runtime=runtime)})
        assert of(found, "node-version-mismatch") == [("node-version-mismatch", "dockerfile", 8)], runtime
    same = codes(base | {"/p/dockerfile": image.format(build="18-alpine", runtime="gcr.io/distroless/nodejs18")})
    assert of(same, "node-version-mismatch") == []


def test_corepack_reads_package_manager_from_a_package_json_above_the_workspace() -> None:
    # corepack walks up from the folder pnpm runs in (its debug log checks every package.json to /): a
    # workspace package without packageManager under a root that names one runs the root's pnpm
    image = (
        "FROM node:22\nRUN corepack enable\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./\n"
        "WORKDIR /app/apps/api\nCOPY apps/api/package.json ./\n"
        'RUN pnpm install --frozen-lockfile\nUSER node\nCMD ["node", "index.js"]\n'
    )
    base = {"/p/Dockerfile": image, "/p/pnpm-lock.yaml": "", "/p/.dockerignore": "**/node_modules\n"}
    base |= {"/p/pnpm-workspace.yaml": "packages:\n  - apps/*\n", "/p/apps/api/package.json": "{}"}
    pinned = codes(base | {"/p/package.json": '{"packageManager": "pnpm@10.11.0"}'})
    assert of(pinned, "package-manager-floating") == []
    unpinned = codes(base | {"/p/package.json": "{}"})
    assert of(unpinned, "package-manager-floating") == [("package-manager-floating", "Dockerfile", 2)]


def test_a_folder_with_only_a_dev_container_is_judged_by_the_compose_stack_it_starts() -> None:
    # sh-tney/poc-asynclocalstorage-logger keeps its Dockerfile and compose file in .devcontainer/, named
    # by devcontainer.json (JSON with comments); before, `nmdoctor docker` on the repository said there
    # was nothing to analyse. A named volume over the workspace's node_modules is found there.
    devcontainer = (
        '{\n  // the dev stack\n  "name": "dev",\n  "dockerComposeFile": ["dev.docker-compose.yml"],\n'
        '  "service": "dev",\n  "workspaceFolder": "/ws",\n}\n'
    )
    compose = (
        "services:\n  dev:\n    build:\n      context: ../\n      dockerfile: .devcontainer/dev.Dockerfile\n"
        "    volumes:\n      - ../:/ws\n      - deps:/ws/node_modules\nvolumes:\n  deps:\n"
    )
    image = 'FROM node:18\nWORKDIR /ws\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD ["sleep", "infinity"]\n'
    found = codes(
        {
            "/p/.devcontainer/devcontainer.json": devcontainer,
            "/p/.devcontainer/dev.docker-compose.yml": compose,
            "/p/.devcontainer/dev.Dockerfile": image,
            "/p/package.json": "{}",
            "/p/package-lock.json": "{}",
        }
    )
    assert of(found, "volume-shadows-node-modules") == [
        ("volume-shadows-node-modules", ".devcontainer/dev.docker-compose.yml", 8)
    ]
