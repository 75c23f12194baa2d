"""nmdoctor docker on shapes the fifth held-out field batch showed (tests/field/docker, held-out-5):
Yarn Plug'n'Play contexts, a package's Dockerfile built from the monorepo root, heredoc RUNs,
package-manager install scripts piped to a shell, and compose services that run a node image as is."""

from __future__ import annotations

import pytest

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS

IGNORE = "node_modules\n"
PACKAGE = '{"name": "app", "version": "1.0.0"}'
WORKSPACE = '{"name": "root", "private": true, "workspaces": ["packages/*"]}'


def run(
    files: dict[str, str], compose: list[str] | None = None, folder: str = "/p"
) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, folder, compose))


BERRY_IMAGE = (
    "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN corepack enable\nRUN yarn install --immutable\nUSER node\n"
    "CMD node index.js\n"
)


@pytest.mark.parametrize(
    ("yarnrc", "found"),
    [
        # checked with yarn 4.18.1: no nodeLinker installs with PnP, no node_modules in the root or workspaces
        ("enableGlobalCache: false\n", []),
        ("nodeLinker: pnp\n", []),
        ("nodeLinker: node-modules\n", [("node-modules-not-dockerignored", "Dockerfile", None)]),
    ],
)
def test_plug_n_play_leaves_no_node_modules_to_ignore(yarnrc: str, found: list) -> None:
    files = {
        "Dockerfile": BERRY_IMAGE,
        ".dockerignore": ".git\n",
        ".yarnrc.yml": yarnrc,
        "package.json": WORKSPACE,
        "yarn.lock": "__metadata:\n  version: 8\n",
        "packages/a/package.json": '{"name": "a"}',
    }
    assert run(files) == found


def test_a_yarnrc_yml_beside_a_yarn_1_project_is_not_plug_n_play() -> None:
    files = {
        "Dockerfile": BERRY_IMAGE.replace("--immutable", "--frozen-lockfile"),
        ".yarnrc.yml": "enableGlobalCache: false\n",
        "package.json": '{"name": "app", "packageManager": "yarn@1.22.22"}',
        "yarn.lock": "# yarn lockfile v1\n",
    }
    assert ("node-modules-not-dockerignored", "Dockerfile", None) in run(files)


def test_a_package_dockerfile_whose_workdir_is_its_path_in_the_copied_context_is_built_from_the_root() -> None:
    # COPY ./ /workspace then WORKDIR /workspace/packages/auth: the context is the monorepo root, with
    # its .dockerignore and lockfile, not packages/auth
    dockerfile = (
        "FROM node:20\nRUN corepack enable\nCOPY ./ /workspace\nWORKDIR /workspace\nRUN npm install\n"
        "WORKDIR /workspace/packages/auth\nUSER node\nCMD node index.js\n"
    )
    files = {
        "packages/auth/Dockerfile": dockerfile,
        "packages/auth/package.json": '{"name": "auth"}',
        ".dockerignore": "node_modules\n**/node_modules\n",
        "package.json": WORKSPACE,
        "package-lock.json": "{}",
    }
    assert run(files, folder="/p/packages/auth") == []
    del files[".dockerignore"]
    assert run(files, folder="/p/packages/auth") == [("node-modules-not-dockerignored", "Dockerfile", None)]


def test_a_heredoc_run_is_one_script_at_its_run_line() -> None:
    dockerfile = (
        "# syntax = docker/dockerfile:1\nFROM node:20\nWORKDIR /app\nCOPY package.json pnpm-lock.yaml ./\n"
        "RUN <<EOF\n    set -xe\n    npm install -g pnpm\nEOF\nRUN pnpm install --frozen-lockfile\nCOPY . .\n"
        "USER node\nCMD node index.js\n"
    )
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE, "pnpm-lock.yaml": ""}
    assert run(files) == [("package-manager-floating", "Dockerfile", 5)]


