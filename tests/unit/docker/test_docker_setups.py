"""nmdoctor docker on the shapes real setups take: mounts node's lookup still reaches, start-script
guards, installs that are not the app's, ownership, and how the files are found and merged."""

from __future__ import annotations

import pytest

from nmdoctor.docker import docker_findings
from nmdoctor.docker.dockerignore import excluded, read_patterns
from nmdoctor.docker.hazards import DockerInputError
from nmdoctor.vfs import MemoryFS

APP = (
    "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n"
    "USER node\nCMD node index.js\n"
)
IGNORE = "node_modules\n"


def run(files: dict[str, str], compose: list[str] | None = None) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p", compose))


def messages(files: dict[str, str]) -> list[str]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return [item.message for item in docker_findings(fs, "/p")]


# 1. named volumes go stale whether or not a bind mount sits above them


def test_named_volume_shared_by_two_services_names_both() -> None:
    compose = (
        "services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n      - deps:/app/node_modules\n"
        "  worker:\n    build: .\n    volumes:\n      - deps:/app/node_modules\nvolumes:\n  deps:\n"
    )
    found = run({"Dockerfile": APP, "compose.yaml": compose, ".dockerignore": IGNORE})
    assert found == [
        ("volume-shadows-node-modules", "compose.yaml", 6),
        ("volume-shadows-node-modules", "compose.yaml", 10),
    ]
    assert all("services `web`, `worker`" in text for text in messages({"Dockerfile": APP, "compose.yaml": compose}))


def test_named_volume_refreshed_by_volume_sync_is_fine() -> None:
    dockerfile = APP.replace("CMD node index.js", 'ENTRYPOINT ["/start.sh"]\nCMD node index.js').replace(
        "USER node\n", "COPY start.sh /start.sh\nUSER node\n"
    )
    start = '#!/bin/sh\nnmdoctor volume-sync --base /opt/nm --target /app/node_modules\nexec "$@"\n'
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - deps:/app/node_modules\nvolumes:\n  deps:\n"
    assert run({"Dockerfile": dockerfile, "start.sh": start, "compose.yaml": compose, ".dockerignore": IGNORE}) == []


# 2. node_modules installed elsewhere: judged by node's lookup, not by path patterns


@pytest.mark.parametrize(
    ("dockerfile", "volumes"),
    [
        # installed one folder up (the app is bind-mounted below it), host's hidden by an empty volume
        (
            "FROM node:20\nWORKDIR /opt/app\nCOPY package*.json ./\nRUN npm ci\nWORKDIR /opt/app/src\nCOPY . .\n"
            "USER node\nCMD node index.js\n",
            ["- .:/opt/app/src", "- notused:/opt/app/src/node_modules"],
        ),
        # moved to / after the install
        (
            "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && mv /app/node_modules /node_modules\n"
            "COPY . .\nUSER node\nCMD node index.js\n",
            ["- .:/app"],
        ),
        # installed elsewhere and reached through NODE_PATH
        (
            "FROM node:20\nWORKDIR /deps\nCOPY package*.json ./\nRUN npm ci\nENV NODE_PATH=/deps/node_modules\n"
            "WORKDIR /app\nCOPY . .\nUSER node\nCMD node index.js\n",
            ["- .:/app"],
        ),
        # `cd` into another folder inside RUN
        (
            "FROM node:20\nCOPY package*.json /srv/\nRUN cd /srv && npm ci\nWORKDIR /srv/app\nCOPY . .\n"
            "USER node\nCMD node index.js\n",
            ["- .:/srv/app", "- /srv/app/node_modules"],
        ),
    ],
)
def test_node_modules_outside_the_bind_are_found(dockerfile: str, volumes: list[str]) -> None:
    compose = "services:\n  web:\n    build: .\n    volumes:\n" + "".join(f"      {item}\n" for item in volumes)
    compose += "volumes:\n  notused:\n" if any("notused" in item for item in volumes) else ""
    assert run({"Dockerfile": dockerfile, "compose.yaml": compose, ".dockerignore": IGNORE}) == []


