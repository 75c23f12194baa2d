"""nmdoctor docker on shapes the fourteenth held-out field batch showed (tests/field/docker, held-out-14)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p"))


def test_a_dockerfile_saved_with_a_byte_order_mark_is_read_from_its_first_instruction() -> None:
    # azizka85/vite-project-http2: the Dockerfile starts with a UTF-8 BOM; BuildKit's parser strips it
    # from the first line (frontend/dockerfile/parser/parser.go, `utf8bom`), so FROM is an instruction
    found = codes(
        {
            "/p/Dockerfile": (
                '\ufeffFROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm i\nENTRYPOINT ["sh", "start.sh"]\n'
            ),
            "/p/.dockerignore": "**/node_modules\n**/package-lock.json\n",
            "/p/package.json": "{}",
            "/p/package-lock.json": "{}",
            "/p/start.sh": "npm run build\nnpm start\n",
        }
    )
    assert found == [("lockfile-not-used", "Dockerfile", 4), ("runs-as-root", "Dockerfile", 1)]


def test_get_pnpm_io_s_node_script_adding_pnpm_without_a_version_floats() -> None:
    # toledoroy/MentorDAO-dApp: `curl https://get.pnpm.io/v6.14.js | node - add --global pnpm` installs
    # whatever pnpm is newest; `pnpm@7` (rohan-fowlerharper/ridley) stays within one major
    base = {"/p/package.json": "{}", "/p/pnpm-lock.yaml": "", "/p/.dockerignore": "node_modules\n"}
    script = "FROM node:14\nUSER node\nRUN curl -f https://get.pnpm.io/v6.14.js | node - add --global {spec}\n"
    floating = codes(base | {"/p/Dockerfile": script.format(spec="pnpm")})
    assert ("package-manager-floating", "Dockerfile", 3) in floating
    pinned = codes(base | {"/p/Dockerfile": script.format(spec="pnpm@7")})
    assert [item for item in pinned if item[0] == "package-manager-floating"] == []


_NODE_IMAGE = 'FROM node:18-alpine\n\nWORKDIR /opt/code\n\nENTRYPOINT ["/bin/sh"]\n\nCMD ["-c", "yarn && yarn start"]\n'


def test_a_standalone_image_whose_cmd_installs_installs_at_every_start() -> None:
    # Hi-Fi/sss docker/node.Dockerfile on its own: the CMD, run by ENTRYPOINT /bin/sh, runs yarn at
    # every start of the container, whatever project is mounted at /opt/code
    found = codes({"/p/node.Dockerfile": _NODE_IMAGE})
    assert ("install-at-start", "node.Dockerfile", 7) in found


def test_a_standalone_image_that_only_installs_is_an_installer() -> None:
    # a one-shot image whose whole command is the install (filling a mounted folder) installs as its job
    found = codes({"/p/Dockerfile": 'FROM node:20\nWORKDIR /app\nCMD ["npm", "ci"]\n'})
    assert [item for item in found if item[0] == "install-at-start"] == []


def test_the_install_is_reported_at_the_cmd_that_holds_it_under_a_shell_entrypoint() -> None:
    # Hi-Fi/sss: compose builds docker/node.Dockerfile and overrides neither entrypoint nor command; the
    # install is written in the CMD (line 7), not in ENTRYPOINT ["/bin/sh"] (line 5)
    compose = (
        "services:\n  ui:\n    build:\n      context: ./docker\n      dockerfile: node.Dockerfile\n"
        "    volumes:\n      - ./frontend/:/opt/code\n"
    )
    found = codes(
        {
            "/p/docker-compose.yml": compose,
            "/p/docker/node.Dockerfile": _NODE_IMAGE,
            "/p/frontend/package.json": "{}",
            "/p/frontend/yarn.lock": "",
        }
    )
    assert [item for item in found if item[0] == "install-at-start"] == [
        ("install-at-start", "docker/node.Dockerfile", 7)
    ]


_COMMIFY = (
    "FROM node:14.16.0-alpine3.13\n\nRUN addgroup app && adduser -S -G app app\nUSER app\n\nWORKDIR /app\n\n"
    'USER root\nRUN {chmod}\nUSER app\n\nCOPY package*.json ./\nRUN npm install\nCOPY . ./\n\nCMD ["npm","start"]\n'
)
_PROJECT = {"/p/package.json": "{}", "/p/package-lock.json": "{}", "/p/.dockerignore": "node_modules\n"}


def test_a_world_writable_app_folder_lets_the_runtime_user_replace_the_app_s_files() -> None:
    # Sriramreddyp/Commify: `chmod 777 /app` before the files are copied leaves the folder writable by
    # every user (no sticky bit), so the runtime user can delete and replace the root-owned files in it
    # (checked on Linux: an unprivileged user replaced a root-owned 644 file in a 777 folder with mv -f)
    for chmod in ("chmod 777 /app", "chmod -R 0777 /app", "chmod -R a+rwX .", "chmod o+w /app"):
        found = codes(_PROJECT | {"/p/Dockerfile": _COMMIFY.format(chmod=chmod)})
        assert ("app-files-writable", "Dockerfile", 9) in found, chmod


def test_modes_that_leave_others_without_write_and_folders_apart_from_the_app_are_not_this() -> None:
    for chmod in (
        "chmod 755 /app",
        "chmod -R 775 /app",
        "chmod +w /app",
        "chmod -R 777 /app/uploads",
        "chmod o-w /app",
    ):
        found = codes(_PROJECT | {"/p/Dockerfile": _COMMIFY.format(chmod=chmod)})
        assert [item for item in found if item[0] == "app-files-writable"] == [], chmod


def test_a_world_writable_app_run_as_root_is_runs_as_root_only() -> None:
    # lumander/codemotion-frontend: `chmod -R 777 /app` with no USER: root can write the files anyway
    dockerfile = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm install && chmod -R 777 /app\nCMD ["npm","run","dev"]\n'
    found = codes(_PROJECT | {"/p/Dockerfile": dockerfile})
    assert [item for item in found if item[0] in ("app-files-writable", "runs-as-root")] == [
        ("runs-as-root", "Dockerfile", 1)
    ]


def _installs(dockerfile: str, files: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    found = codes({"/p/Dockerfile": dockerfile, "/p/package.json": "{}", "/p/.dockerignore": "node_modules\n"} | files)
    return [item for item in found if item[0] == "lockfile-not-used"]


def test_an_install_has_a_lockfile_only_if_its_manager_reads_it() -> None:
    # DmitrieMsk/softtenq-by051023: `COPY package*.json ./` brings package-lock.json, then `yarn` runs. Checked
    # with the real tools: yarn 1.22.22 and yarn 4.18.1 resolve afresh beside a package-lock.json that pins an
    # older version (is-number 7.0.0 installed, 6.0.0 locked); so does pnpm 10.34.8 beside package-lock.json
    # and beside a yarn.lock; npm 11 installs what a yarn.lock pins (held-out-13, convitecerto-backend)
    dockerfile = "FROM node:21\nWORKDIR /home/node/app\nCOPY package*.json ./\nUSER node\nRUN {install}\nCOPY . .\n"
    npm_lock = {"/p/package-lock.json": "{}"}
    assert _installs(dockerfile.format(install="yarn"), npm_lock) == [("lockfile-not-used", "Dockerfile", 5)]
    assert _installs(dockerfile.format(install="pnpm install"), npm_lock) == [("lockfile-not-used", "Dockerfile", 5)]
    assert _installs(dockerfile.format(install="npm install"), npm_lock) == []
    yarn_lock = {"/p/yarn.lock": ""}
    copy_both = dockerfile.replace("package*.json ./", "package.json yarn.lock ./")
    assert _installs(copy_both.format(install="npm install"), yarn_lock) == []
    assert _installs(copy_both.format(install="yarn"), yarn_lock) == []
    assert _installs(copy_both.format(install="pnpm install"), yarn_lock) == [("lockfile-not-used", "Dockerfile", 5)]


def test_a_lockfile_of_unknown_kind_still_counts() -> None:
    # a stage copied from an outside image, or a cloned repository, may hold any lockfile: undecidable, so yes
    cloned = "FROM node:20\nRUN git clone https://example.com/app.git /app\nWORKDIR /app\nRUN yarn\nUSER node\n"
    assert _installs(cloned, {}) == []
    outside = "FROM node:20\nWORKDIR /app\nCOPY --from=ghcr.io/acme/base:1 /app /app\nRUN pnpm install\nUSER node\n"
    assert _installs(outside, {}) == []


def test_the_fix_names_the_install_that_reads_the_lockfile_the_project_has() -> None:
    dockerfile = "FROM node:21\nWORKDIR /app\nCOPY package*.json ./\nUSER node\nRUN yarn\nCOPY . .\n"
    fs = MemoryFS.from_mapping({"/p/Dockerfile": dockerfile, "/p/package.json": "{}", "/p/package-lock.json": "{}"})
    (finding,) = [item for item in docker_findings(fs, "/p") if item.code == "lockfile-not-used"]
    assert "package-lock.json is another manager's" in finding.message
    assert "`npm ci`" in str(finding.fix)


# `${VAR:?message}` and `${VAR?message}`: "value of VAR if set and non-empty (set), otherwise exit with error"
# (docs.docker.com/reference/compose-file/interpolation). Without VAR in .env the stack starts only with a
# value the shell exports, never with an empty one: the value is unknown, not "".
_APP = {
    "/p/app/Dockerfile": (
        'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "index.js"]\n'
    ),
    "/p/app/package.json": "{}",
    "/p/app/package-lock.json": "{}",
    "/p/app/.dockerignore": "node_modules\n",
}


def _findings(compose: str, files: dict[str, str] | None = None) -> list[tuple[str, str | None, int | None, str]]:
    fs = MemoryFS.from_mapping(_APP | {"/p/docker-compose.yml": compose} | (files or {}))
    return sorted((item.code, item.from_, item.line, item.severity.value) for item in docker_findings(fs, "/p"))


def test_a_required_user_the_env_file_does_not_set_is_unknown_not_root() -> None:
    compose = 'services:\n  api:\n    build: ./app\n    user: "${UID:?set UID}:${GID:?set GID}"\n'
    assert _findings(compose) == [("compose-variable-required", "docker-compose.yml", 4, "info")]
    assert _findings(compose, {"/p/.env": "UID=1000\nGID=1000\n"}) == []
    assert _findings(compose, {"/p/.env": "UID=0\nGID=0\n"}) == [("runs-as-root", "app/Dockerfile", 1, "warning")]


def test_a_bare_required_volume_source_is_not_read_as_the_compose_folder() -> None:
    compose = "services:\n  api:\n    build: ./app\n    user: node\n    volumes:\n      - ${APP_SRC:?}:/app\n"
    assert _findings(compose) == [("compose-variable-required", "docker-compose.yml", 6, "info")]
    # a path after the variable makes it a bind whatever the value: it hides the image's node_modules
    pathed = _findings(compose.replace("${APP_SRC:?}", "${APP_SRC:?}/web"))
    assert ("volume-shadows-node-modules", "docker-compose.yml", 6, "error") in pathed


def test_required_values_the_analysis_does_not_read_are_not_reported() -> None:
    # 0G3RA/monorepo-next-nest: `${WEB_PORT:?}` in ports and environment; nothing nmdoctor judges depends on them
    compose = (
        "services:\n  api:\n    build: ./app\n    user: node\n    ports:\n      - ${WEB_PORT:?}:3000\n"
        "    environment:\n      DATABASE_URL: ${DATABASE_URL:?set it}\n"
    )
    assert _findings(compose) == []


def test_the_note_names_the_variables_compose_s_message_and_the_key() -> None:
    compose = 'services:\n  api:\n    build: ./app\n    user: "${UID:?set UID}:${GID:?set GID}"\n'
    fs = MemoryFS.from_mapping(_APP | {"/p/docker-compose.yml": compose})
    (note,) = docker_findings(fs, "/p")
    assert note.message == (
        "docker-compose.yml requires UID and GID for the user of service `api`, and .env does not set them: "
        "`docker compose up` stops (set UID; set GID) unless the shell exports them, so nmdoctor judged the "
        "service without that value"
    )