def test_a_heredoc_body_is_not_read_as_instructions() -> None:
    # a config file's `user nginx;` and a python script's `from os import path` are file content,
    # not a USER or a new stage
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
        "COPY <<EOF /etc/nginx/nginx.conf\nuser nginx;\nEOF\n"
        "RUN python3 <<PY\nfrom os import path\nprint(path)\nPY\n"
        "RUN cat <<'RC' > .npmrc\nuser=someone\nRC\n"
        "CMD node index.js\n"
    )
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE, "package-lock.json": "{}"}
    assert run(files) == [("runs-as-root", "Dockerfile", 1)]


@pytest.mark.parametrize(
    ("installer", "floating"),
    [
        ("curl -fsSL https://bun.sh/install | bash", True),
        ('curl -fsSL https://bun.sh/install | bash -s "bun-v1.2.19"', False),
        ("curl -fsSL https://get.pnpm.io/install.sh | sh -", True),
        ("curl -fsSL https://get.pnpm.io/install.sh | env PNPM_VERSION=10.14.0 sh -", False),
        ("wget -qO- https://get.pnpm.io/install.sh | ENV=/root/.bashrc SHELL=/bin/bash bash -", True),
        ("curl -o- -L https://yarnpkg.com/install.sh | bash", True),
        ("curl -o- -L https://yarnpkg.com/install.sh | bash -s -- --version 1.22.22", False),
        ("curl -fsSL https://example.com/install.sh | bash", False),
    ],
)
def test_a_package_managers_install_script_piped_to_a_shell(installer: str, floating: bool) -> None:
    dockerfile = (
        f"FROM node:20\nWORKDIR /app\nRUN apt-get update && \\\n    {installer}\nCOPY . .\nRUN npm ci\nUSER node\n"
        "CMD node index.js\n"
    )
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE, "package-lock.json": "{}"}
    assert run(files) == ([("package-manager-floating", "Dockerfile", 3)] if floating else [])


def test_pnpm_version_set_by_env_pins_the_install_script() -> None:
    dockerfile = (
        "FROM node:20\nENV PNPM_VERSION=10.14.0\nWORKDIR /app\nRUN curl -fsSL https://get.pnpm.io/install.sh | sh -\n"
        "COPY . .\nRUN pnpm install --frozen-lockfile\nUSER node\nCMD node index.js\n"
    )
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE, "pnpm-lock.yaml": ""}
    assert run(files) == []


PLAIN = (
    "services:\n  web:\n    image: {image}\n    working_dir: /home/node/app\n    volumes:\n"
    "      - .:/home/node/app\n      - node_modules:/home/node/app/node_modules\n"
    '    command: sh -c "{command}"\nvolumes:\n  node_modules:\n'
)


@pytest.mark.parametrize(
    ("image", "command", "found"),
    [
        (
            "node:20-alpine",
            "corepack enable && corepack prepare pnpm@latest --activate && pnpm install && pnpm dev",
            [
                ("install-at-start", "docker-compose.yml", 2),
                ("package-manager-floating", "docker-compose.yml", 2),
            ],
        ),
        (
            "node:20-alpine",
            "corepack enable && corepack prepare pnpm@9.0.0 --activate && pnpm install && pnpm dev",
            [("install-at-start", "docker-compose.yml", 2)],
        ),
        ("node:20-alpine", "yarn dev", []),
        ("docker.io/library/node:22", "npm ci && npm start", [("install-at-start", "docker-compose.yml", 2)]),
        ("python:3.12", "npm ci && npm start", []),  # not a node image: not what this command reads
    ],
)
def test_a_service_running_a_node_image_as_is(image: str, command: str, found: list) -> None:
    files = {"docker-compose.yml": PLAIN.format(image=image, command=command), "package.json": PACKAGE}
    assert run(files) == found


