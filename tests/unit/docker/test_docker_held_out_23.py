"""nmdoctor docker on shapes the twenty-third held-out field batch showed (tests/field/docker, held-out-23)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_PROD = (
    'FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY src/ ./src/\n'
    'CMD ["node", "src/index.js"]\n'
)
_COMPOSE_USER = {
    "/p/Dockerfile.prod": _PROD,
    "/p/docker-compose.yml": (
        "services:\n  prod:\n    build:\n      context: .\n      dockerfile: Dockerfile.prod\n"
        "    user: '${UID:-1000}:${GID:-1000}'\n"
    ),
    "/p/package.json": '{"name": "app", "dependencies": {"express": "^4.21.0"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "node_modules\n",
}


def test_a_dockerfile_of_another_name_that_compose_builds_runs_as_the_services_user() -> None:
    # mp4ify-bot-bun: `docker build .` reads only Dockerfile (or dockerfile); Dockerfile.prod is built by
    # the compose service, which runs it as uid 1000: no root
    assert _findings(_COMPOSE_USER, "runs-as-root") == []


def test_the_default_dockerfile_is_still_judged_as_built_on_its_own() -> None:
    # `docker build .` builds Dockerfile with no user from compose: node runs as root
    mapping = {
        key.replace("Dockerfile.prod", "Dockerfile"): value.replace("Dockerfile.prod", "Dockerfile")
        for key, value in _COMPOSE_USER.items()
    }
    (finding,) = _findings(mapping, "runs-as-root")
    assert finding.from_ == "Dockerfile"
    lowercase = {
        key.replace("/Dockerfile", "/dockerfile"): value.replace("dockerfile: Dockerfile", "dockerfile: dockerfile")
        for key, value in mapping.items()
    }
    assert [item.from_ for item in _findings(lowercase, "runs-as-root")] == ["dockerfile"]


def test_a_dockerfile_of_another_name_no_compose_service_builds_is_judged_on_its_own() -> None:
    mapping = {key: value for key, value in _COMPOSE_USER.items() if key != "/p/docker-compose.yml"}
    (finding,) = _findings(mapping, "runs-as-root")
    assert finding.from_ == "Dockerfile.prod"