def test_bind_over_the_app_says_to_add_an_anonymous_volume() -> None:
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n"
    fs = MemoryFS.from_mapping({"/p/Dockerfile": APP, "/p/compose.yaml": compose, "/p/.dockerignore": IGNORE})
    (finding,) = docker_findings(fs, "/p")
    assert (finding.code, finding.severity.value, finding.line) == ("volume-shadows-node-modules", "error", 5)
    assert finding.fix is not None and "`- /app/node_modules`" in finding.fix and "named volume" not in finding.fix


def test_nocopy_volume_starts_empty() -> None:
    compose = (
        "services:\n  web:\n    build: .\n    volumes:\n      - deps:/app/node_modules:nocopy\nvolumes:\n  deps:\n"
    )
    found = run({"Dockerfile": APP, "compose.yaml": compose, ".dockerignore": IGNORE})
    assert found == [("volume-shadows-node-modules", "compose.yaml", 5)]


# 3. restore-once entrypoints and their guards


@pytest.mark.parametrize(
    ("guard", "never_true"),
    [
        ('if [ ! -d "/app/node_modules" ]; then', True),  # a mount point always exists
        ('if [ -z "$(ls -A /app/node_modules)" ]; then', False),
        ("if ! test -e /app/node_modules/.ok; then", False),
        ('if [ ! -f "/app/node_modules/.initialized" ]; then', False),
    ],
)
def test_restore_guard_that_records_nothing(guard: str, never_true: bool) -> None:
    script = f"#!/bin/sh\nset -e\n{guard}\n  cp -r /opt/nm/. /app/node_modules/\nfi\nexec npm start\n"
    dockerfile = (
        "FROM node:20\nWORKDIR /opt\nCOPY package*.json ./\nRUN npm ci && mv node_modules nm\nWORKDIR /app\nUSER node\n"
    )
    compose = (
        "services:\n  web:\n    build: .\n    volumes:\n      - ./:/app\n      - deps:/app/node_modules\n"
        "    command: /app/entrypoint.sh\nvolumes:\n  deps:\n"
    )
    files = {"Dockerfile": dockerfile, "entrypoint.sh": script, "compose.yaml": compose, ".dockerignore": IGNORE}
    expected = [("init-marker-version-blind", "entrypoint.sh", 3)]
    if never_true:
        expected.append(("volume-shadows-node-modules", "entrypoint.sh", 3))
    assert run(files) == expected


def test_restore_keyed_on_the_lockfile_hash_is_fine() -> None:
    script = (
        "#!/bin/sh\nwant=$(sha256sum /opt/package-lock.json)\n"
        'if [ "$want" != "$(cat /app/node_modules/.hash)" ]; then\n'
        '  rm -rf /app/node_modules/* && cp -r /opt/nm/. /app/node_modules/\nfi\nexec "$@"\n'
    )
    dockerfile = (
        "FROM node:20\nWORKDIR /opt\nCOPY package*.json ./\nRUN npm ci && mv node_modules nm\nWORKDIR /app\n"
        'COPY docker-entrypoint.sh /usr/local/bin/\nUSER node\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD node index.js\n'
    )
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - deps:/app/node_modules\nvolumes:\n  deps:\n"
    files = {"Dockerfile": dockerfile, "docker-entrypoint.sh": script, "compose.yaml": compose, ".dockerignore": IGNORE}
    assert run(files) == []


def test_guard_in_a_script_the_entrypoint_calls() -> None:
    entry = '#!/bin/sh\n. /scripts/deps.sh\nexec "$@"\n'
    deps = "#!/bin/sh\n[ -d node_modules ] || npm install\n"
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY entrypoint.sh deps.sh /scripts/\nUSER node\n"
        'ENTRYPOINT ["/scripts/entrypoint.sh"]\n'
    )
    compose = (
        "services:\n  web:\n    build: .\n    user: node\n    command: npm run dev\n    volumes:\n      - .:/app\n"
    )
    files = {"Dockerfile": dockerfile, "entrypoint.sh": entry, "deps.sh": deps, "compose.yaml": compose}
    assert run(files) == [("init-marker-version-blind", "deps.sh", 2)]


