"""node_modules hazards of a project's container setup, from its files alone (no Docker engine).

Reads the compose files ``docker compose`` would read (or the ``-f`` stack given), every Dockerfile
in the folder and every one a service builds, then per service works out where the app's requires
resolve at start and what its start scripts do (``services``), and per Dockerfile how its image
installs and runs (``images``, ``runtime``).
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
import shlex
from dataclasses import dataclass, field

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.compose import ComposeError, Service, load_services, read_env_file
from nmdoctor.docker.devcontainer import dev_container_compose
from nmdoctor.docker.dockerfile import Stage, parse_dockerfile
from nmdoctor.docker.images import Shipped, image_findings
from nmdoctor.docker.project import (
    committed_lockfiles,
    compose_files,
    context_ignores,
    declared_manager,
    dockerfile_names,
    is_workspace,
    plug_n_play,
    read_text,
    standalone_context,
)
from nmdoctor.docker.runtime import runtime_findings
from nmdoctor.docker.services import (
    image_install,
    image_start_line,
    installers_of,
    installs_only,
    manager_lockfile,
    service_findings,
    start_words,
    step_findings,
)
from nmdoctor.docker.startup import Script, script_steps, start_scripts
from nmdoctor.vfs.base import FileSystem, Kind

__all__ = ["DockerInputError", "docker_findings"]

# the image runs the yarn package.json's packageManager names (corepack), or a berry release it sets
_BERRY_RUNS = re.compile(r"\bcorepack\s+(?:enable|prepare|install|use)\b|\byarn\s+set\s+version\s+(?!classic|1\b|1\.)")


class DockerInputError(ValueError):
    """A file that cannot be read as what its name says, or nothing to analyse."""


@dataclass(slots=True)
class _Image:
    path: str  # absolute
    context: str  # absolute
    stages: list[Stage]
    shipped: list[Shipped] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    top: bool = False  # in the analysed folder: also built on its own, shipping its last stage
    build_args: dict[str, str] | None = None  # the `--build-arg` values it was read with


def _rel(folder: str, path: str) -> str:
    return posixpath.relpath(path, folder)


def _yarn_berry(fs: FileSystem, context: str) -> bool:
    if read_text(fs, f"{context}/.yarnrc.yml") is not None:
        return True
    declared = declared_manager(fs, context)
    return declared is not None and declared[0] == "yarn" and (declared[1] or 0) >= 2


def _image(
    fs: FileSystem,
    images: dict[str, _Image],
    path: str,
    context: str,
    built_images: dict[str, tuple[str, str, str | None]] | None = None,
    parsing: frozenset[str] = frozenset(),
    build_args: dict[str, str] | None = None,
    inline: tuple[str, str] | None = None,
) -> _Image | None:
    """The parsed Dockerfile at ``path``; ``built_images`` maps the image names compose services build
    (``image:`` beside ``build:``) to their Dockerfile, context and target, so that a ``FROM`` of one
    starts from the stage that builds it. A Dockerfile is read once for each set of build args the
    services give it (``APP=api``, ``APP=web``: two images); asked without args, the first read.
    ``inline`` is a service's name and its compose ``build.dockerfile_inline`` (``path`` is then the
    compose file): one image per service."""
    key = path if inline is None else f"{path}\0{inline[0]}"
    if path in images and build_args and (images[path].build_args or {}) != build_args:
        key = path + "\0" + "\0".join(f"{name}={value}" for name, value in sorted(build_args.items()))
    if key in images:
        return images[key]
    known = built_images or {}

    def image_stage(name: str) -> Stage | None:
        if name not in known or known[name][0] in parsing | {path}:
            return None
        other_path, other_context, target = known[name]
        other = _image(fs, images, other_path, other_context, known, parsing | {path})
        return _stage_for(other, target) if other is not None else None

    text = read_text(fs, path) if inline is None else inline[1]
    if text is None:
        return None

    def sent(name: str) -> bool:
        """Is the context's ``name`` sent to the build (not left out by the .dockerignore)?"""
        return not context_ignores(fs, context, path, posixpath.normpath(name))

    def is_file(name: str) -> bool:
        return read_text(fs, f"{context}/{name}") is not None and sent(name)

    def is_dir(name: str) -> bool:
        stat = fs.stat(posixpath.normpath(f"{context}/{name}"))
        return stat is not None and stat.kind is Kind.DIR and sent(name)

    def read(name: str) -> str | None:
        return read_text(fs, posixpath.normpath(f"{context}/{name}")) if sent(name) else None

    # with no .yarnrc.yml in the project, berry runs where the Dockerfile hands yarn to corepack or sets its version
    no_yarnrc = read_text(fs, f"{context}/.yarnrc.yml") is None and is_file("package.json") and is_file("yarn.lock")
    pnp = (is_file(".yarnrc.yml") or no_yarnrc) and plug_n_play(fs, context, _BERRY_RUNS.search(text) is not None)
    stages = parse_dockerfile(text, is_file, _yarn_berry(fs, context), is_dir, read, pnp, image_stage, build_args)
    if not stages:
        return None
    images[key] = _Image(path, context, stages, build_args=build_args)
    return images[key]


