"""nmdoctor docker on shapes the twenty-sixth held-out field batch showed (tests/field/docker, held-out-26)."""

from __future__ import annotations

from nmdoctor.diagnostics.model import Finding
from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def _findings(mapping: dict[str, str], code: str, compose: list[str] | None = None) -> list[Finding]:
    fs = MemoryFS.from_mapping(mapping)
    return [item for item in docker_findings(fs, "/p", compose) if item.code == code]


_RENAMED_ENTRYPOINT = {
    "/p/Dockerfile": (
        "FROM node:lts-alpine\nWORKDIR /srv/app\nCOPY . /srv/app\nCOPY docker-entrypoint.sh /entrypoint.sh\n"
        'RUN chmod a+x /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n'
    ),
    "/p/docker-entrypoint.sh": '#!/bin/sh\nnpm install\nnpm run dev\nexec "$@"\n',
    "/p/package.json": '{"name": "app", "dependencies": {"nuxt": "^2.15.0"}}',
    "/p/package-lock.json": "{}",
    "/p/.dockerignore": "node_modules\n",
}


def test_an_entrypoint_copied_under_another_name_is_read() -> None:
    """`COPY docker-entrypoint.sh /entrypoint.sh` writes the file's contents at /entrypoint.sh (Dockerfile
    reference, COPY: with one source file and a destination without a trailing slash, the destination is
    the file written), so ENTRYPOINT ["/entrypoint.sh"] runs docker-entrypoint.sh: its npm install runs at
    every start."""
    (finding,) = _findings(_RENAMED_ENTRYPOINT, "install-at-start")
    assert finding.from_ == "docker-entrypoint.sh"


def test_a_copy_into_a_folder_still_needs_the_same_name() -> None:
    """`COPY start.sh /usr/local/bin/` keeps the name: ENTRYPOINT ["/usr/local/bin/entrypoint.sh"] is not it."""
    mapping = {
        **_RENAMED_ENTRYPOINT,
        "/p/Dockerfile": (
            "FROM node:lts-alpine\nWORKDIR /srv/app\nCOPY docker-entrypoint.sh /usr/local/bin/\n"
            'ENTRYPOINT ["/usr/local/bin/start.sh"]\n'
        ),
    }
    assert _findings(mapping, "install-at-start") == []


_PREPARE_LATEST = {
    "/p/Dockerfile": (
        "FROM node:18-alpine\nCOPY ./ ./app\nWORKDIR /app\n"
        "RUN corepack enable && corepack prepare pnpm@latest --activate\n"
        'RUN pnpm install\nCMD ["pnpm", "dev"]\n'
    ),
    "/p/package.json": '{"name": "app", "packageManager": "pnpm@10.9.0", "dependencies": {"hono": "^4.7.9"}}',
    "/p/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
    "/p/.dockerignore": "node_modules\n",
}


def test_prepare_latest_is_not_floating_where_the_install_runs_under_a_package_manager_pin() -> None:
    """`corepack prepare pnpm@latest --activate` only sets the release corepack runs outside a project
    that names one; in /app, whose package.json says "packageManager": "pnpm@10.9.0", corepack runs
    10.9.0 (corepack README: it uses the closest package.json's packageManager field). Checked with
    corepack 0.34.6 (node 20.20): after `corepack prepare pnpm@latest --activate`, `pnpm --version` printed
    9.15.0 in a folder whose package.json pins pnpm@9.15.0 and 12.26.0 (the registry's latest) outside it."""
    assert _findings(_PREPARE_LATEST, "package-manager-floating") == []


def test_prepare_latest_still_floats_without_a_package_manager_pin() -> None:
    mapping = {**_PREPARE_LATEST, "/p/package.json": '{"name": "app", "dependencies": {"hono": "^4.7.9"}}'}
    (finding,) = _findings(mapping, "package-manager-floating")
    assert "pnpm@latest" in finding.message


def test_prepare_latest_still_floats_where_the_pin_names_another_manager() -> None:
    mapping = {**_PREPARE_LATEST, "/p/package.json": '{"name": "app", "packageManager": "yarn@4.5.0"}'}
    assert len(_findings(mapping, "package-manager-floating")) == 1


