"""nmdoctor docker on shapes the twenty-first held-out field batch showed (tests/field/docker, held-out-21)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_BUN_BACKEND = {
    "/p/docker-compose.yml": (
        "services:\n  server:\n    build:\n      context: ./backend\n    volumes:\n      - ./backend:/usr/src/app\n"
    ),
    "/p/backend/Dockerfile": (
        "FROM oven/bun:latest\nWORKDIR /usr/src/app\nCOPY . .\nRUN bun install\nUSER bun\nCMD bun start\n"
    ),
    "/p/backend/package.json": (
        '{"name": "backend", "type": "module", "dependencies": {"express": "^4.18.2"},'
        ' "scripts": {"start": "bun index.js", "dev": "vite --host"}}'
    ),
    "/p/backend/bun.lockb": "",
    "/p/backend/index.js": "import express from 'express'\n",
}


def test_a_bind_over_an_app_bun_runs_is_a_warning_bun_auto_installs_its_imports() -> None:
    # anecdotes-containerized: ./backend hides the image's node_modules and the host folder has none;
    # bun's runtime, finding no node_modules in the working folder or above, installs the imports at run
    # time (bun docs, "Auto-install"): it works, not on the image's tree, so not a certain failure
    (finding,) = _findings(_BUN_BACKEND, "volume-shadows-node-modules")
    assert finding.severity is Severity.WARNING
    assert "installs what it imports at run time" in finding.message
    assert "`- /usr/src/app/node_modules`" in (finding.fix or "")
    for start in ("CMD bun run index.js", 'CMD ["bun", "--watch", "run", "start"]'):
        dockerfile = _BUN_BACKEND["/p/backend/Dockerfile"].replace("CMD bun start", start)
        (finding,) = _findings(_BUN_BACKEND | {"/p/backend/Dockerfile": dockerfile}, "volume-shadows-node-modules")
        assert finding.severity is Severity.WARNING, start


def test_a_bind_stays_an_error_where_bun_cannot_fall_back_to_auto_install() -> None:
    # `bun run dev` runs vite from node_modules/.bin (no auto-install for executables); `--no-install` and
    # bunfig's `auto = "disable"` turn auto-install off; node itself has none
    for start in ("CMD bun run dev", "CMD bun --no-install index.js", "CMD node index.js"):
        dockerfile = _BUN_BACKEND["/p/backend/Dockerfile"].replace("CMD bun start", start)
        (finding,) = _findings(_BUN_BACKEND | {"/p/backend/Dockerfile": dockerfile}, "volume-shadows-node-modules")
        assert finding.severity is Severity.ERROR, start
    disabled = _BUN_BACKEND | {"/p/backend/bunfig.toml": '[install]\nauto = "disable"\n'}
    (finding,) = _findings(disabled, "volume-shadows-node-modules")
    assert finding.severity is Severity.ERROR


_MONOREPO = {
    "/p/package.json": '{"name": "root", "private": true, "workspaces": ["apps/mailer", "packages/*"]}',
    "/p/yarn.lock": "# yarn lockfile v1\n",
    "/p/apps/mailer/package.json": '{"name": "mailer", "dependencies": {"resend": "^3.0.0"}}',
    "/p/packages/db/package.json": '{"name": "db"}',
}


def test_npm_install_with_an_explicit_prefix_reads_no_lockfile_from_the_root() -> None:
    # trampar-de-casa: npm takes `--prefix apps/mailer` as the project (npm 11.19.1 writes
    # apps/mailer/package-lock.json there; it looks for a workspace root only from the working folder),
    # so the yarn.lock copied to the root is not read and the folder has no lockfile
    dockerfile = (
        "FROM node:18\nWORKDIR /app\nCOPY apps/mailer ./apps/mailer\nCOPY packages ./packages\n"
        "COPY package*.json yarn.lock ./\nRUN npm install && npm install --prefix apps/mailer\n"
        'CMD ["node", "apps/mailer/index.js"]\n'
    )
    (finding,) = _findings(_MONOREPO | {"/p/Dockerfile": dockerfile}, "lockfile-not-used")
    assert finding.line == 6
    assert "`npm install --prefix apps/mailer`" in finding.message
    assert "npm ci --prefix apps/mailer" in (finding.fix or "")
    # the folder's own lockfile, copied with it, is read; and a prefix naming the project it is in is that project
    locked = _MONOREPO | {"/p/apps/mailer/package-lock.json": "{}", "/p/Dockerfile": dockerfile}
    assert _findings(locked, "lockfile-not-used") == []
    same = dockerfile.replace("npm install --prefix apps/mailer", "npm install --prefix .")
    assert _findings(_MONOREPO | {"/p/Dockerfile": same}, "lockfile-not-used") == []


_BUN_BUILT = {
    "/p/package.json": '{"name": "glass", "dependencies": {"mongoose": "^8.6.2"}}',
    "/p/bun.lockb": "",
    "/p/.dockerignore": "node_modules\n",
    "/p/Dockerfile": (
        "FROM oven/bun:1.1.28-slim AS build\nWORKDIR /app\nCOPY . .\nRUN bun install\nRUN bun run build\n\n"
        "FROM node:22.7.0-slim\nCOPY --from=build /app/package.json .\nWORKDIR /app\nRUN npm install --omit=dev\n"
        'COPY --from=build /app/build /app\nCMD ["node", "./index.js"]\n'
    ),
}


def test_the_fixes_for_a_tree_bun_installed_name_bun() -> None:
    # glassbin: bun installs in the build stage, npm again in node's runtime stage from a package.json alone;
    # following `npm ci` (no package-lock.json) or `npm prune` (no npm in oven/bun) would fail
    (reinstall,) = _findings(_BUN_BUILT, "prod-stage-reinstall")
    assert "bun install --frozen-lockfile --production" in (reinstall.fix or "")
    assert "npm prune" not in (reinstall.fix or "")
    (unlocked,) = _findings(_BUN_BUILT, "lockfile-not-used")
    assert "COPY package.json and bun.lockb" in (unlocked.fix or "")
    assert "`bun install --frozen-lockfile`, after putting bun in the image" in (unlocked.fix or "")


def test_the_fix_keeps_to_npm_where_the_install_reads_another_manifest() -> None:
    # a manifest of its own for the image (package-docker.json): the project's pnpm-lock.yaml does not go with it
    dockerfile = (
        "FROM node:20-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm run build\n\n"
        "FROM node:20-slim\nWORKDIR /app\nCOPY --from=build /app/dist/package-docker.json /app/package.json\n"
        'RUN npm install\nCMD ["node", "index.js"]\n'
    )
    project = {"/p/package.json": '{"name": "w"}', "/p/pnpm-lock.yaml": "lockfileVersion: '9.0'\n"}
    (finding,) = _findings(project | {"/p/Dockerfile": dockerfile}, "lockfile-not-used")
    assert "pnpm-lock.yaml" not in (finding.fix or "")
    assert "then `npm ci`" in (finding.fix or "")


def test_the_pin_fix_for_pnpm_on_node_16_names_a_release_that_runs_there() -> None:
    # todo-nest: `npm install -g pnpm` on node:16-alpine; pnpm 9 dropped node 16 (its release notes: node
    # 18.12 at least), so a pin to today's pnpm fails the same way
    project = {"/p/package.json": '{"name": "todo"}', "/p/pnpm-lock.yaml": "lockfileVersion: 5.4\n"}
    for base, expected in (("node:16-alpine", True), ("node:20-slim", False)):
        dockerfile = (
            f"FROM {base}\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN npm install -g pnpm\n"
            "RUN pnpm install --frozen-lockfile\nCOPY . .\nUSER node\nCMD node dist/main\n"
        )
        (finding,) = _findings(project | {"/p/Dockerfile": dockerfile}, "package-manager-floating")
        assert ("a pnpm 8 release either way: pnpm 9 and later need node 18.12" in (finding.fix or "")) is expected
