"""``corepack enable`` with no ``packageManager`` to read: the newest pnpm at every build.

Corepack runs the release a project's package.json names in ``packageManager``. With none (and no
release activated before), corepack 0.34.6 asks the registry for the newest stable release
(``Engine.getDefaultVersion``, unless ``COREPACK_DEFAULT_TO_LATEST=0``): in a fresh image, `pnpm
install` after `corepack enable` ran pnpm 12.26.0 here, the registry's `latest`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.dockerfile import Install, Stage
from nmdoctor.docker.project import read_text
from nmdoctor.vfs.base import FileSystem
from nmdoctor.vfs.limits import load_json

__all__ = ["corepack_defaults", "default_pnpm_enable", "prepared_default_unused"]


# pnpm subcommands that install from (or update) the lockfile besides `pnpm install` and `pnpm add`
_LOCKFILE_COMMANDS = frozenset({"fetch", "deploy", "update", "up", "upgrade"})


def _reads_lockfile(install: Install) -> bool:
    """Does this pnpm command install from the lockfile (`pnpm install`, `pnpm add`, `pnpm fetch`, `pnpm
    deploy`, `pnpm update`)? A script run (`pnpm build`, `pnpm run build`, `pnpm exec`) installs nothing:
    the newest pnpm corepack takes for it reads no lockfile."""
    command = install.command
    if command.kind in ("project", "add"):
        return True
    words = [word for word in command.text.split()[1:] if not word.startswith("-")]
    return any(word in _LOCKFILE_COMMANDS for word in words[:2])


def _ordered(stage: Stage) -> list[tuple[Stage, Install]]:
    """The commands of ``stage`` and of the stages it is built on, in build order."""
    return [(item, install) for item in reversed(stage.chain()) for install in item.installs]


def _enables_pnpm(install: Install) -> bool:
    command = install.command
    return (
        command.manager == "corepack"
        and command.names[:1] == ("enable",)
        and (len([name for name in command.names[1:] if not name.startswith("-")]) == 0 or "pnpm" in command.names[1:])
    )


def _pins_pnpm(install: Install) -> bool:
    """`corepack prepare pnpm@9.15.0 --activate`, `corepack install -g pnpm@9`, `corepack use pnpm@9`, or
    pnpm installed by npm: the pnpm that runs is not corepack's default."""
    command = install.command
    if command.manager == "corepack" and command.names[:1] in (("prepare",), ("install",), ("use",)):
        return any(name.startswith("pnpm@") for name in command.names[1:])
    return command.kind == "global" and any(name == "pnpm" or name.startswith("pnpm@") for name in command.names)


def _manifests(stage: Stage, folder: str) -> list[str]:
    """The context's package.json files in ``folder`` and the folders above it: corepack reads
    ``packageManager`` from the first of them that names one, walking up to /."""
    found: list[str] = []
    below = folder.rstrip("/") or "/"
    while True:
        manifest = next((item.manifests[below] for item in stage.chain() if below in item.manifests), None)
        if manifest is not None:
            found.append(manifest)
        if below == "/":
            return found
        below = below.rsplit("/", 1)[0] or "/"


def _no_manifest_above(fs: FileSystem, context: str, stage: Stage, install: Install) -> bool:
    """Is it certain that no package.json lies in the install's folder or above it (corepack then falls
    back to its default release, as for a package.json without ``packageManager``)? Only in a stage
    chain on node's official image, into whose folders on that path nothing but named files other than
    package.json was copied before it, and no RUN up to it names one (`npm init`, an echo to package.json,
    a bind mount of package.json)."""
    if not stage.node_base:
        return False
    path = install.workdir.rstrip("/") or "/"
    above = {path}
    while path != "/":
        path = path.rsplit("/", 1)[0] or "/"
        above.add(path)
    for item in stage.chain():
        if any(
            line <= install.line or item is not stage
            for text, line in item.runs
            if "package.json" in text or re.search(r"\binit\b", text)
        ):
            return False
        for copy in item.copies:
            if item is stage and copy.line > install.line:
                continue
            if copy.destination.rstrip("/") not in above and copy.destination != "/":
                continue  # lands below the path (a workspace folder) or beside it as a named file
            if copy.from_stage is not None or any(not _plain_file(fs, context, source) for source in copy.sources):
                return False
    return True


def _plain_file(fs: FileSystem, context: str, source: str) -> bool:
    """A file of the context by name, not a folder, a pattern or a package.json."""
    name = posixpath.basename(source.rstrip("/"))
    if name == "package.json" or any(char in source for char in "*?[") or source.startswith(("http://", "https://")):
        return False
    return read_text(fs, posixpath.normpath(f"{context}/{source}")) is not None


