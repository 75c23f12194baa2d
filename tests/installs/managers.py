"""Real installs by the pinned managers in tests/node_tools, from the loopback registry.

Every install gets its own caches and store under its folder and an empty HOME, so nothing the
user configured takes part and nothing outside the folder is written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

TOOLS = Path(__file__).resolve().parents[1] / "node_tools" / "node_modules"
MODES = {
    "npm-hoisted": "npm",
    "npm-nested": "npm",
    "npm-linked": "npm",
    "pnpm-isolated": "pnpm",
    "pnpm-hoisted": "pnpm",
    "pnpm-shamefully-hoist": "pnpm",
    "yarn-classic": "yarn",
    "yarn-berry-nm": "berry",
    "yarn-berry-pnpm": "berry",  # yarn 4's pnpm linker: node_modules/.store, nothing hoisted
}
# Older pnpm majors (pinned in tests/node_tools under aliases): the lockfile formats and store folder
# names they write (pnpm 7: lockfile 5.4; pnpm 8: lockfile 6.0; pnpm 9: lockfile 9.0 with pnpm 9's
# folder hashes).
OLD_PNPM = {"pnpm7-isolated": "pnpm7", "pnpm8-isolated": "pnpm8", "pnpm9-isolated": "pnpm9"}
# Newer pnpm majors, each in a folder of its own beside tests/node_tools (its bin is also `pnpm`):
# they need node 22.13 or later (the pinned node 24 of tests/node_tools/versions) and read install
# settings from pnpm-workspace.yaml only.
# (Absolute paths from tests/node_tools, not through TOOLS, which may be a link to another checkout's.)
NEW_PNPM = {
    "pnpm11-isolated": TOOLS.parent / "pnpm11" / "node_modules" / "pnpm",
    "pnpm12-isolated": TOOLS.parent / "pnpm12" / "node_modules" / "pnpm",
    "pnpm12-hoisted": TOOLS.parent / "pnpm12" / "node_modules" / "pnpm",  # node-linker=hoisted
}


def pnpm_bin(mode: str) -> Path:
    """The script that runs the pnpm of ``mode`` on node: ``bin/pnpm.cjs`` up to pnpm 11; pnpm 12 ships
    only ``bin/pnpm.mjs`` (a wrapper that runs the native binary its install put beside it)."""
    package = TOOLS / {**OLD_PNPM, **NEW_PNPM}.get(mode, "pnpm")
    script = package / "bin" / "pnpm.cjs"
    return script if script.exists() else package / "bin" / "pnpm.mjs"


# pnpm 12 resolves the pnpm that package.json's packageManager pins (to record it in pnpm-lock.yaml's
# first document, packageManagerDependencies) from the registry, and stops where it is not there
# (ERR_PNPM_BAD_CONFIG_DEP): the loopback registry serves this stand-in to tests that pin pnpm 12.
PNPM12_PIN = {"name": "pnpm", "version": "12.26.0"}


def new_pnpm_node() -> str | None:
    """The node binary that runs NEW_PNPM (None where the pinned node 24 is not available)."""
    from tests.differential.nodes import node_binary

    binary = node_binary("24")
    return str(binary) if binary is not None else None


def new_pnpm_ready(mode: str) -> bool:
    """Is the pnpm of this NEW_PNPM mode installed, and the pinned node 24 that runs it? (Looked up
    without installing anything, so that it can choose the parameters of a test.)"""
    from tests.differential.nodes import VERSIONS_DIR

    return (TOOLS / NEW_PNPM[mode]).exists() and (VERSIONS_DIR / "node_modules" / "node24" / "bin" / "node").exists()


class Installs(dict[tuple[str, str], Path]):
    """Installed projects by (project, mode); a test asking for one that was not installed (a NEW_PNPM
    mode whose pnpm or node is missing, see ``new_pnpm_ready``) is skipped."""

    def __missing__(self, key: tuple[str, str]) -> Path:
        pytest.skip(f"{key[1]}: its pnpm (tests/node_tools) or node 24 (tests/node_tools/versions) is not installed")


def tools_available() -> bool:
    return shutil.which("npm") is not None and (TOOLS / "pnpm").exists() and (TOOLS / "yarn").exists()


TIMEOUT = 300  # seconds for one install; the benchmarks' large projects raise it


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:3])} failed in {cwd}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )


def install(
    project: dict[str, Any],
    files: dict[str, str],
    mode: str,
    registry: str,
    dest: Path,
    *,
    cache: Path | None = None,
    yarnrc: dict[str, str] | None = None,
) -> Path:
    """Write the project into ``dest`` and install it with the real manager in ``mode``.

    ``cache`` is the manager's download cache (npm cache, pnpm store); one of its own by default.
    ``yarnrc``: more ``.yarnrc.yml`` settings for yarn berry (``{"nmHoistingLimits": "workspaces"}``);
    the other modes refuse it, so a test cannot believe a setting was applied when it was not."""
    if yarnrc and not mode.startswith("yarn-berry"):
        raise ValueError(f"yarnrc settings apply to yarn berry only, not {mode}")
    dest.mkdir(parents=True)
    (dest / "package.json").write_text(json.dumps(project, indent=2))
    for path, text in files.items():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text)
    return install_in(dest, mode, registry, cache=cache, yarnrc=yarnrc)


def install_in(
    dest: Path,
    mode: str,
    registry: str,
    *,
    cache: Path | None = None,
    yarnrc: dict[str, str] | None = None,
    frozen: bool = False,
) -> Path:
    """Install the project already written in ``dest`` with the real manager in ``mode``.

    ``frozen``: from the lockfile already there, which must not change (``npm ci``,
    ``--frozen-lockfile``, yarn berry's immutable installs)."""
    home = dest.parent / f".home-{dest.name}"
    home.mkdir(exist_ok=True)
    env = {
        key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_", "pnpm_"))
    }
    env.update({"HOME": str(home), "npm_config_registry": registry, "npm_config_update_notifier": "false"})
    cache = cache or dest.parent / f".cache-{dest.name}"
    if mode.startswith("npm"):
        strategy = mode.removeprefix("npm-")
        _run(
            [
                "npm",
                "ci" if frozen else "install",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                f"--install-strategy={strategy}",
                f"--cache={cache}",
                f"--registry={registry}",
            ],
            dest,
            env,
        )
    elif mode.startswith("pnpm"):
        workspaces = json.loads((dest / "package.json").read_text()).get("workspaces")
        if workspaces and not (dest / "pnpm-workspace.yaml").exists():
            # pnpm ignores package.json "workspaces"; the same globs go to pnpm-workspace.yaml, and
            # workspace packages are linked when their version matches, as npm and yarn do.
            globs = "".join(f"  - {json.dumps(glob)}\n" for glob in workspaces)
            (dest / "pnpm-workspace.yaml").write_text(f"packages:\n{globs}linkWorkspacePackages: true\n")
            if mode in OLD_PNPM:  # before pnpm 10, the setting is read from .npmrc only
                (dest / ".npmrc").write_text("link-workspace-packages=true\n")
        extra = {
            "pnpm-hoisted": ["--config.node-linker=hoisted"],
            "pnpm12-hoisted": ["--config.node-linker=hoisted"],
            "pnpm-shamefully-hoist": ["--config.shamefully-hoist=true"],
        }.get(mode, [])
        node = new_pnpm_node() if mode in NEW_PNPM else "node"
        if node is None:
            raise RuntimeError(f"{mode} needs node 24 from tests/node_tools/versions")
        _run(
            [
                node,
                str(pnpm_bin(mode)),
                "install",
                "--ignore-scripts",
                f"--store-dir={cache}",
                f"--registry={registry}",
                "--reporter=silent",
                # Not frozen means free to change the lockfile even where CI=true makes frozen the default.
                "--frozen-lockfile" if frozen else "--no-frozen-lockfile",
                *extra,
            ],
            dest,
            env,
        )
    elif mode == "yarn-classic":
        _run(
            [
                "node",
                str(TOOLS / "yarn" / "bin" / "yarn.js"),
                "install",
                "--ignore-scripts",
                "--ignore-engines",
                "--non-interactive",
                "--no-progress",
                *(["--frozen-lockfile"] if frozen else []),
                f"--cache-folder={cache}",
                f"--registry={registry}",
            ],
            dest,
            env,
        )
    else:
        linker = "pnpm" if mode == "yarn-berry-pnpm" else "node-modules"
        (dest / ".yarnrc.yml").write_text(
            f"nodeLinker: {linker}\nenableGlobalCache: false\nenableTelemetry: false\n"
            f'cacheFolder: {cache}\nnpmRegistryServer: "{registry.rstrip("/")}"\n'
            'unsafeHttpWhitelist:\n  - "127.0.0.1"\n'
            + "".join(f"{key}: {json.dumps(value)}\n" for key, value in (yarnrc or {}).items())
        )
        if not frozen:
            (dest / "yarn.lock").write_text("")
        env["YARN_ENABLE_IMMUTABLE_INSTALLS"] = "true" if frozen else "false"
        _run(["node", str(TOOLS / "@yarnpkg" / "cli-dist" / "bin" / "yarn.js"), "install"], dest, env)
    return dest


def pnpm_import(dest: Path, registry: str, *, cache: Path | None = None, mode: str = "pnpm-isolated") -> Path:
    """Switch the project in ``dest`` to pnpm as its users do: ``pnpm import`` of its npm or yarn
    lockfile, then a frozen ``pnpm install`` (the pinned pnpm of ``mode``, scripts off)."""
    home = dest.parent / f".home-{dest.name}"
    home.mkdir(exist_ok=True)
    env = {
        key: value for key, value in os.environ.items() if not key.lower().startswith(("npm_config", "yarn_", "pnpm_"))
    }
    cache = cache or dest.parent / f".cache-{dest.name}"
    env.update({"HOME": str(home), "npm_config_registry": registry, "npm_config_store_dir": str(cache)})
    node = new_pnpm_node() if mode in NEW_PNPM else "node"
    if node is None:
        raise RuntimeError(f"{mode} needs node 24 from tests/node_tools/versions")
    pnpm = [node, str(pnpm_bin(mode))]
    # pnpm 11 reads the registry from .npmrc, not from npm_config_registry
    npmrc = dest / ".npmrc"
    npmrc.write_text((npmrc.read_text() if npmrc.exists() else "") + f"\nregistry={registry}\n")
    # pnpm 12 ignores npm_config_registry in `pnpm import` but takes both on its command line, which
    # pnpm 11.29.0's `pnpm import` refuses ("Unknown options: 'registry', 'store-dir'")
    flags = [f"--registry={registry}", f"--store-dir={cache}"] if mode.startswith("pnpm12") else []
    _run([*pnpm, "import", *flags], dest, env)
    _run([*pnpm, "install", "--frozen-lockfile", "--ignore-scripts", "--reporter=silent", *flags], dest, env)
    return dest


def listed(document: dict[str, Any]) -> list[tuple[str, str, str, tuple[str, ...], str]]:
    """An ``ls --json`` document's packages as comparable rows: name, version, folder, links, dependents."""
    return sorted(
        (item["name"], item["version"], item["path"], tuple(item["links"]), str(item["dependents"]))
        for item in document["instances"]
    )