def test_a_package_manager_installed_unpinned_by_an_entrypoint_at_every_start() -> None:
    dockerfile = (
        'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER node\nENTRYPOINT ["/app/entrypoint.sh"]\n'
        'CMD ["node", "index.js"]\n'
    )
    entrypoint = '#!/bin/sh\nset -e\nnpm i -g pnpm\nexec "$@"\n'
    files = {
        "Dockerfile": dockerfile,
        "entrypoint.sh": entrypoint,
        ".dockerignore": IGNORE,
        "package.json": PACKAGE,
        "package-lock.json": "{}",
    }
    assert run(files) == [("package-manager-floating", "entrypoint.sh", 3)]


def test_a_one_shot_installer_service_does_not_install_at_start() -> None:
    compose = PLAIN.format(image="node:20", command="corepack enable && pnpm install --frozen-lockfile")
    assert run({"docker-compose.yml": compose, "package.json": PACKAGE}) == []


def test_the_fixes_for_a_plain_node_service_fit_a_service_without_a_dockerfile() -> None:
    compose = PLAIN.format(image="node:20", command="corepack prepare pnpm@latest --activate && pnpm i && pnpm dev")
    fs = MemoryFS.from_mapping({"/p/docker-compose.yml": compose, "/p/package.json": PACKAGE})
    fixes = {item.code: item.fix or "" for item in docker_findings(fs, "/p")}
    assert (
        "anonymous volume over /home/node/app/node_modules (`- /home/node/app/node_modules`)"
        in fixes["install-at-start"]
    )
    assert fixes["package-manager-floating"].startswith("pin it: `corepack prepare pnpm@<x.y.z> --activate`")


def test_a_compose_command_keeps_the_images_entrypoint_that_drops_privileges() -> None:
    # `command:` replaces CMD only: the image's ENTRYPOINT still runs and execs the app as node
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCOPY entrypoint.sh /\n"
        'ENTRYPOINT ["/bin/sh", "/entrypoint.sh"]\nCMD ["node", "app.js"]\n'
    )
    entrypoint = '#!/bin/sh\nchown node /app/cache\nexec runuser -u node -- "$@"\n'
    compose = 'services:\n  app:\n    build: .\n    user: root\n    command: ["node", "--watch", "app.js"]\n'
    files = {
        "Dockerfile": dockerfile,
        "entrypoint.sh": entrypoint,
        "docker-compose.yml": compose,
        ".dockerignore": IGNORE,
        "package.json": PACKAGE,
        "package-lock.json": "{}",
    }
    assert run(files) == []
    overridden = compose.replace("    command:", '    entrypoint: ["node"]\n    command:').replace(
        '"node", "--watch"', '"--watch"'
    )
    assert run({**files, "docker-compose.yml": overridden}) == [("runs-as-root", "Dockerfile", 1)]


@pytest.mark.parametrize(
    ("ignore", "reason"),
    [
        (None, "there is no .dockerignore"),
        ("node_modules\n", ".dockerignore does not exclude services/chat/node_modules"),
        ("node_modules\n**/node_modules\n", None),
    ],
)
def test_a_copied_package_folder_brings_its_node_modules(ignore: str | None, reason: str | None) -> None:
    # COPY services/chat/ after the install: the host's services/chat/node_modules (yarn's
    # node-modules linker leaves a workspace's unhoisted packages there) comes in over the image's
    dockerfile = (
        "FROM node:20\nWORKDIR /w\nCOPY package.json yarn.lock .yarnrc.yml ./\n"
        "COPY services/chat/package.json services/chat/\nRUN corepack enable && yarn workspaces focus chat\n"
        "COPY services/chat/ services/chat/\nCOPY config/ config/\nWORKDIR /w/services/chat\nUSER node\n"
        "CMD node app.js\n"
    )
    files = {
        "Dockerfile": dockerfile,
        "package.json": '{"name": "root", "private": true, "workspaces": ["services/*"]}',
        "yarn.lock": "__metadata:\n  version: 8\n",
        ".yarnrc.yml": "nodeLinker: node-modules\n",
        "services/chat/package.json": '{"name": "chat", "dependencies": {"express": "^4.21.0"}}',
        "config/settings.js": "",
    }
    if ignore is not None:
        files[".dockerignore"] = ignore
    fs = MemoryFS.from_mapping({f"/p/{name}": text for name, text in files.items()})
    found = [item for item in docker_findings(fs, "/p") if item.code == "node-modules-not-dockerignored"]
    if reason is None:
        assert found == []
    else:
        assert [item.message.split(": the host")[0] for item in found] == [
            f"Dockerfile copies the package folder services/chat/ and {reason}"
        ]