# 7. installs at every start


def test_install_at_every_start() -> None:
    compose = (
        'services:\n  web:\n    build: .\n    command: sh -c "npm install && npm run dev"\n'
        "    volumes:\n      - .:/app\n"
    )
    dockerfile = "FROM node:20\nWORKDIR /app\nUSER node\n"
    assert run({"Dockerfile": dockerfile, "compose.yaml": compose}) == [("install-at-start", "compose.yaml", 2)]


# 4. lockfile-not-used: only installs that resolve afresh


@pytest.mark.parametrize(
    "run_line",
    [
        "RUN npm i -g pm2",
        "RUN yarn global add @vue/cli",
        "RUN yarn cache clean && apk add --no-cache yarn",
        "RUN npm install patch-package@8.0.0",
        "RUN --mount=type=bind,source=package-lock.json,target=package-lock.json npm install",
        "RUN --mount=type=bind,target=. --mount=type=cache,target=/root/.npm npm install",
        "RUN npm ci",
    ],
)
def test_not_this_hazard(run_line: str) -> None:
    dockerfile = f"FROM node:20\nWORKDIR /app\nCOPY package.json ./\n{run_line}\nUSER node\nCMD node index.js\n"
    assert run({"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package-lock.json": "{}"}) == []


def test_cache_mount_brings_no_lockfile() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN --mount=type=cache,target=/root/.npm npm install\n"
        "USER node\nCMD node index.js\n"
    )
    assert run({"Dockerfile": dockerfile}) == [("lockfile-not-used", "Dockerfile", 4)]


def test_no_lockfile_in_the_project_and_an_unversioned_add() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install\nRUN pnpm add dotenv prisma@5.0.0\n"
        "USER node\nCMD node index.js\n"
    )
    found = run({"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": "{}"})
    assert found == [("lockfile-not-used", "Dockerfile", 4), ("lockfile-not-used", "Dockerfile", 5)]


def test_package_manager_left_floating() -> None:
    dockerfile = (
        "FROM node:20\nRUN npm i -g pnpm\nRUN corepack prepare yarn@latest --activate\nRUN npm i -g npm@10.9.1\n"
        "WORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile\nUSER node\n"
        "CMD node index.js\n"
    )
    found = run({"Dockerfile": dockerfile, ".dockerignore": IGNORE})
    assert found == [("package-manager-floating", "Dockerfile", 2), ("package-manager-floating", "Dockerfile", 3)]


# 5. app files given to the runtime user


@pytest.mark.parametrize(
    ("lines", "line"),
    [
        ("COPY --from=build --chown=node:node /app/dist ./dist\n", 5),
        ("ADD --chown=node . .\n", 5),
        ("COPY . .\nRUN chown -R node:node /app\n", 6),
    ],
)
def test_app_files_writable(lines: str, line: int) -> None:
    dockerfile = (
        "FROM node:20 AS build\nWORKDIR /app\nFROM node:20\nWORKDIR /app\n"
        + lines
        + "USER node\nCMD node dist/index.js\n"
    )
    assert run({"Dockerfile": dockerfile, ".dockerignore": IGNORE}) == [("app-files-writable", "Dockerfile", line)]


def test_owning_an_empty_folder_for_npm_is_fine() -> None:
    dockerfile = (
        "FROM node:20\nRUN mkdir /app && chown -R node:node /app\nWORKDIR /app\nUSER node\n"
        "COPY --chown=node:node package.json package-lock.json ./\nRUN npm ci\nCMD node index.js\n"
    )
    assert run({"Dockerfile": dockerfile}) == []


# 6. what is read, and how


@pytest.mark.parametrize(
    "name", ["dockerfile", "api.Dockerfile", "Dockerfile_prod", "Containerfile", "prod.dockerfile"]
)
def test_dockerfile_names(name: str) -> None:
    dockerfile = "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCMD node index.js\n"
    assert run({name: dockerfile}) == [("lockfile-not-used", name, 4), ("runs-as-root", name, 1)]


