"""nmdoctor docker on shapes the tenth held-out field batch showed (tests/field/docker, held-out-10):
Bun images, whose unprivileged user is `bun`, not `node`: the runs-as-root fix names a user the base
image has."""

from __future__ import annotations

import pytest

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def fix_of(dockerfile: str) -> str:
    fs = MemoryFS.from_mapping({"/p/Dockerfile": dockerfile, "/p/package.json": "{}", "/p/bun.lockb": ""})
    (finding,) = [item for item in docker_findings(fs, "/p") if item.code == "runs-as-root"]
    return finding.fix or ""


@pytest.mark.parametrize(
    ("base", "user"),
    [
        ("node:22-alpine", "`USER node`"),
        ("oven/bun:1.2.13", "`USER bun`"),
        ("docker.io/library/alpine:3.22", "`RUN adduser -D app`"),
        ("louislam/dockge:base", "an unprivileged user the base image has"),
    ],
)
def test_the_runs_as_root_fix_names_a_user_the_base_image_has(base: str, user: str) -> None:
    assert user in fix_of(f'FROM {base}\nWORKDIR /app\nCOPY package.json bun.lockb ./\nCMD ["bun", "index.ts"]\n')


def test_a_byte_order_mark_before_the_first_from_is_skipped() -> None:
    # nitroso.helium's infra/Dockerfile starts with U+FEFF, which Docker ignores
    assert "`USER bun`" in fix_of('\ufeffFROM oven/bun:1.2.13 AS builder\nFROM oven/bun:1.2.13\nCMD ["bun", "x.js"]\n')


def test_the_lockfile_fix_for_a_bun_install_stays_with_bun() -> None:
    # phpmac/fetch_mcp: `bun i` with no lockfile in the repository; oven/bun images ship no npm
    fs = MemoryFS.from_mapping(
        {
            "/p/Dockerfile": 'FROM oven/bun\nWORKDIR /app\nCOPY . .\nRUN bun i\nCMD ["bun", "start"]\n',
            "/p/package.json": "{}",
        }
    )
    (finding,) = [item for item in docker_findings(fs, "/p") if item.code == "lockfile-not-used"]
    assert "bun install --frozen-lockfile" in (finding.fix or "") and "npm ci" not in (finding.fix or "")
