"""node_modules hazards of a project's container setup, from its files alone (no Docker engine).

Per service: which folder holds the app's node_modules, what the image put there, and what each
mount does to it at run time; plus the Dockerfile habits that make images differ from what was
tested (installing again in the production stage, installing without the lockfile, running as
root, sending the host's node_modules into the build context).
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.compose import ComposeError, Service, parse_compose
from nmdoctor.docker.dockerfile import Stage, parse_dockerfile
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind, NotRegularFile

__all__ = ["DockerInputError", "docker_findings"]

_COMPOSE_NAMES = (
    "compose.yaml",
    "compose.yml",
    "docker-compose.yml",
    "docker-compose.yaml",
    "compose.override.yaml",
    "compose.override.yml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
)
_SYNC = "nmdoctor volume-sync --base <image copy> --target <node_modules>"


class DockerInputError(ValueError):
    """A file that cannot be read as what its name says (compose YAML)."""


def _read(fs: FileSystem, path: str) -> str | None:
    try:
        return fs.read_bytes(path).decode("utf-8", "replace")
    except NotRegularFile as error:  # a FIFO or device named like a Dockerfile: say so, do not skip it
        raise DockerInputError(str(error)) from None
    except FileSystemError:
        return None


def _dockerfiles(fs: FileSystem, folder: str) -> list[str]:
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return []
    return [
        f"{folder}/{name}"
        for name in names
        if name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile")
    ]


def _relative(folder: str, path: str) -> str:
    return posixpath.relpath(path, folder)


def _ignored(fs: FileSystem, folder: str) -> bool | None:
    """Does .dockerignore keep node_modules out of the build context? None without a .dockerignore."""
    text = _read(fs, f"{folder}/.dockerignore")
    if text is None:
        return None
    excluded = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line.lstrip("!").strip("/")
        if any(fnmatch.fnmatch(candidate, pattern) for candidate in ("node_modules", "node_modules/x")) or pattern in (
            "**/node_modules",
            "*/node_modules",
            "**",
        ):
            excluded = not negate
    return excluded


def _stage_findings(fs: FileSystem, folder: str, path: str, stages: list[Stage]) -> Iterator[Finding]:
    where = _relative(folder, path)
    if not stages:
        return
    final = stages[-1]
    earlier_installs = [install for stage in stages[:-1] for install in stage.installs]
    for install in final.installs:
        if earlier_installs and len(stages) > 1:
            yield Finding(
                "prod-stage-reinstall",
                Severity.WARNING,
                f"the final stage of {where} installs dependencies again (`{install.command}`) instead of copying "
                "what the build stage installed and tested",
                None,
                from_=where,
                line=install.line,
                column=1,
                fix="COPY --from=<build stage> /app/node_modules ./node_modules (after `npm prune --omit=dev` or "
                "`pnpm prune --prod` there)",
            )
    for stage in stages:
        for install in stage.installs:
            if not install.after_lockfile:
                yield Finding(
                    "lockfile-not-used",
                    Severity.WARNING,
                    f"`{install.command}` in {where} runs before any lockfile is copied into the image: it resolves "
                    "versions afresh, so the image gets other versions than were tested",
                    None,
                    from_=where,
                    line=install.line,
                    column=1,
                    fix="COPY package.json and the lockfile first, then `npm ci` (or `pnpm install --frozen-lockfile`, "
                    "`yarn install --immutable`)",
                )
    user = (final.user or "").split(":")[0]
    runs_node = any(
        "node" in word or "npm" in word or "pnpm" in word or "yarn" in word
        for word in (final.cmd or []) + (final.entrypoint or [])
    )
    if user in ("", "root", "0") and (runs_node or final.base.startswith("node")):
        yield Finding(
            "runs-as-root",
            Severity.WARNING,
            f"the final stage of {where} runs as root: a compromised dependency owns the container",
            None,
            from_=where,
            line=final.line,
            column=1,
            fix="add `USER node` (official node images have it) after the files are copied, with root-owned app files",
        )
    runtime_user = (final.user or "").split(":")[0]
    if runtime_user not in ("", "root", "0"):
        for copy in final.copies:
            owner = (copy.chown or "").split(":")[0]
            if owner == runtime_user and copy.from_stage is None and copy.whole_context:
                yield Finding(
                    "app-files-writable",
                    Severity.WARNING,
                    f"{where} copies the app owned by `{runtime_user}`, the user it runs as: a compromised dependency "
                    "can rewrite the app's code",
                    None,
                    from_=where,
                    line=copy.line,
                    column=1,
                    fix="drop --chown (files stay owned by root, readable by all) and give the runtime user only the "
                    "folders it must write",
                )
    if any(copy.whole_context for stage in stages for copy in stage.copies):
        ignored = _ignored(fs, folder)
        if not ignored:
            reason = "there is no .dockerignore" if ignored is None else ".dockerignore does not exclude node_modules"
            yield Finding(
                "node-modules-not-dockerignored",
                Severity.WARNING,
                f"{where} copies the whole build context and {reason}: the host's node_modules (other OS, other "
                "versions) can enter the image over the installed one",
                None,
                from_=where,
                fix="add `node_modules` to .dockerignore",
            )


def _populated(stages: list[Stage], stage: Stage, path: str) -> bool:
    """Does the image put packages at ``path`` (installed there, or copied there)?"""
    chain = [stage]
    base = next((item for item in stages if item.name and item.name == stage.base), None)
    while base is not None and base not in chain:
        chain.append(base)
        base = next((item for item in stages if item.name and item.name == base.base), None)
    for item in chain:
        if any(posixpath.join(install.workdir, "node_modules") == path for install in item.installs):
            return True
        for copy in item.copies:
            if copy.destination == path and (
                copy.from_stage or any("node_modules" in source for source in copy.sources)
            ):
                return True
            if copy.whole_context and copy.destination == posixpath.dirname(path) and copy.from_stage is None:
                continue  # the host's node_modules, if any: not what the image installed
    return False


def _restoring_entrypoint(fs: FileSystem, folder: str, stage: Stage, service: Service) -> tuple[str, str] | None:
    """(script path, text) of the entrypoint that fills node_modules at start, if the repo has it."""
    words = service.entrypoint or stage.entrypoint or []
    for word in words:
        name = posixpath.basename(word)
        for candidate in (f"{folder}/{name}", f"{folder}/docker/{name}", f"{folder}/scripts/{name}"):
            text = _read(fs, candidate)
            if text is not None and "node_modules" in text:
                return candidate, text
    return None


def _orphan_entrypoints(fs: FileSystem, folder: str) -> list[str]:
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return []
    found = []
    for name in names:
        if "entrypoint" in name and name.endswith(".sh"):
            text = _read(fs, f"{folder}/{name}") or ""
            if re.search(r"\b(cp|rsync|mv)\b[^\n]*node_modules", text):
                found.append(name)
    return found


_MARKER_TEST = re.compile(r"(?:\[\s*!?\s*-[ef]\s+|test\s+!?\s*-[ef]\s+)[\"']?([^\s\"'\]]*node_modules/\.[\w.-]+)")
_MARKER_KEYED = re.compile(
    r"sha\d*sum|md5sum|cksum|shasum|\bcmp\b|diff\s|lockfile|package-lock|pnpm-lock|yarn\.lock|\$\(cat"
)


def _marker_findings(where: str, text: str, node_modules: str) -> Iterator[Finding]:
    match = _MARKER_TEST.search(text)
    if match is None or _MARKER_KEYED.search(text):
        return
    line = text.count("\n", 0, match.start()) + 1
    yield Finding(
        "init-marker-version-blind",
        Severity.WARNING,
        f"{where} restores {node_modules} only when the marker `{match.group(1)}` is missing; the marker does not "
        "record which dependencies it restored, so after an image update the volume keeps the old ones",
        None,
        from_=where,
        line=line,
        column=1,
        fix=f"key the restore on the image's lockfile (a hash) instead of a bare marker: `{_SYNC}` does that, "
        "then run `nmdoctor verify`",
    )


def _service_findings(fs: FileSystem, folder: str, compose: str, service: Service) -> Iterator[Finding]:
    if not service.dockerfile:
        return
    dockerfile = posixpath.normpath(f"{folder}/{service.dockerfile}")
    text = _read(fs, dockerfile)
    if text is None:
        return
    stages = parse_dockerfile(text)
    if not stages:
        return
    stage = next((item for item in stages if item.name == service.target), stages[-1])
    node_modules = posixpath.join(stage.workdir, "node_modules")
    where = _relative(folder, compose)
    exact = [mount for mount in service.mounts if mount.target.rstrip("/") == node_modules]
    covering = [
        mount
        for mount in service.mounts
        if mount.kind == "bind" and node_modules.startswith(mount.target.rstrip("/") + "/")
    ]
    populated = _populated(stages, stage, node_modules)
    for mount in exact:
        if mount.kind == "bind":
            yield Finding(
                "volume-shadows-node-modules",
                Severity.ERROR,
                f"service `{service.name}` binds {mount.source} over {node_modules}: the host's folder hides what the "
                "image installed",
                None,
                from_=where,
                line=mount.line,
                column=1,
                fix=f"mount a named volume at {node_modules} instead, or drop the mount",
            )
            continue
        restoring = _restoring_entrypoint(fs, folder, stage, service)
        if not populated:
            if restoring is not None:
                yield from _marker_findings(_relative(folder, restoring[0]), restoring[1], node_modules)
                continue
            orphans = _orphan_entrypoints(fs, folder)
            dropped = (
                f"; {', '.join(orphans)} would restore them, but the image's ENTRYPOINT does not run it"
                if orphans
                else ""
            )
            yield Finding(
                "volume-shadows-node-modules",
                Severity.ERROR,
                f"service `{service.name}` mounts {'a volume' if mount.kind == 'anonymous' else mount.source} at "
                f"{node_modules}, where the image installs nothing: a fresh volume is empty and node fails with "
                f"ERR_MODULE_NOT_FOUND{dropped}",
                None,
                from_=where,
                line=mount.line,
                column=1,
                fix=f"install or copy the dependencies to {node_modules} in the image, or restore them at start: "
                f"`{_SYNC}` in the entrypoint",
            )
        elif restoring is not None:
            yield from _marker_findings(_relative(folder, restoring[0]), restoring[1], node_modules)
        elif not covering:
            yield Finding(
                "volume-shadows-node-modules",
                Severity.WARNING,
                f"service `{service.name}` keeps {node_modules} in the volume {mount.source or '(anonymous)'}: Docker "
                "fills a volume from the image only while it is empty (Kubernetes never does), so after an image "
                "update it still holds the old dependencies",
                None,
                from_=where,
                line=mount.line,
                column=1,
                fix=f"restore from an image copy at start, keyed by the lockfile: `{_SYNC}`; or do not persist "
                "node_modules",
            )
    if not exact:
        for mount in covering:
            if populated:
                yield Finding(
                    "volume-shadows-node-modules",
                    Severity.ERROR,
                    f"service `{service.name}` binds {mount.source} over {mount.target}, which hides the image's "
                    f"{node_modules} (the host's node_modules, if any, is used instead)",
                    None,
                    from_=where,
                    line=mount.line,
                    column=1,
                    fix=f"add a volume for {node_modules} under the bind mount (`- node_modules:{node_modules}`), "
                    "which Docker fills from the image",
                )


def docker_findings(fs: FileSystem, folder: str) -> list[Finding]:
    """Every container hazard found in ``folder`` (Dockerfiles, compose files, entrypoints)."""
    findings: list[Finding] = []
    for path in _dockerfiles(fs, folder):
        text = _read(fs, path)
        if text is not None:
            findings += _stage_findings(fs, folder, path, parse_dockerfile(text))
    for name in _COMPOSE_NAMES:
        path = f"{folder}/{name}"
        stat = fs.stat(path)
        if stat is None or stat.kind is not Kind.FILE:
            continue
        text = _read(fs, path) or ""
        try:
            services = parse_compose(text, path)
        except ComposeError as error:
            raise DockerInputError(str(error)) from None
        for service in services:
            findings += _service_findings(fs, folder, path, service)
    return findings