def _stage_for(image: _Image, target: str | None) -> Stage:
    return next((stage for stage in image.stages if target and stage.name == target), image.stages[-1])


def _service_words(service: Service, stage: Stage) -> list[str] | None:
    """What the service starts, when compose overrides the image's: a `command:` replaces only CMD
    (the image's ENTRYPOINT still runs first); an `entrypoint:` replaces ENTRYPOINT and drops CMD."""
    if service.entrypoint is None and service.command is None:
        return None
    return start_words(service, stage)


_DROP = re.compile(
    r"^[^#\n]*\b(?:gosu|su-exec|runuser[ \t]+-u|setpriv[ \t]+--reuid[= \t]|chroot[ \t]+--userspec[= \t])[ \t]*"
    r"(?!(?:if|then|else|fi)\b)([A-Za-z_][\w-]*|\"?\$\{?[A-Za-z_]\w*(?::-[\w-]*)?\}?\"?)",
    re.MULTILINE,
)


def _su_user(text: str) -> str | None:
    """The user ``su`` runs a command as (``su -c "node app.js" node``, ``su node -c ...``,
    ``su -s /bin/sh -c ... node``): its first operand; ``None`` without ``-c`` (an interactive shell)."""
    for line in text.replace("\\\n", " ").splitlines():
        try:
            words = shlex.split(line, comments=True)
        except ValueError:
            continue
        for separator in ("&&", "||", ";", "|", "then", "else", "do"):
            words = [word for word in words if word != separator]  # `... && exec su ...`: take su's words
        if "su" not in words:
            continue
        words = words[words.index("su") :]
        user, command, index = None, False, 1
        while index < len(words):
            word = words[index]
            if word in ("-c", "--command", "-s", "--shell", "-g", "--group"):
                command = command or word in ("-c", "--command")
                index += 2
                continue
            command = command or word.startswith("--command=")
            if not word.startswith("-") and user is None:
                user = word
            index += 1
        if command and user:
            return user
    return None


def _expands_to_root(text: str, variable: str) -> bool:
    """``$name`` / ``${name:-default}`` whose assignment or default in the script names root."""
    name = variable.strip("${}").split(":-", 1)
    default = name[1] if len(name) > 1 else None
    assigned = re.findall(rf"^[ \t]*(?:export[ \t]+)?{re.escape(name[0])}=[\"']?([^\s\"']*)", text, re.MULTILINE)
    values = [default] if default is not None else []
    for value in assigned:
        fallback = re.search(r":-([\w-]+)\}", value)
        values.append(fallback.group(1) if fallback else value)
    return any(value in ("root", "0") for value in values)


# the names `docker build` finds with no -f (the CLI falls back to the lowercase name); Containerfile is
# Podman's and Buildah's
_DEFAULT_DOCKERFILES = frozenset({"Dockerfile", "dockerfile", "Containerfile"})


def _dropped_privileges(fs: FileSystem, folder: str, image: _Image, item: Shipped) -> Shipped:
    """A container started as root whose entrypoint execs the app as another user (gosu, su-exec)
    runs the app as that user."""
    stage = item.stage
    if (item.user if item.user is not None else stage.user) not in (None, "", "root", "0"):
        return item
    words = item.words if item.words is not None else (stage.entrypoint or []) + (stage.cmd or [])
    for script in start_scripts(fs, folder, words, stage, [], image.context, image.context):
        match = _DROP.search(script.text)
        su_user = _su_user(script.text)
        if su_user is not None and su_user not in ("root", "0") and not su_user.startswith("$"):
            return Shipped(stage, su_user, item.words)
        if match:
            user = match.group(1).strip('"')  # a literal name, or the variable the script fills (``"$target_user"``)
            if user.startswith("$") and _expands_to_root(script.text, user):
                continue
            return Shipped(stage, user, item.words)
    return item


_NODE_IMAGE = re.compile(r"(^|/)(?:node|javascript-node|typescript-node)(:|@|$)")


