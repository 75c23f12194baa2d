"""nmdoctor docker on the container setups of seeds 000 and 003, their traps, and clean patterns."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS

SEED_000_DOCKERFILE = """\
FROM node:22-alpine AS builder
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build && pnpm prune --prod

FROM node:22-alpine
WORKDIR /app
COPY --from=builder /app/node_modules ./node_modules_backup
COPY --from=builder /app/dist ./dist
RUN mkdir -p /app/node_modules
COPY docker-entrypoint.sh /docker-entrypoint.sh
RUN chmod +x /docker-entrypoint.sh
USER node
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["node", "dist/server/index.js"]
"""
SEED_000_ENTRYPOINT = """\
#!/bin/sh
set -e
if [ ! -f "/app/node_modules/.initialized" ]; then
  cp -r /app/node_modules_backup/. /app/node_modules/
  touch /app/node_modules/.initialized
fi
exec "$@"
"""
SEED_000_COMPOSE = """\
services:
  app:
    build: .
    volumes:
      - node_modules:/app/node_modules
volumes:
  node_modules:
"""
SEED_003_DOCKERFILE = """\
FROM node:10.16.3 AS development
USER node
RUN mkdir -p /home/node/chat/node_modules
WORKDIR /home/node/chat
COPY --chown=node:node package.json package-lock.json ./
RUN npm install --quiet

FROM node:10.16.3-slim AS production
USER node
WORKDIR /srv/chat
COPY --from=development --chown=root:root /home/node/chat/node_modules ./node_modules
COPY . .
CMD ["node", "index.js"]
"""
SEED_003_COMPOSE = """\
version: '3.7'
services:
  chat:
    build:
      context: .
      target: development
    command: npx nodemon index.js
    ports:
      - '3000:3000'
    volumes:
      - .:/home/node/chat
      - chat_node_modules:/home/node/chat/node_modules
volumes:
  chat_node_modules:
"""


def codes(files: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return sorted((finding.code, finding.from_, finding.line) for finding in docker_findings(fs, "/p"))


def test_seed_003_named_volume_under_the_bind_goes_stale() -> None:
    files = {
        "Dockerfile": SEED_003_DOCKERFILE,
        "docker-compose.yml": SEED_003_COMPOSE,
        ".dockerignore": ".git\ndocker-compose*.yml\nDockerfile\nnode_modules\n",
    }
    assert codes(files) == [("volume-shadows-node-modules", "docker-compose.yml", 12)]
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    (finding,) = docker_findings(fs, "/p")
    assert finding.severity.value == "warning"
    assert "named volume `chat_node_modules`" in finding.message
    assert finding.fix is not None and "--renew-anon-volumes" in finding.fix and "named volume" not in finding.fix


def test_seed_003_with_an_anonymous_volume_is_clean() -> None:
    compose = SEED_003_COMPOSE.replace("chat_node_modules:/home", "/home").replace(
        "volumes:\n  chat_node_modules:\n", ""
    )
    files = {"Dockerfile": SEED_003_DOCKERFILE, "docker-compose.yml": compose, ".dockerignore": "node_modules\n"}
    assert codes(files) == []


def test_seed_003_without_the_nested_volume() -> None:
    compose = SEED_003_COMPOSE.replace("      - chat_node_modules:/home/node/chat/node_modules\n", "")
    found = codes({"Dockerfile": SEED_003_DOCKERFILE, "docker-compose.yml": compose, ".dockerignore": "node_modules\n"})
    assert found == [("volume-shadows-node-modules", "docker-compose.yml", 11)]


def test_seed_003_without_dockerignore() -> None:
    found = codes({"Dockerfile": SEED_003_DOCKERFILE, "package.json": "{}"})
    assert found == [("node-modules-not-dockerignored", "Dockerfile", None)]


def test_seed_000_marker_is_version_blind() -> None:
    found = codes(
        {
            "Dockerfile": SEED_000_DOCKERFILE,
            "docker-entrypoint.sh": SEED_000_ENTRYPOINT,
            "docker-compose.yml": SEED_000_COMPOSE,
            ".dockerignore": "node_modules\n",
        }
    )
    assert found == [("init-marker-version-blind", "docker-entrypoint.sh", 3)]


def test_seed_000_trap_1_entrypoint_dropped() -> None:
    dockerfile = SEED_000_DOCKERFILE.replace('ENTRYPOINT ["/docker-entrypoint.sh"]\n', "")
    found = codes(
        {
            "Dockerfile": dockerfile,
            "docker-entrypoint.sh": SEED_000_ENTRYPOINT,
            "docker-compose.yml": SEED_000_COMPOSE,
            ".dockerignore": "node_modules\n",
        }
    )
    assert found == [("volume-shadows-node-modules", "docker-compose.yml", 5)]
    fs = MemoryFS.from_mapping(
        {
            "/p/Dockerfile": dockerfile,
            "/p/docker-entrypoint.sh": SEED_000_ENTRYPOINT,
            "/p/docker-compose.yml": SEED_000_COMPOSE,
        }
    )
    message = next(item.message for item in docker_findings(fs, "/p") if item.code == "volume-shadows-node-modules")
    assert "docker-entrypoint.sh would restore them, but the image's ENTRYPOINT does not run it" in message


def test_seed_000_trap_1_copied_node_modules_under_a_volume() -> None:
    dockerfile = """\
FROM node:22-alpine AS builder
WORKDIR /app
COPY package.json pnpm-lock.yaml ./
RUN pnpm install --frozen-lockfile

FROM node:22-alpine
WORKDIR /app
COPY --from=builder /app/node_modules ./node_modules
USER node
CMD ["node", "dist/server/index.js"]
"""
    found = codes({"Dockerfile": dockerfile, "docker-compose.yml": SEED_000_COMPOSE, ".dockerignore": "node_modules\n"})
    assert found == [("volume-shadows-node-modules", "docker-compose.yml", 5)]


def test_seed_000_trap_2_reinstall_in_production() -> None:
    dockerfile = SEED_000_DOCKERFILE.replace(
        "COPY --from=builder /app/node_modules ./node_modules_backup\n",
        "COPY package.json pnpm-lock.yaml ./\nRUN pnpm install --prod\n",
    )
    found = codes({"Dockerfile": dockerfile, ".dockerignore": "node_modules\n"})
    assert ("prod-stage-reinstall", "Dockerfile", 11) in found


def test_install_without_lockfile_and_root() -> None:
    dockerfile = "FROM node:20\nWORKDIR /app\nCOPY package.json ./\nRUN npm install\nCOPY . .\nCMD node index.js\n"
    found = codes({"Dockerfile": dockerfile, ".dockerignore": "node_modules\n"})
    assert found == [("lockfile-not-used", "Dockerfile", 4), ("runs-as-root", "Dockerfile", 1)]


def test_bind_mount_over_the_app_hides_node_modules() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nUSER node\nCMD node index.js\n"
    )
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n"
    found = codes({"Dockerfile": dockerfile, "compose.yaml": compose, ".dockerignore": "node_modules\n"})
    assert found == [("volume-shadows-node-modules", "compose.yaml", 5)]


def test_app_files_owned_by_the_runtime_user() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\n"
        "USER node\nCOPY --chown=node:node . .\nCMD node index.js\n"
    )
    found = codes({"Dockerfile": dockerfile, ".dockerignore": "node_modules\n"})
    assert found == [("app-files-writable", "Dockerfile", 6)]