def test_nothing_to_analyse_is_an_input_error() -> None:
    with pytest.raises(DockerInputError, match="no Dockerfile or compose file"):
        run({"package.json": "{}"})


def test_override_file_and_env_defaults_are_merged() -> None:
    compose = "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/app.df\n"
    override = "services:\n  web:\n    volumes:\n      - ${MOUNT_DIR:-.}:/app\n"
    dockerfile = APP
    files = {
        "docker/app.df": dockerfile,
        "compose.yaml": compose,
        "compose.override.yaml": override,
        ".dockerignore": IGNORE,
    }
    assert run(files) == [("volume-shadows-node-modules", "compose.override.yaml", 4)]
    assert "binds . over /app" in messages(files)[0]  # the default: a bind of the project folder
    files[".env"] = "MOUNT_DIR=data\n"
    assert run(files) == [("volume-shadows-node-modules", "compose.override.yaml", 4)]
    assert "named volume `data`" in messages(files)[0]  # `data:/app`: a named volume, stale after a rebuild


def test_f_stack_replaces_the_defaults() -> None:
    base = "services:\n  web:\n    build: .\n"
    dev = "services:\n  web:\n    volumes:\n      - .:/app\n"
    files = {"Dockerfile": APP, "docker-compose.yml": base, "docker-compose.dev.yml": dev, ".dockerignore": IGNORE}
    assert run(files) == []
    found = run(files, ["docker-compose.yml", "docker-compose.dev.yml"])
    assert found == [("volume-shadows-node-modules", "docker-compose.dev.yml", 4)]


def test_arg_substitution_stage_inheritance_and_target() -> None:
    dockerfile = (
        "ARG BASE=node:20\nARG DIR=/srv/app\nFROM --platform=$BUILDPLATFORM ${BASE} AS deps\nARG DIR\nWORKDIR $DIR\n"
        "COPY package*.json ./\nRUN npm ci\nUSER node\nFROM deps AS dev\nCMD npm run dev\nFROM deps AS prod\n"
        "COPY . .\nCMD node index.js\n"
    )
    compose = (
        "services:\n  web:\n    build:\n      context: api\n      target: dev\n    volumes:\n      - ./api:/srv/app\n"
    )
    found = run({"api/Dockerfile": dockerfile, "compose.yaml": compose, "api/.dockerignore": IGNORE})
    assert found == [("volume-shadows-node-modules", "compose.yaml", 7)]
    compose_root = compose.replace("    volumes:\n      - ./api:/srv/app\n", "    user: root\n")
    assert run({"api/Dockerfile": dockerfile, "compose.yaml": compose_root}) == [("runs-as-root", "api/Dockerfile", 9)]


def test_volume_instruction_over_node_modules_is_an_anonymous_volume() -> None:
    dockerfile = APP.replace("USER node\n", "VOLUME /app/node_modules\nUSER node\n")
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n"
    assert run({"Dockerfile": dockerfile, "compose.yaml": compose, ".dockerignore": IGNORE}) == []


def test_dockerignore_beside_the_context_with_dockers_matching() -> None:
    compose = "services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n"
    manifest = '{"workspaces": ["packages/*"]}'
    files = {
        "docker/Dockerfile": APP,
        "compose.yaml": compose,
        "package.json": manifest,
        "docker/.dockerignore": "**\n",
    }
    assert run(files) == [("node-modules-not-dockerignored", "docker/Dockerfile", None)]
    files[".dockerignore"] = "node_modules\n"
    assert "excludes only the root node_modules" in " ".join(messages(files))
    files[".dockerignore"] = "node_modules\n**/node_modules\n"
    assert run(files) == []


