"""nmdoctor docker on shapes the fourth held-out field batch showed (tests/field/docker, held-out-4):
`npm update` in a build, settings-only pnpm-workspace.yaml, a service mentioned before its key, an
install in a `case` arm, and an entrypoint copied from an earlier stage."""

from __future__ import annotations

import pytest

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS

IGNORE = "node_modules\n"
PACKAGE = '{"name": "app", "version": "1.0.0"}'


def run(files: dict[str, str], compose: list[str] | None = None) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p", compose))


@pytest.mark.parametrize("update", ["npm update", "npm up", "pnpm update", "yarn upgrade"])
def test_an_update_in_the_build_ignores_the_lockfile(update: str) -> None:
    dockerfile = f"FROM node:20\nWORKDIR /app\nCOPY . .\nRUN {update}\nRUN npm install\nUSER node\nCMD node index.js\n"
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE, "package-lock.json": "{}"}
    assert run(files) == [("lockfile-not-used", "Dockerfile", 4)]


def test_a_global_update_is_a_tool_not_the_apps_tree() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm update -g npm@10.9.1\nRUN npm ci\nUSER node\nCMD node a.js\n"
    )
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE, "package-lock.json": "{}"}
    assert run(files) == []


@pytest.mark.parametrize(
    ("workspace", "found"),
    [
        ("onlyBuiltDependencies:\n  - esbuild\n", []),
        (
            "packages:\n  - apps/*\nonlyBuiltDependencies:\n  - esbuild\n",
            [("node-modules-not-dockerignored", "Dockerfile", None)],
        ),
    ],
)
def test_a_pnpm_workspace_file_with_only_settings_is_not_a_workspace(workspace: str, found: list) -> None:
    # pnpm 10 lists only the root as a project when pnpm-workspace.yaml has no `packages`
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\nRUN pnpm install --frozen-lockfile\n"
        "COPY . .\nUSER node\nCMD node a.js\n"
    )
    files = {
        "Dockerfile": dockerfile,
        ".dockerignore": IGNORE,
        "package.json": PACKAGE,
        "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "pnpm-workspace.yaml": workspace,
        "apps/web/package.json": '{"name": "web"}',
    }
    assert [item for item in run(files) if item[0] == "node-modules-not-dockerignored"] == found


def test_a_service_named_in_depends_on_first_is_found_at_its_key() -> None:
    compose = (
        "services:\n"
        "  web:\n    build: .\n    depends_on:\n      prep:\n        condition: service_completed_successfully\n"
        "  prep:\n    build: .\n    volumes:\n      - .:/app\n      - /app/node_modules\n"
        "    command:\n      - /bin/sh\n      - -c\n      - pnpm install --frozen-lockfile && pnpm run migrate\n"
    )
    dockerfile = "FROM node:20\nWORKDIR /app\nUSER node\nCMD node a.js\n"
    found = run({"Dockerfile": dockerfile, "docker-compose.dev.yml": compose}, ["docker-compose.dev.yml"])
    assert ("install-at-start", "docker-compose.dev.yml", 7) in found  # the key of `prep`, not its mention
    assert all(line != 5 for _, _, line in found)


def test_an_install_in_a_case_arm_of_an_entrypoint_copied_from_a_build_stage() -> None:
    dockerfile = (
        "FROM node:20 AS build\nWORKDIR /usr/src/app\nCOPY . /usr/src/app/\nRUN npm ci\n"
        "FROM node:20-slim\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app/ /usr/src/app/\n"
        "COPY --from=build /usr/src/app/install/docker/entrypoint.sh /usr/local/bin/\nUSER node\n"
        'ENTRYPOINT ["tini", "--", "entrypoint.sh"]\n'
    )
    entrypoint = (
        '#!/bin/bash\ncase "$PACKAGE_MANAGER" in\n  npm) npm install || exit 1 ;;\n'
        "  pnpm) pnpm install || exit 1 ;;\nesac\nexec npm start\n"
    )
    files = {
        "Dockerfile": dockerfile,
        ".dockerignore": IGNORE,
        "package.json": PACKAGE,
        "package-lock.json": "{}",
        "install/docker/entrypoint.sh": entrypoint,
    }
    assert run(files) == [
        ("install-at-start", "install/docker/entrypoint.sh", 3),
        ("install-at-start", "install/docker/entrypoint.sh", 4),
    ]
