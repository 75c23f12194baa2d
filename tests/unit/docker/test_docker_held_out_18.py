"""nmdoctor docker on shapes the eighteenth held-out field batch showed (tests/field/docker, held-out-18)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS

_BERRY_LOCK = '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"web@workspace:apps/web":\n  version: 0.0.0-use.local\n'

_COMPOSE = (
    "services:\n  web:\n    build:\n      context: .\n    volumes:\n      - ./apps:/app/apps\n"
    "      - node_modules:/app/node_modules\n    command: yarn workspace web dev\nvolumes:\n  node_modules:\n"
)


def _project(install: str = "RUN corepack enable && corepack prepare yarn@4.0.2\n") -> dict[str, str]:
    # the docker-yarn-monorepo case: yarn 4 named by packageManager, no .yarnrc.yml (berry's defaults),
    # a named volume over the root node_modules and binds over the workspaces
    return {
        "/p/package.json": '{"private": true, "packageManager": "yarn@4.0.2", "workspaces": ["apps/*"]}',
        "/p/yarn.lock": _BERRY_LOCK,
        "/p/.dockerignore": "**/node_modules\n",
        "/p/apps/web/package.json": '{"name": "web", "scripts": {"dev": "next dev"}}',
        "/p/Dockerfile": f"FROM node:20.5.0-bookworm-slim\nWORKDIR /app\n{install}COPY . .\nRUN yarn install\n",
        "/p/compose.yaml": _COMPOSE,
    }


def _shadows(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted(
        (item.code, item.from_, item.line)
        for item in docker_findings(fs, "/p")
        if item.code == "volume-shadows-node-modules"
    )


def test_a_named_volume_over_a_plug_n_play_root_holds_nothing_to_go_stale() -> None:
    # corepack runs the yarn 4.0.2 packageManager names; with no .yarnrc.yml berry links with Plug'n'Play
    # (yarn 4.0.2: `yarn install` writes .pnp.cjs and no node_modules), so the volume holds no packages
    assert _shadows(_project()) == []
    assert _shadows(_project("RUN yarn set version 4.0.2\n")) == []
    stale = [("volume-shadows-node-modules", "compose.yaml", 7)]
    # without corepack the node image's own yarn 1 runs: yarn 1.22.22 refuses a yarn 4 project, but an
    # older yarn 1 ignores packageManager and writes node_modules, which then go stale: reported as before
    assert _shadows(_project("")) == stale
    assert _shadows(_project("RUN yarn set version classic\n")) == stale
    # the node-modules linker named in the Dockerfile or in a .yarnrc.yml writes the tree: reported
    assert _shadows(_project("ENV YARN_NODE_LINKER=node-modules\nRUN corepack enable\n")) == stale
    assert _shadows(_project() | {"/p/.yarnrc.yml": "nodeLinker: node-modules\n"}) == stale
    # yarn 1 named by packageManager links node_modules whatever runs it
    yarn1 = _project() | {"/p/package.json": '{"private": true, "packageManager": "yarn@1.22.19"}'}
    assert _shadows(yarn1) == stale
