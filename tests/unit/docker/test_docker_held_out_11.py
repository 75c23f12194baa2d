"""nmdoctor docker on shapes the eleventh held-out field batch showed (tests/field/docker, held-out-11):
stages that install other projects than the shipped one, a base image given only at build time, a
lockfile deleted in the build stage, `su -c ... node` entrypoints, lockfile tests that only choose the
manager, scaffold templates, installs in a project below the context root, and compose `extends`."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.docker.compose import load_services
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str], compose: list[str] | None = None) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p", compose))


def test_a_client_built_in_another_stage_is_not_a_reinstall_of_the_server() -> None:
    # pawelmalak/flame's Dockerfile.dev: the first stage installs and builds client/, the shipped one
    # installs the server's own dependencies for the first time
    dockerfile = (
        "FROM node:20-alpine AS front\nWORKDIR /app\nCOPY ./client .\nRUN npm install && npm run build\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=front /app/build ./public\nCOPY package*.json ./\n"
        'RUN npm install\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n'
    )
    found = codes(
        {
            "/p/Dockerfile": dockerfile,
            "/p/package.json": '{"dependencies": {"express": "^4"}}',
            "/p/package-lock.json": "{}",
            "/p/client/package.json": '{"dependencies": {"react": "^18"}}',
            "/p/client/package-lock.json": "{}",
            "/p/.dockerignore": "node_modules\nclient/node_modules\n",
        }
    )
    assert [code for code, _, _ in found if code == "prod-stage-reinstall"] == []


def test_the_same_project_installed_again_in_the_shipped_stage_is_still_a_reinstall() -> None:
    dockerfile = (
        "FROM node:20-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"
        'COPY --from=build /app/dist ./dist\nUSER node\nCMD ["node", "dist/main.js"]\n'
    )
    found = codes({"/p/Dockerfile": dockerfile, "/p/package.json": "{}", "/p/package-lock.json": "{}"})
    assert ("prod-stage-reinstall", "Dockerfile", 10) in found


def test_installs_limited_to_other_workspaces_are_not_a_reinstall() -> None:
    # msgbyte/tianji: `--filter @tianji/client...` in the static stage, `--filter @tianji/server...` in the app
    dockerfile = (
        "FROM node:22-alpine AS base\nRUN npm install -g pnpm@10.27.0\n"
        "FROM base AS static\nWORKDIR /app\nCOPY . .\n"
        "RUN pnpm install --filter @app/client... --frozen-lockfile\nRUN pnpm build:static\n"
        "FROM base AS app\nWORKDIR /app\nCOPY . .\nRUN pnpm install --filter @app/server...\n"
        'COPY --from=static /app/public ./public\nUSER node\nCMD ["node", "main.js"]\n'
    )
    mapping = {
        "/p/Dockerfile": dockerfile,
        "/p/package.json": "{}",
        "/p/pnpm-lock.yaml": "",
        "/p/.dockerignore": "node_modules\n**/node_modules\n",
    }
    assert [code for code, _, _ in codes(mapping) if code == "prod-stage-reinstall"] == []
    overlapping = dockerfile.replace("--filter @app/server...", "--filter @app/client... --filter @app/server...")
    assert "prod-stage-reinstall" in [code for code, _, _ in codes({**mapping, "/p/Dockerfile": overlapping})]


def test_a_base_image_given_at_build_time_keeps_the_stage_name() -> None:
    # hackmdio/codimd's deployments/Dockerfile: `ARG BUILDPACK` with no default, `FROM $BUILDPACK as BUILD`;
    # the build stage deletes package-lock.json before the runtime stage copies the app and installs again
    dockerfile = (
        "ARG RUNTIME\nARG BUILDPACK\nFROM $BUILDPACK as BUILD\nCOPY . .\n"
        "RUN npm install && npm run build && rm -rf package-lock.json node_modules\n"
        "FROM $RUNTIME\nUSER app\nWORKDIR /home/app\nCOPY --from=BUILD /home/app .\n"
        'RUN npm install --production\nENTRYPOINT ["/home/app/start.sh"]\n'
    )
    found = codes(
        {
            "/p/Dockerfile": dockerfile,
            "/p/package.json": "{}",
            "/p/package-lock.json": "{}",
            "/p/.dockerignore": "node_modules/\n",
        }
    )
    assert ("prod-stage-reinstall", "Dockerfile", 10) in found
    assert ("lockfile-not-used", "Dockerfile", 10) in found
    assert ("lockfile-not-used", "Dockerfile", 5) not in found


def test_removing_the_lockfile_leaves_the_next_install_without_one() -> None:
    dockerfile = (
        "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN rm -f package-lock.json && npm install\n"
        'USER node\nCMD ["node", "index.js"]\n'
    )
    mapping = {"/p/package.json": "{}", "/p/package-lock.json": "{}", "/p/.dockerignore": "node_modules\n"}
    assert ("lockfile-not-used", "Dockerfile", 4) in codes({**mapping, "/p/Dockerfile": dockerfile})
    # a yarn project keeps yarn.lock: removing a stray package-lock.json takes nothing the install reads
    yarn = dockerfile.replace("npm install", "yarn install --frozen-lockfile")
    assert ("lockfile-not-used", "Dockerfile", 4) not in codes({**mapping, "/p/yarn.lock": "", "/p/Dockerfile": yarn})


def test_an_entrypoint_that_runs_node_through_su_runs_it_as_that_user() -> None:
    # TriliumNext/Notes' start-docker.sh: `exec su -c "node ./src/main" node`
    mapping = {
        "/p/Dockerfile": 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [ "./start-docker.sh" ]\n',
        "/p/package.json": "{}",
        "/p/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
        "/p/start-docker.sh": '#!/bin/sh\nchown -R node:node /home/node\nexec su -c "node ./src/main" node\n',
    }
    assert "runs-as-root" not in [code for code, _, _ in codes(mapping)]
    as_root = {**mapping, "/p/start-docker.sh": '#!/bin/sh\nexec su -c "node ./src/main" root\n'}
    assert "runs-as-root" in [code for code, _, _ in codes(as_root)]
    interactive = {**mapping, "/p/start-docker.sh": "#!/bin/sh\nsu node\nexec node ./src/main\n"}
    assert "runs-as-root" in [code for code, _, _ in codes(interactive)]


def test_a_lockfile_test_that_picks_the_manager_is_not_the_guard_nor_a_key() -> None:
    # strapi/strapi-docker's entrypoint: `elif [ ! -d node_modules ] || [ ! "$(ls -qAL node_modules)" ]`,
    # then `if [ -f yarn.lock ]; then yarn install; else npm install; fi`
    script = (
        '#!/bin/sh\nif [ ! -f "package.json" ]; then\n  echo new\nelif [ ! -d "node_modules" ] || '
        '[ ! "$(ls -qAL node_modules 2>/dev/null)" ]; then\n  if [ -f "yarn.lock" ]; then\n    yarn install\n'
        '  else\n    npm install\n  fi\nfi\nexec "$@"\n'
    )
    mapping = {
        "/p/Dockerfile": "FROM node:20\nWORKDIR /srv/app\nCOPY docker-entrypoint.sh /usr/local/bin/\n"
        'USER node\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["npm", "start"]\n',
        "/p/docker-entrypoint.sh": script,
    }
    assert ("init-marker-version-blind", "docker-entrypoint.sh", 4) in codes(mapping)
    keyed = script.replace('[ ! -d "node_modules" ]', "! cmp -s package-lock.json node_modules/.lock")
    found = codes({**mapping, "/p/docker-entrypoint.sh": keyed})
    assert "init-marker-version-blind" not in [code for code, _, _ in found]


def test_a_scaffold_template_copied_with_the_scripts_grows_no_node_modules() -> None:
    # browserless/browserless: bin/scaffold/package.json depends on "^${BROWSERLESS_VERSION}", which npm
    # refuses (EINVALIDTAGNAME, checked with npm 10): nobody installs there
    dockerfile = (
        "FROM node:24\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY bin bin\n"
        'USER node\nCMD ["node", "bin/start.js"]\n'
    )
    mapping = {
        "/p/Dockerfile": dockerfile,
        "/p/package.json": "{}",
        "/p/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
        "/p/bin/start.js": "",
        "/p/bin/scaffold/package.json": '{"dependencies": {"@browserless.io/browserless": "^${BROWSERLESS_VERSION}"}}',
    }
    assert "node-modules-not-dockerignored" not in [code for code, _, _ in codes(mapping)]
    real = {**mapping, "/p/bin/scaffold/package.json": '{"dependencies": {"@browserless.io/browserless": "^2"}}'}
    assert "node-modules-not-dockerignored" in [code for code, _, _ in codes(real)]


def test_an_install_below_the_context_root_needs_its_node_modules_ignored_too() -> None:
    # pawelmalak/flame: COPY . . then `cd ./client && npm install`; .dockerignore has only `node_modules`
    dockerfile = (
        "FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install --production\nCOPY . .\n"
        'RUN cd ./client && npm install --production && npm run build\nUSER node\nCMD ["node", "server.js"]\n'
    )
    mapping = {
        "/p/Dockerfile": dockerfile,
        "/p/package.json": "{}",
        "/p/package-lock.json": "{}",
        "/p/client/package.json": '{"dependencies": {"react": "^18"}}',
        "/p/client/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
    }
    assert ("node-modules-not-dockerignored", "Dockerfile", None) in codes(mapping)
    ignored = {**mapping, "/p/.dockerignore": "node_modules\nclient/node_modules\n"}
    assert "node-modules-not-dockerignored" not in [code for code, _, _ in codes(ignored)]


def test_compose_extends_takes_the_base_service_configuration() -> None:
    compose = (
        "services:\n  base:\n    build: .\n    volumes:\n      - .:/app\n      - /app/node_modules\n"
        "  dev:\n    extends:\n      service: base\n    command: npm run dev\n    volumes:\n      - ./src:/app/src\n"
        "  short:\n    extends: base\n"
    )
    services = {service.name: service for service in load_services([("compose.yaml", compose)], {})}
    assert services["dev"].dockerfile == "./Dockerfile"
    assert [mount.target for mount in services["dev"].mounts] == ["/app", "/app/node_modules", "/app/src"]
    assert services["dev"].command == ["npm", "run", "dev"]
    assert services["short"].dockerfile == "./Dockerfile"
    looped = "services:\n  a:\n    extends: b\n  b:\n    extends: a\n    image: node:20\n"
    assert {service.name for service in load_services([("compose.yaml", looped)], {})} == {"a", "b"}