def _bound_project(service: Service, app: str, compose_dir: str) -> str:
    """The host folder a bind mount puts at ``app`` (or above it), where the project's files come from;
    the compose file's folder when no bind mount covers it."""
    binds = [
        mount
        for mount in service.mounts
        if mount.kind == "bind"
        and mount.source
        and (app == mount.target or app.startswith(mount.target.rstrip("/") + "/"))
    ]
    if not binds:
        return compose_dir
    mount = max(binds, key=lambda item: len(item.target))
    return posixpath.normpath(posixpath.join(compose_dir, mount.source or ".", posixpath.relpath(app, mount.target)))


def _start_manager(scripts: list[Script]) -> str | None:
    """The manager of the first install the start scripts run (npm when none names one)."""
    for script in scripts:
        for step in script_steps(script.text, script.args):
            if step.kind == "install" and step.manager:
                return step.manager
    return None


def _plain_node_service(fs: FileSystem, folder: str, service: Service) -> list[Finding]:
    """A service that runs a node image as it is (`image: node:20`, the project bind-mounted): what
    its command does at every start. Its node_modules are whatever the command or the host put there."""
    words = (service.entrypoint or []) + (service.command or [])
    compose_dir = posixpath.normpath(posixpath.join(folder, posixpath.dirname(service.file)))
    scripts = start_scripts(fs, folder, words, None, service.mounts, compose_dir, compose_dir)
    app = posixpath.normpath(service.working_dir or "/app")
    lockfiles = committed_lockfiles(fs, _bound_project(service, app, compose_dir))
    findings = list(step_findings(folder, scripts, service.file, service.line, lockfiles))
    if installs_only(scripts[0].text):
        # a one-shot installer (`command: npm ci`) filling a bind or volume other services use
        findings = [finding for finding in findings if finding.code != "install-at-start"]
    manager = _start_manager(scripts)
    install = image_install(manager, lockfiles)
    copied = " ".join(filter(None, ("package.json", manager_lockfile(manager, lockfiles))))
    volume = posixpath.join(app, "node_modules")
    return [
        dataclasses.replace(
            finding,
            fix=f"build the service from a Dockerfile that installs them (`COPY {copied} ./` then `{install}` in "
            f"{app}), and mount an anonymous volume over {volume} (`- {volume}`), which Docker fills from the "
            "image; start with `docker compose up --build --renew-anon-volumes` after dependency changes",
        )
        if finding.code == "install-at-start" and finding.from_ == service.file
        else finding
        for finding in findings
    ]


def _unknown_values(service: Service) -> list[Finding]:
    """Values nmdoctor reads that compose takes from the shell: required variables .env does not set,
    one finding per key of the service (``user: ${UID:?}:${GID:?}`` names both)."""
    found: list[Finding] = []
    for key in dict.fromkeys(item.key for item in service.unknown):
        items = [item for item in service.unknown if item.key == key]
        names = " and ".join(item.variable for item in items)
        messages = "; ".join(item.message for item in items if item.message)
        found.append(
            Finding(
                "compose-variable-required",
                Severity.INFO,
                f"{items[0].file} requires {names} for the {key} of service `{service.name}`, and .env does not "
                f"set {'it' if len(items) == 1 else 'them'}: `docker compose up` stops"
                f"{f' ({messages})' if messages else ''} unless the shell exports "
                f"{'it' if len(items) == 1 else 'them'}, so nmdoctor judged the service without that value",
                None,
                from_=items[0].file,
                line=items[0].line or None,
                column=1 if items[0].line else None,
                fix=f"set {names} in the .env beside the compose file to the "
                f"{'value' if len(items) == 1 else 'values'} the stack runs with, and run nmdoctor again",
            )
        )
    return found


def _compose_stack(fs: FileSystem, folder: str, explicit: list[str] | None) -> list[tuple[str, str]]:
    names = explicit if explicit else compose_files(fs, folder)
    stack = []
    for name in names:
        path = name if name.startswith("/") else posixpath.normpath(f"{folder}/{name}")
        text = read_text(fs, path)
        if text is None:
            raise DockerInputError(f"{name}: no such compose file")
        stack.append((_rel(folder, path), text))
    return stack


