"""nmdoctor docker on shapes the twenty-second held-out field batch showed (tests/field/docker, held-out-22)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_PUPPETEER = {
    "/p/Dockerfile": (
        "FROM ghcr.io/puppeteer/puppeteer:23.0.2\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\n"
        'CMD ["node", "./bin/www"]\n'
    ),
    "/p/package.json": '{"name": "app", "dependencies": {"puppeteer": "^23.0.2"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "node_modules\n",
}


def test_the_puppeteer_image_runs_as_its_own_unprivileged_user() -> None:
    # puppeteer-testd: puppeteer's docker/Dockerfile ends with `USER $PPTRUSER_UID` (pptruser, uid 10042);
    # a Dockerfile FROM it that sets no USER runs node as pptruser
    assert _findings(_PUPPETEER, "runs-as-root") == []
    for tag in ("latest", "19.7.2", "23.0.2@sha256:" + "a" * 64):
        dockerfile = _PUPPETEER["/p/Dockerfile"].replace("23.0.2", tag, 1)
        assert _findings(_PUPPETEER | {"/p/Dockerfile": dockerfile}, "runs-as-root") == [], tag


def test_root_over_the_puppeteer_image_names_its_user_in_the_fix() -> None:
    # nsoft-puppeteer: `USER root` over the puppeteer image runs node as root; the fix names pptruser
    dockerfile = _PUPPETEER["/p/Dockerfile"].replace("WORKDIR /app", "USER root\nWORKDIR /app")
    (finding,) = _findings(_PUPPETEER | {"/p/Dockerfile": dockerfile}, "runs-as-root")
    assert "`USER pptruser`" in (finding.fix or "")


def test_the_playwright_image_runs_as_root_and_the_fix_names_pwuser() -> None:
    # senior-qa-playwright: Playwright's images run as root and carry the user pwuser (microsoft/playwright#4084)
    dockerfile = (
        "FROM mcr.microsoft.com/playwright:v1.58.2-jammy\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n"
        'COPY . .\nCMD ["npx", "playwright", "test"]\n'
    )
    (finding,) = _findings(_PUPPETEER | {"/p/Dockerfile": dockerfile}, "runs-as-root")
    assert "`USER pwuser`" in (finding.fix or "")