@pytest.mark.parametrize(
    ("patterns", "path", "expected"),
    [
        ("node_modules", "node_modules", True),
        ("node_modules", "packages/a/node_modules", False),
        ("**/node_modules", "packages/a/node_modules", True),
        ("**/node_modules", "node_modules", True),
        ("/node_modules/", "node_modules", True),
        ("*\n!packages/\n", "packages/a/node_modules", False),
        ("*/node_modules", "apps/node_modules", True),
        ("node_modules\n!node_modules", "node_modules", False),
    ],
)
def test_dockerignore_matching(patterns: str, path: str, expected: bool) -> None:
    assert excluded(read_patterns(patterns), path) is expected


def test_folder_test_on_a_mount_point_never_restores() -> None:
    script = '#!/bin/sh\nif [ ! -d /app/node_modules ]; then\n  cp -r /opt/nm /app/node_modules\nfi\nexec "$@"\n'
    dockerfile = (
        "FROM node:20\nWORKDIR /opt\nCOPY package*.json ./\nRUN npm ci && mv node_modules nm\nWORKDIR /app\n"
        'COPY entrypoint.sh /entrypoint.sh\nUSER node\nENTRYPOINT ["/entrypoint.sh"]\nCMD node index.js\n'
    )
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - deps:/app/node_modules\nvolumes:\n  deps:\n"
    files = {"Dockerfile": dockerfile, "entrypoint.sh": script, "compose.yaml": compose, ".dockerignore": IGNORE}
    assert run(files) == [
        ("init-marker-version-blind", "entrypoint.sh", 2),
        ("volume-shadows-node-modules", "entrypoint.sh", 2),
    ]
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    error = next(item for item in docker_findings(fs, "/p") if item.code == "volume-shadows-node-modules")
    assert error.severity.value == "error" and "always exists" in error.message


def test_node_major_of_the_build_stage_differs() -> None:
    dockerfile = (
        "FROM node:18 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n"
        "FROM node:22-slim\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\nCOPY . .\n"
        "USER node\nCMD node index.js\n"
    )
    assert run({"Dockerfile": dockerfile, ".dockerignore": IGNORE}) == [("node-version-mismatch", "Dockerfile", 7)]
    same = dockerfile.replace("node:18", "node:22.11.0-alpine")
    assert run({"Dockerfile": same, ".dockerignore": IGNORE}) == []


def test_ignore_scripts_skips_patch_package() -> None:
    manifest = '{"scripts": {"postinstall": "patch-package"}}'
    dockerfile = (
        "FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev --ignore-scripts\nCOPY . .\n"
        "USER node\nCMD node index.js\n"
    )
    files = {"Dockerfile": dockerfile, "package.json": manifest, ".dockerignore": IGNORE}
    assert run(files) == [("install-skips-patches", "Dockerfile", 4)]
    files["Dockerfile"] = dockerfile.replace("--ignore-scripts\n", "--ignore-scripts && npx patch-package\n")
    assert run(files) == []
    files["package.json"] = '{"scripts": {"postinstall": "husky"}}'
    files["Dockerfile"] = dockerfile
    assert run(files) == []


def test_named_volume_reinstalled_at_every_start_is_not_stale() -> None:
    compose = (
        'services:\n  web:\n    build: .\n    command: sh -c "npm ci && npm run dev"\n    volumes:\n'
        "      - .:/app\n      - deps:/app/node_modules\nvolumes:\n  deps:\n"
    )
    assert run({"Dockerfile": APP, "compose.yaml": compose, ".dockerignore": IGNORE}) == [
        ("install-at-start", "compose.yaml", 2)
    ]


@pytest.mark.parametrize("base", ["gcr.io/distroless/nodejs22-debian12:nonroot", "cgr.dev/chainguard/node:latest"])
def test_images_that_run_unprivileged(base: str) -> None:
    dockerfile = (
        "FROM node:22 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n"
        f'FROM {base}\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\nCMD ["index.js"]\n'
    )
    assert run({"Dockerfile": dockerfile}) == []
    assert run({"Dockerfile": dockerfile.replace(base, "gcr.io/distroless/nodejs22-debian12")}) == [
        ("runs-as-root", "Dockerfile", 5)
    ]