def docker_findings(fs: FileSystem, folder: str, compose: list[str] | None = None) -> list[Finding]:
    """Every container hazard found in ``folder``; ``compose`` is a ``-f`` stack (paths from ``folder``).
    A folder with no compose file or Dockerfile of its own is judged by the compose stack its Dev
    Container configuration starts, if it names one."""
    if not compose and not compose_files(fs, folder) and not dockerfile_names(fs, folder):
        compose = dev_container_compose(fs, folder) or compose
    stack = _compose_stack(fs, folder, compose)
    env = read_env_file(read_text(fs, f"{folder}/.env") or "")
    try:
        services = load_services(stack, env, lambda path: read_text(fs, posixpath.normpath(f"{folder}/{path}")))
    except ComposeError as error:
        raise DockerInputError(str(error)) from None
    images: dict[str, _Image] = {}
    built: list[tuple[Service, _Image]] = []
    built_images: dict[str, tuple[str, str, str | None]] = {}
    for service in services:
        if service.dockerfile and service.image:
            compose_dir = posixpath.normpath(posixpath.join(folder, posixpath.dirname(service.file)))
            built_images.setdefault(
                service.image,
                (
                    posixpath.normpath(posixpath.join(compose_dir, service.dockerfile)),
                    posixpath.normpath(posixpath.join(compose_dir, service.context)),
                    service.target,
                ),
            )
    for service in services:
        if not service.dockerfile:
            continue
        compose_dir = posixpath.normpath(posixpath.join(folder, posixpath.dirname(service.file)))
        context = posixpath.normpath(posixpath.join(compose_dir, service.context))
        path = posixpath.normpath(posixpath.join(compose_dir, service.dockerfile))
        # a Dockerfile is read once for each set of build args the services that build it give
        inline = (service.name, service.dockerfile_inline) if service.dockerfile_inline is not None else None
        image = _image(fs, images, path, context, built_images, build_args=service.build_args, inline=inline)
        if image is None:
            continue
        stage = _stage_for(image, service.target)
        image.shipped.append(Shipped(stage, service.user, _service_words(service, stage)))
        image.services.append(service)
        built.append((service, image))
    by_image = {service.image: pair for pair in built for service in [pair[0]] if service.image}
    for service in services:
        if not service.dockerfile and service.image in by_image:
            built_service, image = by_image[service.image]
            service.target = built_service.target  # `image:` names what another service builds
            built.append((service, image))
    for name in dockerfile_names(fs, folder):
        path = f"{folder}/{name}"
        image = _image(fs, images, path, standalone_context(fs, path), built_images)
        # `docker build .` reads Dockerfile (or dockerfile): another name is built only by `-f`, so one a
        # compose service builds is shipped as that service runs it, not also on its own
        if image is not None and (name in _DEFAULT_DOCKERFILES or not image.services):
            image.top = True
    if not stack and not images:
        names = dockerfile_names(fs, folder)
        if names:
            raise DockerInputError(f"{folder}/{names[0]}: no FROM instruction (nothing to analyse)")
        raise DockerInputError(f"{folder}: no Dockerfile or compose file found (nothing to analyse)")
    findings: list[Finding] = []
    for image in images.values():
        if image.top or not image.services:  # also built on its own: `docker build .` ships the last stage
            image.shipped.append(Shipped(image.stages[-1], None, None))
        image.shipped = [_dropped_privileges(fs, folder, image, item) for item in image.shipped]
        unique: dict[tuple[int, str | None, str], Shipped] = {}
        for item in image.shipped:
            unique.setdefault((item.stage.index, item.user, " ".join(item.words or [])), item)
        shipped = list(unique.values())
        where = _rel(folder, image.path)
        findings += image_findings(fs, image.stages, shipped, image.path, image.context, where)
        findings += runtime_findings(fs, image.stages, shipped, image.context, where)
        if not image.services:  # built and run on its own: what its ENTRYPOINT and CMD do at every start
            stage = image.stages[-1]
            scripts = start_scripts(fs, folder, start_words(None, stage), stage, [], image.context, image.context)
            lockfiles = committed_lockfiles(fs, image.context)
            inline = step_findings(folder, scripts[:1], where, image_start_line(stage) or stage.line, lockfiles)
            one_shot = installs_only(scripts[0].text)
            findings += [finding for finding in inline if not (one_shot and finding.code == "install-at-start")]
            findings += step_findings(folder, scripts[1:], where, stage.line, lockfiles)
    for service in services:
        if not service.dockerfile and service.image not in by_image and _NODE_IMAGE.search(service.image or ""):
            findings += _plain_node_service(fs, folder, service)
    sharing: dict[str, list[str]] = {}
    for service in services:
        for mount in service.mounts:
            if mount.kind == "volume" and mount.source and posixpath.basename(mount.target) == "node_modules":
                sharing.setdefault(mount.source, []).append(service.name)
    installers = installers_of(
        fs, folder, services, {service.name: _stage_for(image, service.target) for service, image in built}
    )
    for service, image in built:
        stage = _stage_for(image, service.target)
        workspace = is_workspace(fs, image.context)
        findings += service_findings(
            fs, folder, service, stage, image.context, sharing, installers, workspace, _rel(folder, image.path)
        )
    findings += [finding for service in services for finding in _unknown_values(service)]
    unique_findings: dict[tuple[str, str | None, int | None], Finding] = {}
    for finding in findings:
        unique_findings.setdefault((finding.code, finding.from_, finding.line), finding)
    return list(unique_findings.values())
