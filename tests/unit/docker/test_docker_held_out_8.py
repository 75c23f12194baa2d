"""nmdoctor docker on shapes the eighth held-out field batch showed (tests/field/docker, held-out-8):
a package's own lockfile brought by a whole-context COPY, `package*.json` patterns that match no
lockfile, Docker Hardened Images' non-root runtime, and a global tool started from `sh -c`."""

from __future__ import annotations

import pytest

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS

PACKAGE = '{"name": "app", "version": "1.0.0"}'


def run(files: dict[str, str], folder: str = "/p") -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, folder))


@pytest.mark.parametrize("lockfile", [True, False])
def test_an_install_in_a_folder_the_whole_context_brought_reads_that_folders_lockfile(lockfile: bool) -> None:
    # automatisch: docker/Dockerfile, built from the repository root, installs in two packages with their own yarn.lock
    files = {
        "docker/Dockerfile": (
            "FROM node:22-alpine\nWORKDIR /automatisch\nCOPY . /automatisch\nRUN cd packages/web && yarn\n"
            'COPY ./docker/entrypoint.sh /entrypoint.sh\nUSER node\nENTRYPOINT ["sh", "/entrypoint.sh"]\n'
        ),
        "docker/entrypoint.sh": "cd packages/web\nyarn start\n",
        ".dockerignore": "**/node_modules/\n",
        "packages/web/package.json": PACKAGE,
    }
    if lockfile:
        files["packages/web/yarn.lock"] = "# yarn lockfile v1\n"
    expected = [] if lockfile else [("lockfile-not-used", "Dockerfile", 4)]
    assert run(files, "/p/docker") == expected


@pytest.mark.parametrize(("lockfile", "flagged"), [(None, True), ("package-lock.json", False)])
def test_a_package_star_json_pattern_brings_a_lockfile_only_if_the_folder_has_one(
    lockfile: str | None, flagged: bool
) -> None:
    # maxun's browser/Dockerfile: `COPY browser/package*.json ./` where browser/ holds package.json alone
    files = {
        "browser/Dockerfile": (
            "FROM node:22-slim\nWORKDIR /app\nCOPY browser/package*.json ./\nRUN npm install\n"
            'COPY browser/server.js ./\nUSER node\nCMD ["node", "server.js"]\n'
        ),
        "browser/package.json": PACKAGE,
        "browser/server.js": "",
    }
    if lockfile:
        files[f"browser/{lockfile}"] = "{}"
    assert (("lockfile-not-used", "Dockerfile", 4) in run(files, "/p/browser")) is flagged


def test_a_package_star_json_pattern_over_a_folder_the_context_does_not_show_still_counts() -> None:
    files = {"Dockerfile": "FROM node:22\nWORKDIR /app\nCOPY out/package*.json ./\nRUN npm install\nUSER node\n"}
    assert ("lockfile-not-used", "Dockerfile", 4) not in run(files)


@pytest.mark.parametrize(("base", "root"), [("dhi.io/node:24-debian12", False), ("dhi.io/node:24-debian12-dev", True)])
def test_docker_hardened_node_runtime_images_run_unprivileged(base: str, root: bool) -> None:
    # growthbook ships FROM dhi.io/node:24-debian12 with no USER: the runtime variant runs as a non-root user
    files = {
        "Dockerfile": f"FROM node:24-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\nFROM {base}\nWORKDIR /app\n"
        'COPY --from=build /app .\nCMD ["/usr/local/bin/node", "server.js"]\n',
        ".dockerignore": "node_modules\n",
        "package.json": PACKAGE,
        "package-lock.json": "{}",
    }
    assert (("runs-as-root", "Dockerfile", 5) in run(files)) is root


def test_a_global_tool_started_inside_sh_c_runs_node() -> None:
    # maxun's frontend image: `npm install -g serve`, then CMD ["sh", "-c", "...; exec serve -s build"]
    files = {
        "Dockerfile": (
            "FROM node:22-alpine\nWORKDIR /app\nRUN npm install -g serve\nCOPY build ./build\n"
            'CMD ["sh", "-c", "sed -i s/x/y/ build/index.html; exec serve -s build -l 5173"]\n'
        ),
    }
    assert ("runs-as-root", "Dockerfile", 1) in run(files)
