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
