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


def test_an_option_set_to_false_is_off() -> None:
    """`pnpm install --frozen-lockfile=false` installs with no lockfile and writes one (real pnpm 10.34.8;
    `--frozen-lockfile` alone stops with ERR_PNPM_NO_LOCKFILE): the install resolves afresh, so with no
    lockfile committed it is lockfile-not-used, as chainchik's `pnpm -C apps/web install` is."""
    mapping = {
        "/p/Dockerfile": (
            "FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\n"
            "RUN corepack enable && corepack prepare pnpm@9.12.3 --activate\n"
            'RUN pnpm install --frozen-lockfile=false\nCOPY . .\nUSER node\nCMD ["pnpm", "start"]\n'
        ),
        "/p/package.json": '{"name": "app", "dependencies": {"next": "^14.2.12"}}',
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "lockfile-not-used")
    assert finding.line == 5
    frozen = {**mapping, "/p/Dockerfile": mapping["/p/Dockerfile"].replace("=false", "")}
    assert _findings(frozen, "lockfile-not-used") == []


_EARLY_INSTALL = {
    "/p/Dockerfile": (
        'FROM node:14\nWORKDIR /app\nRUN npm install\nCOPY . .\nVOLUME [ "/app/node_modules" ]\n'
        'CMD ["npm", "run", "dev"]\n'
    ),
    "/p/docker-compose.yaml": (
        "services:\n  app:\n    build: .\n    volumes:\n      - .:/app\n      - '/app/node_modules'\n"
    ),
    "/p/package.json": '{"name": "api", "scripts": {"dev": "nodemon index.js"}, "devDependencies": {"nodemon": "^2"}}',
    "/p/package-lock.json": "{}",
}


def test_an_install_before_any_package_json_is_copied_fills_no_volume() -> None:
    """docknodejsmysql-volume: `RUN npm install` in an empty /app of node:14, then `COPY . .`. npm 6 there
    writes only an empty package-lock.json (checked with `npx npm@6 install` in an empty folder; npm
    11.19.1 stops with ENOENT), so the anonymous volume over /app/node_modules starts empty and nodemon
    is not found."""
    (finding,) = _findings(_EARLY_INSTALL, "volume-shadows-node-modules")
    assert finding.severity.value == "error"
    assert finding.from_ == "docker-compose.yaml"


def test_an_install_after_a_package_json_arrives_fills_the_volume() -> None:
    """The same with package.json copied first, or written by a RUN, or bind-mounted into the RUN: the
    install has a manifest and the volume is filled from its node_modules."""
    copied = _EARLY_INSTALL["/p/Dockerfile"].replace("RUN npm install\n", "COPY package*.json ./\nRUN npm install\n")
    written = _EARLY_INSTALL["/p/Dockerfile"].replace("RUN npm install", "RUN npm init -y && npm install")
    mounted = _EARLY_INSTALL["/p/Dockerfile"].replace(
        "RUN npm install", "RUN --mount=type=bind,source=package.json,target=package.json npm install"
    )
    for dockerfile in (copied, written, mounted):
        assert _findings({**_EARLY_INSTALL, "/p/Dockerfile": dockerfile}, "volume-shadows-node-modules") == []


def test_the_fix_copies_the_lockfile_the_project_commits_where_the_copy_left_it_out() -> None:
    """supersoftenq: `COPY package*.json` brings package.json and package-lock.json, then `yarn`; the project
    also commits yarn.lock. The fix names copying it, not committing one (yarn 1.22 installs from a
    yarn.lock beside a package-lock.json: `yarn install --frozen-lockfile` succeeds there, checked)."""
    mapping = {
        "/p/Dockerfile": (
            "FROM node:20.12.2\nWORKDIR /home/node/app\nCOPY package*.json ./\nUSER node\nRUN yarn --ignore-engines\n"
            "COPY . .\nRUN yarn build\n"
        ),
        "/p/package.json": '{"name": "web", "scripts": {"build": "vite build"}}',
        "/p/package-lock.json": "{}",
        "/p/yarn.lock": "# yarn lockfile v1\n",
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "lockfile-not-used")
    assert "or COPY yarn.lock (which the project commits and yarn reads) before the install" in (finding.fix or "")
    without = {key: value for key, value in mapping.items() if key != "/p/yarn.lock"}
    (finding,) = _findings(without, "lockfile-not-used")
    assert "or commit yarn's own lockfile and COPY it before the install" in (finding.fix or "")


def test_a_pnpm_install_with_no_lockfile_is_told_pnpms_own_frozen_install() -> None:
    """ola-pnpm-latest: `pnpm install` with no pnpm-lock.yaml committed. The fix names pnpm's lockfile and
    `pnpm install --frozen-lockfile` (real pnpm 10.34.8 writes pnpm-lock.yaml on `pnpm install` and
    installs from it frozen), not `npm ci`, which stops with EUSAGE without a package-lock.json."""
    mapping = {
        "/p/Dockerfile": (
            "FROM node:22\nWORKDIR /home/app\nRUN npm install -g pnpm@9.12.3\nCOPY package.json .\n"
            'RUN pnpm install\nCOPY . .\nUSER node\nCMD ["pnpm", "run", "dev"]\n'
        ),
        "/p/package.json": '{"name": "api", "dependencies": {"express": "^4.19.2"}}',
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "lockfile-not-used")
    assert (finding.fix or "").startswith("COPY package.json and pnpm-lock.yaml first")
    assert "then `pnpm install --frozen-lockfile`" in (finding.fix or "")
    assert "npm ci" not in (finding.fix or "")


def test_the_frozen_install_is_offered_with_the_copied_lockfile_not_instead_of_it() -> None:
    """telefonclub-bun's shape with npm: package-lock.json committed, only package.json copied before
    `npm install`. `npm ci` alone would stop with EUSAGE (no package-lock.json in the image; npm 11.19.1),
    so the fix offers it together with the COPY, not as an alternative to it."""
    mapping = {
        "/p/Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nUSER node\n",
        "/p/package.json": '{"name": "api", "dependencies": {"express": "^4.19.2"}}',
        "/p/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
    }
    (finding,) = _findings(mapping, "lockfile-not-used")
    assert "so that it installs what the lockfile pins, and install with `npm ci`" in (finding.fix or "")
    assert "; or install with" not in (finding.fix or "")