def _package_manager(fs: FileSystem, context: str, manifest: str) -> tuple[bool, str | None]:
    """Whether the context's package.json at ``manifest`` could be read as JSON, and the
    ``packageManager`` it names (None for none)."""
    text = read_text(fs, f"{context}/{manifest}")
    if text is None:
        return False, None
    try:
        data = load_json(text)
    except ValueError:
        return False, None  # not JSON: what corepack would make of it is not known here
    value = data.get("packageManager") if isinstance(data, dict) else None
    return True, value if isinstance(value, str) else None


def _names_pnpm(fs: FileSystem, context: str, manifest: str) -> bool | None:
    """Does the package.json name a `packageManager`? None when it cannot be read."""
    readable, value = _package_manager(fs, context, manifest)
    return value is not None if readable else None


def corepack_defaults(fs: FileSystem, stages: list[Stage], context: str, where: str) -> Iterator[Finding]:
    """package-manager-floating at a `corepack enable` whose first pnpm install (not a script run) reads a
    package.json with no ``packageManager``."""
    reported: set[int] = set()
    for stage in stages:
        if any(item.env.get("COREPACK_DEFAULT_TO_LATEST") == "0" for item in stage.chain()):
            continue
        enabled: Install | None = None
        for item, install in _ordered(stage):
            if _enables_pnpm(install):
                enabled = enabled or install
            elif _pins_pnpm(install):
                break
            elif enabled is not None and install.command.manager == "pnpm" and _reads_lockfile(install):
                manifests = _manifests(item, install.workdir)
                manifest = manifests[0] if manifests else None
                unpinned = bool(manifests) and all(_names_pnpm(fs, context, path) is False for path in manifests)
                if (
                    not manifests
                    and install.command.kind == "project"
                    and _no_manifest_above(fs, context, item, install)
                ):
                    unpinned, manifest = True, f"no package.json at {install.workdir} or above"
                if unpinned and enabled.line not in reported:
                    reported.add(enabled.line)
                    yield Finding(
                        "package-manager-floating",
                        Severity.WARNING,
                        f"`{enabled.command.text}` in {where}, and "
                        + (manifest if manifest.startswith("no ") else f"{manifest} names no `packageManager`")
                        + ": "
                        f"corepack fetches the newest pnpm release for `{install.command.text}` (line "
                        f"{install.line}), so the pnpm that reads the lockfile can change major between builds",
                        None,
                        from_=where,
                        line=enabled.line,
                        column=1,
                        fix='set `"packageManager": "pnpm@<x.y.z>"` in package.json (corepack then runs that '
                        "release), or `corepack prepare pnpm@<x.y.z> --activate` after `corepack enable`",
                    )
                break


def _pins_manager(fs: FileSystem, context: str, manifest: str, manager: str) -> bool:
    """Does the package.json's ``packageManager`` name ``manager`` (`pnpm@10.9.0`)?"""
    value = _package_manager(fs, context, manifest)[1]
    return value is not None and value.startswith(f"{manager}@")


def prepared_default_unused(fs: FileSystem, context: str, stage: Stage, prepare: Install) -> bool:
    """Is the release `corepack prepare pnpm@latest --activate` makes the default never run by the image?

    `--activate` only sets the release corepack runs where no package.json's ``packageManager`` applies;
    in a project whose package.json names one, corepack runs that release (corepack README, "When
    running a package manager ... Corepack will look for the closest package.json and use the
    packageManager field"). So where every later install by that manager runs in a folder whose nearest
    package.json pins it, the floating default is never what installs."""
    managers = {name.split("@", 1)[0] for name in prepare.command.names[1:] if not name.startswith("-")}
    ordered = [install for _, install in _ordered(stage)]
    after = ordered[ordered.index(prepare) + 1 :] if prepare in ordered else []
    later = [install for install in after if install.command.manager in managers]
    if not later:
        return False
    for install in later:
        manifests = _manifests(stage, install.workdir)
        if not manifests or not _pins_manager(fs, context, manifests[0], install.command.manager):
            return False
    return True


def default_pnpm_enable(stage: Stage) -> Install | None:
    """The `corepack enable` of ``stage``'s image that leaves pnpm at corepack's default release for what
    runs in the container: enabled, with no pin after it (`corepack prepare pnpm@9.15.0`, an npm-installed
    pnpm) and no pnpm command in the image itself (those are judged where they run), on an image whose
    corepack is not told to keep its known-good release (COREPACK_DEFAULT_TO_LATEST=0)."""
    if any(item.env.get("COREPACK_DEFAULT_TO_LATEST") == "0" for item in stage.chain()):
        return None
    enabled: Install | None = None
    for _, install in _ordered(stage):
        if _enables_pnpm(install):
            enabled = enabled or install
        elif _pins_pnpm(install) or (enabled is not None and install.command.manager == "pnpm"):
            return None
    return enabled
