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
    image = 'FROM node:18\nWORKDIR /app\nCOPY ./package.json /app/package.json\nRUN yarn install\nENTRYPOINT [ "./entrypoint.sh" ]\nCMD [ "run" ]\n'
    compose = "services:\n  web:\n    build: .\n    volumes:\n      - ./:/app\n      - /app/node_modules\n"
    base = {"/p/Dockerfile": image, "/p/docker-compose.yml": compose, "/p/package.json": "{}", "/p/yarn.lock": ""}
    found = codes(base | {"/p/entrypoint.sh": _ENTRYPOINT})
    assert of(found, "init-marker-version-blind") == []
    assert of(found, "install-at-start") == [("install-at-start", "entrypoint.sh", 6)]
    # started with another command, the `run` arm (and its install) does not run
    other = base | {"/p/entrypoint.sh": _ENTRYPOINT, "/p/Dockerfile": image.replace('CMD [ "run" ]', 'CMD [ "test" ]')}
    assert of(codes(other), "install-at-start") == of(codes(other), "init-marker-version-blind") == []
