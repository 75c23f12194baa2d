"""nmdoctor docker on shapes the twelfth held-out field batch showed (tests/field/docker, held-out-12):
a lockfile named by a pattern that matches nothing, installs in the branch of a test that the
lockfile exists, and global installs run through `su -c` as another user."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.docker.commands import classify
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p"))


_CHOOSE = (
    "FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json* ./\n"
    "RUN if [ -f package-lock.json ]; then npm ci; else npm install; fi\n"
    'COPY . .\nUSER node\nCMD ["npm", "run", "dev"]\n'
)


def test_a_lockfile_pattern_that_matches_nothing_brings_no_lockfile() -> None:
    # Roy-Mrk/asp's web/Dockerfile: Docker copies what `package-lock.json*` matches, here nothing, so
    # the `else npm install` branch runs and resolves afresh
    found = codes({"/p/Dockerfile": _CHOOSE, "/p/package.json": "{}", "/p/.dockerignore": "node_modules\n"})
    assert ("lockfile-not-used", "Dockerfile", 4) in found


def test_a_lockfile_pattern_that_matches_the_lockfile_brings_it() -> None:
    mapping = {
        "/p/Dockerfile": _CHOOSE,
        "/p/package.json": "{}",
        "/p/package-lock.json": "{}",
        "/p/.dockerignore": "node_modules\n",
    }
    assert [code for code, _, _ in codes(mapping) if code == "lockfile-not-used"] == []


def test_installs_in_the_branch_of_a_lockfile_test_have_that_lockfile() -> None:
    # next.js's with-docker Dockerfile (payload's templates): each install runs only when its lockfile
    # is there (`if [ -f yarn.lock ]; then yarn --frozen-lockfile; elif ...`), else the build stops
    dockerfile = (
        "FROM node:22-alpine AS deps\nWORKDIR /app\n"
        "COPY package.json yarn.lock* package-lock.json* pnpm-lock.yaml* ./\n"
        "RUN \\\n  if [ -f yarn.lock ]; then yarn --frozen-lockfile; \\\n"
        "  elif [ -f package-lock.json ]; then npm ci; \\\n"
        "  elif [ -f pnpm-lock.yaml ]; then corepack enable pnpm && pnpm i --frozen-lockfile; \\\n"
        '  else echo "Lockfile not found." && exit 1; \\\n  fi\n'
        "FROM node:22-alpine\nWORKDIR /app\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\n"
        'USER node\nCMD ["node", "server.js"]\n'
    )
    for lockfile in ({}, {"/p/yarn.lock": ""}, {"/p/pnpm-lock.yaml": ""}):
        mapping = {"/p/Dockerfile": dockerfile, "/p/package.json": "{}", "/p/.dockerignore": "node_modules\n"}
        found = codes(mapping | lockfile)
        assert [code for code, _, _ in found if code == "lockfile-not-used"] == [], lockfile


def test_a_global_install_run_through_su_is_the_install_it_runs() -> None:
    # hannal/hkg-puddingcamp and IgnisDa/bookius devcontainers: `su node -c "npm install -g pnpm"`
    dockerfile = (
        "FROM mcr.microsoft.com/devcontainers/javascript-node:20\n"
        'RUN su node -c "npm install -g pnpm"\nRUN su node -c "npm install -g yarn@1.22.22"\n'
        'CMD ["sleep", "infinity"]\n'
    )
    found = codes({"/p/Dockerfile": dockerfile})
    assert [item for item in found if item[0] == "package-manager-floating"] == [
        ("package-manager-floating", "Dockerfile", 2)
    ]


def test_user_switches_run_the_command_they_are_given() -> None:
    assert classify('su node -c "npm install -g pnpm"').kind == "global"
    assert classify("su -s /bin/sh -c 'npm ci' node").frozen
    assert classify("su --command='pnpm install' node").kind == "project"
    assert classify("gosu node npm install -g pnpm").names == ("pnpm",)
    assert classify("su-exec node yarn install --frozen-lockfile").frozen
    assert classify("runuser -u node -- npm ci").kind == "project"
    assert classify("su node") is None  # an interactive shell runs no command


def test_a_tag_of_one_major_line_does_not_float_across_majors() -> None:
    # pnpm publishes `latest-10` and `next-10`: each stays on major 10, as `pnpm@10` does; `latest`
    # and `next` move to the next major when it ships
    for spec, floating in (("pnpm@latest-10", False), ("pnpm@next-9", False), ("pnpm@latest", True)):
        dockerfile = f'FROM node:22\nRUN npm install -g {spec}\nCMD ["node", "index.js"]\n'
        found = [item for item in codes({"/p/Dockerfile": dockerfile}) if item[0] == "package-manager-floating"]
        assert found == ([("package-manager-floating", "Dockerfile", 2)] if floating else []), spec
        corepack = f'FROM node:22\nRUN corepack prepare {spec} --activate\nCMD ["node", "index.js"]\n'
        found = [item for item in codes({"/p/Dockerfile": corepack}) if item[0] == "package-manager-floating"]
        assert found == ([("package-manager-floating", "Dockerfile", 2)] if floating else []), spec