def test_package_manager_within_one_major_is_not_floating() -> None:
    dockerfile = "FROM node:20\nRUN npm i -g pnpm@9 && corepack prepare yarn@4 --activate\nCMD pnpm start\nUSER node\n"
    assert run({"Dockerfile": dockerfile}) == []


def test_steps_of_one_run_are_read_in_order() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\n"
        "RUN npm ci && npm run build && rm -rf node_modules && npm ci --omit=dev\nUSER node\nCMD node index.js\n"
    )
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - /app/node_modules\n"
    assert run({"Dockerfile": dockerfile, "compose.yaml": compose}) == []


def test_another_service_installs_into_the_shared_bind() -> None:
    compose = (
        "services:\n  deps:\n    image: node:20\n    working_dir: /app\n    command: npm ci\n    volumes:\n"
        "      - .:/app\n  web:\n    build: .\n    depends_on: [deps]\n    volumes:\n      - ./:/app\n"
    )
    assert run({"Dockerfile": APP, "compose.yaml": compose, ".dockerignore": IGNORE}) == []
    alone = compose.replace("command: npm ci", "command: npm test")
    assert run({"Dockerfile": APP, "compose.yaml": alone, ".dockerignore": IGNORE}) == [
        ("volume-shadows-node-modules", "compose.yaml", 12)
    ]


def test_install_inside_a_script_the_run_calls() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nCOPY bin ./bin\nRUN bin/deps.sh\nUSER node\n"
        "CMD node index.js\n"
    )
    script = "#!/bin/sh\ncommand -v pnpm || npm install -g pnpm\npnpm --recursive install --prod\n"
    files = {"Dockerfile": dockerfile, "bin/deps.sh": script, "pnpm-lock.yaml": "", ".dockerignore": IGNORE}
    assert run(files) == [("lockfile-not-used", "Dockerfile", 5)]
    files["Dockerfile"] = dockerfile.replace("COPY package.json ./", "COPY package.json pnpm-lock.yaml ./")
    assert run(files) == []


def test_lockfile_from_another_stage_only_with_its_project_folder() -> None:
    dockerfile = (
        "FROM node:20 AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nRUN npm run build\n"
        "FROM node:20\nWORKDIR /app\nCOPY --from=build /app/dist ./dist\nCOPY package.json ./\n"
        "RUN npm install --omit=dev\nUSER node\nCMD node dist/index.js\n"
    )
    found = run({"Dockerfile": dockerfile, "package-lock.json": "{}", ".dockerignore": IGNORE})
    assert found == [("lockfile-not-used", "Dockerfile", 10), ("prod-stage-reinstall", "Dockerfile", 10)]
    whole = dockerfile.replace("COPY --from=build /app/dist ./dist", "COPY --from=build /app ./")
    assert run({"Dockerfile": whole, ".dockerignore": IGNORE}) == [("prod-stage-reinstall", "Dockerfile", 10)]


def test_entrypoint_that_drops_to_another_user() -> None:
    entry = '#!/bin/sh\nchown -R app /data\nexec su-exec app "$@"\n'
    dockerfile = (
        "FROM node:20-alpine\nARG UID=1500\nRUN adduser -D -u $UID app\nWORKDIR /srv\nCOPY --chown=$UID . .\n"
        'COPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["node", "index.js"]\n'
    )
    files = {"Dockerfile": dockerfile, "entrypoint.sh": entry, ".dockerignore": IGNORE, "package.json": "{}"}
    assert run(files) == [("app-files-writable", "Dockerfile", 5)]


