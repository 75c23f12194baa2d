"""nmdoctor docker on shapes the twentieth held-out field batch showed (tests/field/docker, held-out-20)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _fixes(mapping: dict[str, str]) -> list[str]:
    fs = MemoryFS.from_mapping(mapping)
    return [item.fix or "" for item in docker_findings(fs, "/p") if item.code == "lockfile-not-used"]


_PROJECT = {
    "/p/package.json": '{"name": "chat", "dependencies": {"ws": "^8.13.0"}}',
    "/p/pnpm-lock.yaml": "lockfileVersion: '6.1'\n",
    "/p/.dockerignore": "node_modules\n",
}


def test_the_fix_naming_pnpm_says_to_put_pnpm_in_a_node_image_that_has_none() -> None:
    # mujomegle: node:16.3.0-alpine runs `npm install` in a project that commits only pnpm-lock.yaml;
    # node's images carry npm (and yarn 1), no pnpm: `pnpm install --frozen-lockfile` alone is "pnpm: not found"
    project = _PROJECT | {"/p/Dockerfile": "FROM node:16.3.0-alpine\nCOPY . .\nRUN npm install\nCMD node app.js\n"}
    (fix,) = _fixes(project)
    assert "`pnpm install --frozen-lockfile`, after putting pnpm in the image" in fix
    assert "commit npm's own lockfile" in fix


def test_the_fix_names_pnpm_alone_where_the_image_has_a_way_to_run_it() -> None:
    for step in ("RUN npm install -g pnpm@8.15.9\n", "RUN corepack enable\n"):
        project = _PROJECT | {
            "/p/Dockerfile": f"FROM node:20-alpine\n{step}COPY . .\nRUN npm install\nCMD node app.js\n"
        }
        (fix,) = _fixes(project)
        assert "(`pnpm install --frozen-lockfile`)" in fix
    # an image other than node's may carry it: the fix is left as it was
    other = _PROJECT | {"/p/Dockerfile": "FROM example/pnpm-node:20\nCOPY . .\nRUN npm install\nCMD node app.js\n"}
    assert all("after putting" not in fix for fix in _fixes(other))