def test_a_copy_into_a_folder_named_like_the_script_is_not_a_rename() -> None:
    """`COPY docker-entrypoint.sh /entrypoint.sh/` (trailing slash) writes /entrypoint.sh/docker-entrypoint.sh
    (Dockerfile reference, COPY: a destination ending with / is a directory), so /entrypoint.sh is no script."""
    mapping = {
        **_RENAMED_ENTRYPOINT,
        "/p/Dockerfile": (
            "FROM node:lts-alpine\nWORKDIR /srv/app\nCOPY docker-entrypoint.sh /entrypoint.sh/\n"
            'ENTRYPOINT ["/entrypoint.sh"]\n'
        ),
    }
    assert _findings(mapping, "install-at-start") == []


_EMPTY_OR_MISSING = {
    "/p/Dockerfile": (
        "FROM node:22-alpine\nWORKDIR /app\nRUN corepack enable\n"
        "COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh\n"
        'ENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["pnpm", "dev"]\n'
    ),
    "/p/docker-entrypoint.sh": (
        "#!/bin/sh\nset -eu\n"
        'if [ ! -d /app/node_modules ] || [ -z "$(ls -A /app/node_modules 2>/dev/null)" ]; then\n'
        "  pnpm install --no-frozen-lockfile\nfi\n"
        'exec "$@"\n'
    ),
    "/p/docker-compose.yml": (
        "services:\n  web:\n    build: .\n    volumes:\n      - .:/app\n      - web_node_modules:/app/node_modules\n"
        "volumes:\n  web_node_modules:\n"
    ),
    "/p/package.json": '{"name": "web", "dependencies": {"vite": "^6.0.0"}}',
    "/p/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
}


def test_an_emptiness_test_beside_the_folder_test_lets_the_restore_run_on_a_fresh_volume() -> None:
    """`[ ! -d /app/node_modules ] || [ -z "$(ls -A /app/node_modules)" ]` is true on a fresh named volume:
    the mount point exists, but `ls -A` of an empty folder prints nothing, so `-z` holds (POSIX test, sh's
    `||` runs the second test when the first fails) and pnpm installs. No error; the guard is still one
    that records nothing about which dependencies it installed."""
    assert [
        item for item in _findings(_EMPTY_OR_MISSING, "volume-shadows-node-modules") if item.severity.value == "error"
    ] == []
    (marker,) = _findings(_EMPTY_OR_MISSING, "init-marker-version-blind")
    assert marker.from_ == "docker-entrypoint.sh"


def test_a_folder_test_alone_on_the_volume_still_never_restores() -> None:
    mapping = {
        **_EMPTY_OR_MISSING,
        "/p/docker-entrypoint.sh": (
            '#!/bin/sh\nif [ ! -d /app/node_modules ]; then\n  pnpm install --no-frozen-lockfile\nfi\nexec "$@"\n'
        ),
    }
    (finding,) = _findings(mapping, "volume-shadows-node-modules")
    assert finding.severity.value == "error"


def test_corepack_enable_with_a_start_time_pnpm_install_and_no_package_manager_floats() -> None:
    """The image runs `corepack enable` and installs nothing; the entrypoint's `pnpm install` runs in the
    bound project, whose package.json names no packageManager, so corepack runs its default release.
    Checked with corepack 0.34.6 (node 20.20): `pnpm --version` through `corepack enable`'s shim in a
    folder whose package.json has no packageManager printed 12.26.0, the registry's newest."""
    (finding,) = _findings(_EMPTY_OR_MISSING, "package-manager-floating")
    assert (finding.from_, finding.line) == ("Dockerfile", 3)
    assert "corepack enable" in finding.message


def test_a_package_manager_in_the_bound_project_pins_the_start_time_pnpm() -> None:
    mapping = {**_EMPTY_OR_MISSING, "/p/package.json": '{"name": "web", "packageManager": "pnpm@9.15.0"}'}
    assert _findings(mapping, "package-manager-floating") == []


def test_a_pnpm_pinned_in_the_image_is_not_corepacks_default() -> None:
    mapping = {
        **_EMPTY_OR_MISSING,
        "/p/Dockerfile": _EMPTY_OR_MISSING["/p/Dockerfile"].replace(
            "RUN corepack enable\n", "RUN corepack enable && corepack prepare pnpm@8.15.9 --activate\n"
        ),
    }
    assert _findings(mapping, "package-manager-floating") == []