def test_entrypoint_in_a_copied_folder_drops_to_the_user_a_variable_names() -> None:
    """grist-core: `COPY sandbox /grist/sandbox`, ENTRYPOINT ./sandbox/docker_entrypoint.sh from
    WORKDIR /grist, which runs `exec setpriv --reuid "$target_user" ...` with
    target_user=${GRIST_DOCKER_USER:-grist}: node does not run as root."""
    entry = (
        "#!/usr/bin/env bash\nif [[ $(id -u) == 0 ]]; then\n  target_user=${GRIST_DOCKER_USER:-grist}\n"
        '  exec setpriv --reuid "$target_user" --init-groups /usr/bin/env bash "$0" "$@"\nfi\nexec "$@"\n'
    )
    dockerfile = (
        "FROM node:22-slim\nRUN useradd -ms /bin/bash grist\nWORKDIR /grist\nCOPY package.json /grist/package.json\n"
        'COPY sandbox /grist/sandbox\nENTRYPOINT ["./sandbox/docker_entrypoint.sh"]\nCMD ["node", "index.js"]\n'
    )
    files = {
        "Dockerfile": dockerfile,
        "sandbox/docker_entrypoint.sh": entry,
        ".dockerignore": IGNORE,
        "package.json": "{}",
    }
    assert run(files) == []
    files["sandbox/docker_entrypoint.sh"] = entry.replace("${GRIST_DOCKER_USER:-grist}", "root")
    assert run(files) == [("runs-as-root", "Dockerfile", 1)]
    files["sandbox/docker_entrypoint.sh"] = '#!/bin/sh\nexec "$@"\n'
    assert run(files) == [("runs-as-root", "Dockerfile", 1)]


def test_context_of_a_dockerfile_in_a_subfolder_comes_from_its_copy_sources() -> None:
    dockerfile = "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nUSER node\n"
    dockerfile += "CMD node index.js\n"
    files = {"docker/Dockerfile": dockerfile, "package.json": "{}", "package-lock.json": "{}", ".dockerignore": IGNORE}
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    assert docker_findings(fs, "/p/docker") == []


def test_workspace_folders_each_need_their_node_modules_ignored() -> None:
    files = {
        "Dockerfile": APP,
        "package.json": '{"workspaces": ["apps/*", "tools"]}',
        "apps/web/package.json": "{}",
        "tools/package.json": "{}",
        ".dockerignore": "node_modules\napps/*/node_modules\n",
    }
    assert run(files) == [("node-modules-not-dockerignored", "Dockerfile", None)]  # tools/node_modules
    files[".dockerignore"] += "tools/node_modules\n"
    assert run(files) == []


def test_npm_installs_beside_the_nearest_package_json() -> None:
    dockerfile = (
        "FROM node:16\nWORKDIR /src\nCOPY package*.json /\nRUN npm install\nCOPY . .\nUSER node\nCMD npm run dev\n"
    )
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - .:/src\n"
    assert run({"Dockerfile": dockerfile, "compose.yaml": compose, ".dockerignore": IGNORE}) == []


def test_sibling_stages_installing_are_not_a_reinstall() -> None:
    dockerfile = (
        "FROM node:20 AS base\nWORKDIR /app\nCOPY package*.json ./\nFROM base AS prod\nRUN npm ci --omit=dev\n"
        "COPY . .\nCMD node index.js\nFROM base AS dev\nRUN npm ci\nCOPY . .\nUSER node\nCMD npm run dev\n"
    )
    assert run({"Dockerfile": dockerfile, ".dockerignore": IGNORE}) == []


def test_volume_over_a_package_the_image_never_installed() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n"
        "COPY client/package.json ./client/\nCOPY . .\nUSER node\nCMD node server.js\n"
    )
    compose = (
        "services:\n  api:\n    build: .\n    image: shop\n  web:\n    image: shop\n"
        "    command: npm start --prefix client\n    volumes:\n      - ./client:/app/client\n"
        "      - /app/client/node_modules\n"
    )
    files = {"Dockerfile": dockerfile, "compose.yaml": compose, ".dockerignore": IGNORE, "package.json": "{}"}
    assert run(files) == [("volume-shadows-node-modules", "compose.yaml", 10)]
    installed = dockerfile.replace("COPY . .", "RUN cd client && npm install\nCOPY . .")
    assert ("volume-shadows-node-modules", "compose.yaml", 10) not in run({**files, "Dockerfile": installed})
    files["package.json"] = '{"workspaces": ["client"]}'  # hoisted to /app/node_modules: fine
    files[".dockerignore"] = "node_modules\n**/node_modules\n"
    assert run(files) == []