@pytest.mark.parametrize(
    ("lockfile", "yarnrc"),
    [
        ("# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n", "x: 1\n"),
        ("__metadata:\n  version: 8\n", "yarnPath: .yarn/releases/yarn-1.22.19.cjs\n"),
    ],
)
def test_yarn_1_beside_a_yarnrc_yml_is_not_plug_n_play(lockfile: str, yarnrc: str) -> None:
    files = {
        "Dockerfile": BERRY_IMAGE,
        ".dockerignore": ".git\n",
        ".yarnrc.yml": yarnrc,
        "package.json": PACKAGE,
        "yarn.lock": lockfile,
    }
    assert ("node-modules-not-dockerignored", "Dockerfile", None) in run(files)


def test_a_heredoc_that_feeds_a_file_keeps_the_runs_own_command() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /app\nCOPY package.json ./\n"
        "RUN cat <<EOF > .npmrc && npm install\nregistry=https://registry.npmjs.org/\nEOF\n"
        "COPY . .\nUSER node\nCMD node index.js\n"
    )
    files = {"Dockerfile": dockerfile, ".dockerignore": IGNORE, "package.json": PACKAGE}
    assert run(files) == [("lockfile-not-used", "Dockerfile", 4)]


def test_a_copied_folder_of_packages_brings_each_ones_node_modules() -> None:
    dockerfile = (
        "FROM node:20\nWORKDIR /w\nCOPY package.json package-lock.json ./\nCOPY packages/ packages/\n"
        "RUN npm ci\nUSER node\nCMD node packages/api/index.js\n"
    )
    files = {
        "Dockerfile": dockerfile,
        ".dockerignore": "node_modules\n",
        "package.json": '{"name": "root", "private": true, "workspaces": ["packages/*"]}',
        "package-lock.json": "{}",
        "packages/api/package.json": '{"name": "api", "dependencies": {"express": "^4.21.0"}}',
        "packages/README.md": "",
    }
    assert run(files) == [("node-modules-not-dockerignored", "Dockerfile", None)]
    assert run({**files, ".dockerignore": "**/node_modules\n"}) == []


def test_a_copied_package_folder_that_declares_no_dependency_holds_no_node_modules() -> None:
    # grist-core copies sandbox/pyodide, whose package.json is {"type": "commonjs"}: no install there
    # puts a package in a node_modules (npm 11.19 creates none; yarn 1.22 an empty one holding only
    # .yarn-integrity, which shadows nothing).
    dockerfile = (
        "FROM node:20\nWORKDIR /w\nCOPY package.json package-lock.json ./\nRUN npm ci\n"
        "COPY sandbox/pyodide sandbox/pyodide\nUSER node\nCMD node index.js\n"
    )
    files = {
        "Dockerfile": dockerfile,
        ".dockerignore": "node_modules\n",
        "package.json": PACKAGE,
        "package-lock.json": "{}",
        "sandbox/pyodide/package.json": '{"type": "commonjs"}',
    }
    assert run(files) == []
    files["sandbox/pyodide/package.json"] = '{"type": "commonjs", "dependencies": {"pyodide": "0.26.0"}}'
    assert run(files) == [("node-modules-not-dockerignored", "Dockerfile", None)]
