"""Per compose service: where the app's requires resolve under the mounts, and what the start
scripts do to node_modules (restores and installs, their guards, a stack's installer services)."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.commands import (
    classify,
    floating_install_scripts,
    floating_managers,
    package_commands,
    shell_segments,
    split_spec,
)
from nmdoctor.docker.compose import Mount, Service
from nmdoctor.docker.corepack import default_pnpm_enable
from nmdoctor.docker.dockerfile import LOCKFILES, Stage, reads_lockfile
from nmdoctor.docker.images import frozen_fix
from nmdoctor.docker.mounts import resolve_node_modules
from nmdoctor.docker.project import committed_lockfiles, read_text
from nmdoctor.docker.startup import Script, logical_lines, script_steps, start_scripts
from nmdoctor.vfs.base import FileSystem
from nmdoctor.vfs.limits import load_json

__all__ = [
    "image_start_line",
    "installers_of",
    "installs_only",
    "service_findings",
    "start_lockfile_findings",
    "start_words",
    "step_findings",
]

_SYNC = "nmdoctor volume-sync --base <image copy> --target <node_modules>"


_BUN_SOURCES = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx")
_BUN_NO_AUTO = re.compile(r"^\s*auto\s*=\s*[\"']disable[\"']", re.MULTILINE)


def _bun_auto_installs(fs: FileSystem, command: str, app: str, depth: int = 0) -> bool:
    """Does the start ``command`` run the app's code with bun's runtime (``bun index.js``, ``bun run start``
    whose script is ``bun src/main.ts``) in the folder ``app``? Finding no node_modules in the working folder
    or above, bun installs what the code imports at run time (its auto-install: versions from bun.lock, else
    package.json's ranges, into its global cache); a script that runs a package's executable (``vite``)
    needs node_modules/.bin and has no such fallback, nor has ``--no-install`` or bunfig's ``[install]
    auto = "disable"``."""
    segments = shell_segments(command)
    if not segments or depth > 1:
        return False
    words = segments[-1].split()
    while words and (words[0] == "exec" or re.match(r"^[A-Za-z_]\w*=", words[0])):
        words = words[1:]
    if not words or posixpath.basename(words[0]) != "bun":
        return False
    rest = words[1:]
    if "--no-install" in rest or _BUN_NO_AUTO.search(read_text(fs, posixpath.join(app, "bunfig.toml")) or ""):
        return False
    rest = [word for word in rest if not word.startswith("-")]
    if rest and rest[0] == "run":
        rest = rest[1:]
    if not rest:
        return False
    if rest[0].endswith(_BUN_SOURCES):
        return True
    try:
        scripts = json.loads(read_text(fs, posixpath.join(app, "package.json")) or "{}").get("scripts") or {}
    except (ValueError, AttributeError):
        return False
    script = scripts.get(rest[0]) if isinstance(scripts, dict) else None
    return isinstance(script, str) and _bun_auto_installs(fs, script, app, depth + 1)


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip("/") + "/")


def _misplaced(service: Service, path: str, bind: str) -> str:
    """The fix's word on a node_modules volume the service mounts outside the bind that hides the app's
    (`/usr/src/app/node_modules` beside `.:/usr/app`): where the bind leaves the app no packages, such a
    volume holds none of the image's for it (it is off the app's lookup, or the image left it empty)."""
    others = [
        mount
        for mount in service.mounts
        if mount.kind in ("anonymous", "volume")
        and posixpath.basename(mount.target.rstrip("/")) == "node_modules"
        and not _under(posixpath.normpath(mount.target), posixpath.normpath(bind))
    ]
    return "".join(
        f"; the node_modules volume on {mount.target} (line {mount.line}) does not hold the image's packages "
        f"for this app, so it restores nothing: mount it on {path} instead"
        for mount in others[:1]
    )


def start_words(service: Service | None, stage: Stage) -> list[str]:
    if service is not None and service.entrypoint is not None:
        return service.entrypoint + (service.command or [])
    command = service.command if service is not None and service.command is not None else stage.cmd
    return (stage.entrypoint or []) + (command or [])


def image_start_line(stage: Stage) -> int | None:
    """The line of the image's instruction a start step is written in: the CMD when its words install or
    restore (``ENTRYPOINT ["/bin/sh"]`` then ``CMD ["-c", "yarn && yarn start"]``), else the ENTRYPOINT,
    else the CMD."""
    words = list(stage.cmd or [])
    while words and words[0].startswith("-"):
        words = words[1:]  # a shell's flags (`-c`) before the script it runs
    if stage.cmd_line and script_steps(" ".join(words)):
        return stage.cmd_line
    return stage.entrypoint_line if stage.entrypoint else stage.cmd_line


def installs_only(text: str) -> bool:
    """Is a start command nothing but installs (``npm ci``, ``corepack enable && pnpm install``)? Such a
    one-shot installer fills a bind or volume: installing is its job, not a step before an app starts."""
    commands = [classify(segment) for segment in shell_segments(text)]
    return bool(commands) and all(
        item is not None and (item.kind == "project" or item.manager == "corepack") for item in commands
    )


def _pinned_form(manager: str, spec: str, kind: str = "global") -> str:
    name = split_spec(spec)[0]
    if manager == "yarn" and kind == "other":  # `yarn set version berry`
        return "yarn set version <x.y.z>"
    if manager == "corepack":
        return f"corepack prepare {name}@<x.y.z> --activate"
    return f"{manager} install -g {name}@<x.y.z>" if manager != "yarn" else f"yarn global add {name}@<x.y.z>"


def _floating_at_start(script: Script, where: str, inline_line: int) -> Iterator[Finding]:
    """A start script that installs a package manager without a version gets another one as it is
    released: `corepack prepare pnpm@latest`, `npm i -g pnpm`, `curl https://bun.sh/install | bash`."""
    for number, text in logical_lines(script.text):
        line = number if script.path else inline_line
        for command, _ in package_commands(text.split("#", 1)[0]):
            floating = floating_managers(command)
            if floating:
                yield Finding(
                    "package-manager-floating",
                    Severity.WARNING,
                    f"`{command.text}` in {where} installs {', '.join(floating)} without a version (or by a tag) "
                    "at every start: the package manager that reads the lockfile can change major under the "
                    "container from one start to the next",
                    None,
                    from_=where,
                    line=line,
                    column=1,
                    fix=f"pin it: `{_pinned_form(command.manager, floating[0], command.kind)}`, or set "
                    "`packageManager` in package.json and run `corepack enable`",
                )
        for pipeline, manager, fix in floating_install_scripts(text, {}):
            yield Finding(
                "package-manager-floating",
                Severity.WARNING,
                f"`{pipeline}` in {where} installs the newest {manager} release at every start: the package "
                "manager that reads the lockfile can change major under the container",
                None,
                from_=where,
                line=line,
                column=1,
                fix=f"pin it: `{fix}`",
            )


# the install that reads the manager's own lockfile and stops rather than resolve afresh (`npm ci` needs a
# package-lock.json, which a yarn, pnpm or bun project does not have)
_FROZEN = {
    "npm": "npm ci",
    "yarn": "yarn install --frozen-lockfile",
    "pnpm": "pnpm install --frozen-lockfile",
    "bun": "bun install --frozen-lockfile",
}


_LOCKFILES_OF = {
    "npm": ("package-lock.json", "npm-shrinkwrap.json"),
    "yarn": ("yarn.lock",),
    "pnpm": ("pnpm-lock.yaml",),
    "bun": ("bun.lock", "bun.lockb"),
}


def image_install(manager: str | None, lockfiles: frozenset[str]) -> str:
    """The install to run in the image for ``manager``: the frozen one where the project commits a lockfile
    that manager reads, else the plain one. `npm ci` stops with EUSAGE without a package-lock.json or
    npm-shrinkwrap.json, and `pnpm install --frozen-lockfile` without a pnpm-lock.yaml, so a fix naming
    them for a project with no lockfile would not work (checked with npm 11: `npm ci` in a folder with only
    package.json exits with EUSAGE)."""
    name = manager if manager in _FROZEN else "npm"
    return _FROZEN[name] if manager_lockfile(name, lockfiles) else f"{name} install"


def manager_lockfile(manager: str | None, lockfiles: frozenset[str]) -> str | None:
    """The lockfile among ``lockfiles`` that ``manager`` (npm when None) installs from, if any."""
    return next((name for name in _LOCKFILES_OF.get(manager or "npm", ()) if name in lockfiles), None)


def step_findings(
    folder: str, scripts: list[Script], where_inline: str, inline_line: int, lockfiles: frozenset[str]
) -> Iterator[Finding]:
    """install-at-start and init-marker-version-blind for the start ``scripts``; ``lockfiles`` are the
    lockfiles the project commits, which decide the install the fix names."""
    for script in scripts:
        where = script.where or where_inline
        yield from _floating_at_start(script, where, inline_line)
        for step in script_steps(script.text, script.args):
            line = step.line if script.path else inline_line
            guard_line = step.guard_line if script.path else inline_line
            if step.kind == "sync" or step.keyed:
                continue
            if step.guard is None and step.kind == "install":
                yield Finding(
                    "install-at-start",
                    Severity.WARNING,
                    f"{where} installs dependencies every time the container starts: it needs the network at "
                    "start, is slow, and can install other versions than the image was tested with",
                    None,
                    from_=where,
                    line=line,
                    column=1,
                    fix=f"install in the image (`{image_install(step.manager, lockfiles)}` in the Dockerfile) "
                    f"and, for a node_modules volume, refresh it keyed by the lockfile: `{_SYNC}`",
                )
            elif step.guard is not None:
                yield Finding(
                    "init-marker-version-blind",
                    Severity.WARNING,
                    f"{where} {'installs' if step.kind == 'install' else 'restores'} node_modules only when "
                    f"`{step.guard.strip()}` holds; that test records nothing about which dependencies are there, "
                    "so after a dependency change the old node_modules stays",
                    None,
                    from_=where,
                    line=guard_line,
                    column=1,
                    fix=f"key the refresh on the lockfile (a hash) instead: `{_SYNC}` does that, then run "
                    "`nmdoctor verify`",
                )


def start_lockfile_findings(
    scripts: list[Script], stage: Stage, mounts: list[Mount], workdir: str, where_inline: str, inline_line: int
) -> Iterator[Finding]:
    """lockfile-not-used for an install a start script runs at every start (unguarded, not frozen) where
    the container has no lockfile it reads: none in the image, and no mount over the install's folder
    (or above it, or of a lockfile) that could bring one. Each start then resolves versions afresh."""
    for script in scripts:
        where = script.where or where_inline
        lines = dict(logical_lines(script.text))
        for step in script_steps(script.text, script.args):
            if step.kind != "install" or step.guard is not None or step.keyed:
                continue
            text = lines.get(step.line, "").split("#", 1)[0]
            for command, cwd in package_commands(text):
                if command.kind != "project" or command.frozen:
                    continue
                folder = posixpath.normpath(posixpath.join(workdir, cwd or "."))
                covered = any(
                    mount.kind in ("bind", "volume")
                    and (
                        folder == mount.target.rstrip("/")
                        or folder.startswith(mount.target.rstrip("/") + "/")
                        or posixpath.basename(mount.target) in LOCKFILES
                    )
                    for mount in mounts
                )
                if covered or reads_lockfile(command.manager, stage.lockfiles, stage):
                    continue
                yield Finding(
                    "lockfile-not-used",
                    Severity.WARNING,
                    f"`{command.text}` in {where} runs at every start with no lockfile in the container: each "
                    "start resolves versions afresh, so the container can run other versions than were tested",
                    None,
                    from_=where,
                    line=step.line if script.path else inline_line,
                    column=1,
                    fix=frozen_fix(command.manager) + " in the image, and drop the install from the start command",
                )
                break


_DIR_TEST = re.compile(r"-d\s+[\"']?([^\"'\s\]]*node_modules)/?[\"']?")


def _only_folder_tests(guard: str) -> bool:
    """Does every ``||`` branch of the guard hold a folder test? Only then does the guard fail whenever
    the folder exists: `[ ! -d node_modules ] || [ -z "$(ls -A node_modules)" ]` also holds on an empty
    volume (its second branch), so its restore does run on a fresh one. A ``||`` inside ``$(...)`` makes
    a branch without the test too, which errs on the side of no error."""
    return all(_DIR_TEST.search(branch) for branch in guard.split("||"))


def _never_restored(service: Service, stage: Stage, scripts: list[Script]) -> Iterator[Finding]:
    """A restore guarded by "node_modules is not a folder" never runs on a volume's mount point."""
    app = service.working_dir or stage.workdir
    volumes = {mount.target: mount for mount in service.mounts if mount.kind in ("volume", "anonymous")}
    for script in scripts:
        for step in script_steps(script.text, script.args):
            match = _DIR_TEST.search(step.guard or "")
            if step.kind == "sync" or step.keyed or match is None or not _only_folder_tests(step.guard or ""):
                continue
            path = posixpath.normpath(posixpath.join(app, match.group(1)))
            mount = volumes.get(path)
            if mount is None or path in stage.trees:
                continue
            where = script.where or service.file
            yield Finding(
                "volume-shadows-node-modules",
                Severity.ERROR,
                f"{where} fills {path} only when `{step.guard.strip() if step.guard else ''}` holds, but {path} is "
                f"the mount point of {'a volume' if mount.kind == 'anonymous' else 'the volume ' + str(mount.source)} "
                "and always exists: nothing is ever restored, the fresh volume stays empty and node fails with "
                "ERR_MODULE_NOT_FOUND",
                None,
                from_=where,
                line=step.guard_line if script.path else service.line,
                column=1,
                fix="test for the packages instead of the folder (better: key the restore on the lockfile with "
                f"`{_SYNC}`)",
            )


def _uninstalled_packages(service: Service, stage: Stage) -> Iterator[Finding]:
    """A volume over ``P/node_modules`` where the image put a package.json of its own at P but never
    installed it: the volume starts empty, and the node_modules above P hold another package's
    dependencies (not a workspace, where they would be hoisted there)."""
    for mount in service.mounts:
        folder = posixpath.dirname(mount.target)
        manifest = stage.manifests.get(folder)
        if mount.kind not in ("volume", "anonymous") or posixpath.basename(mount.target) != "node_modules":
            continue
        if manifest is None or mount.target in stage.trees:
            continue
        above = [
            tree_manifest
            for tree, tree_manifest in stage.tree_manifests.items()
            if folder.startswith(posixpath.dirname(tree).rstrip("/") + "/")
        ]
        if not above or manifest in above:
            continue
        yield Finding(
            "volume-shadows-node-modules",
            Severity.ERROR,
            f"service `{service.name}` mounts {'a volume' if mount.kind == 'anonymous' else mount.source} at "
            f"{mount.target}, but the image never installed {manifest} there: the fresh volume is empty and the "
            "node_modules above it hold another package's dependencies, so its requires fail with "
            "ERR_MODULE_NOT_FOUND",
            None,
            from_=mount.file,
            line=mount.line,
            column=1,
            fix=f"install {manifest}'s dependencies in the image where it lives (`RUN cd {folder} && npm ci`, "
            "with its lockfile copied first)",
        )


def _mount_key(folder: str, service: Service, mount: Mount) -> str:
    if mount.kind == "bind" and mount.source is not None:
        compose_dir = posixpath.normpath(posixpath.join(folder, posixpath.dirname(service.file)))
        return f"bind:{posixpath.normpath(posixpath.join(compose_dir, mount.source))}:{mount.target}"
    return f"{mount.kind}:{mount.source}:{mount.target}"


def installers_of(fs: FileSystem, folder: str, services: list[Service], stages: dict[str, Stage]) -> set[str]:
    """Mounts (as ``_mount_key``) of the services whose start installs or restores dependencies."""
    keys: set[str] = set()
    for service in services:
        stage = stages.get(service.name)
        words = start_words(service, stage) if stage else (service.entrypoint or []) + (service.command or [])
        compose_dir = posixpath.normpath(posixpath.join(folder, posixpath.dirname(service.file)))
        scripts = start_scripts(fs, folder, words, stage, service.mounts, compose_dir, compose_dir)
        if any(
            step.kind in ("install", "restore", "sync")
            for script in scripts
            for step in script_steps(script.text, script.args)
        ):
            keys |= {_mount_key(folder, service, mount) for mount in service.mounts if mount.kind != "anonymous"}
    return keys


def _orphan_restorers(fs: FileSystem, folder: str, used: set[str]) -> list[str]:
    try:
        names = fs.listdir(folder)
    except OSError:
        return []
    found = []
    for name in sorted(names):
        path = f"{folder}/{name}"
        if "entrypoint" in name and name.endswith(".sh") and path not in used:
            text = read_text(fs, path) or ""
            if re.search(r"\b(cp|rsync|mv)\b[^\n]*node_modules", text):
                found.append(name)
    return found


def service_findings(
    fs: FileSystem,
    folder: str,
    service: Service,
    stage: Stage,
    context: str,
    sharing: dict[str, list[str]],
    installers: set[str],
    workspace: bool = False,
    dockerfile: str | None = None,
) -> Iterator[Finding]:
    """Where the service's requires resolve under its mounts, and what its start scripts do.
    ``dockerfile`` (from ``folder``) names the image's start command when compose overrides none of it."""
    compose_dir = posixpath.normpath(posixpath.join(folder, posixpath.dirname(service.file)))
    scripts = start_scripts(fs, folder, start_words(service, stage), stage, service.mounts, compose_dir, context)
    steps = [step for script in scripts for step in script_steps(script.text, script.args)]
    where_inline, inline_line = service.file, service.line
    start_line = image_start_line(stage)
    if dockerfile is not None and service.entrypoint is None and service.command is None and start_line:
        where_inline, inline_line = dockerfile, start_line  # the image's own ENTRYPOINT/CMD runs it
    yield from step_findings(folder, scripts, where_inline, inline_line, committed_lockfiles(fs, context))
    workdir = service.working_dir or stage.workdir
    yield from start_lockfile_findings(scripts, stage, service.mounts, workdir, where_inline, inline_line)
    yield from _corepack_default_at_start(fs, service, stage, scripts, compose_dir, context, dockerfile)
    resolution = resolve_node_modules(service, stage)
    # a volume is refreshed by a keyed sync, or by an install that runs at every start (reported apart)
    refreshed = any(
        step.kind == "sync" or step.keyed or (step.kind == "install" and step.guard is None) for step in steps
    )
    # another service of the stack that installs at start into the same bind source or volume fills it
    filled = {_mount_key(folder, service, mount) for mount in service.mounts} & installers
    volume = resolution.volume
    if (
        volume is not None
        and volume.kind == "volume"
        and not refreshed
        and resolution.found not in stage.pnp_states  # Plug'n'Play put nothing there to go stale
        and _mount_key(folder, service, volume) not in filled
    ):
        users = sharing.get(volume.source or "", [service.name])
        names = ", ".join(f"`{name}`" for name in users)
        yield Finding(
            "volume-shadows-node-modules",
            Severity.WARNING,
            f"service{'s' if len(users) > 1 else ''} {names} keep{'' if len(users) > 1 else 's'} "
            f"{resolution.found} in the named volume `{volume.source}`: Docker copies the image into a volume "
            "only while it is empty, so after a rebuild with other dependencies (`docker compose up --build`) "
            "it still holds the old ones",
            None,
            from_=volume.file,
            line=volume.line,
            column=1,
            fix=f"mount an anonymous volume instead (`- {volume.target}`) and start with `docker compose up "
            f"--build --renew-anon-volumes` after dependency changes; or refresh it at start keyed by the "
            f"lockfile: `{_SYNC}` in the entrypoint",
        )
    if resolution.found is None:
        yield from _never_restored(service, stage, scripts)
    if not steps and not filled and not workspace:
        yield from _uninstalled_packages(service, stage)
    if resolution.found is not None or steps or filled:
        return
    if resolution.hidden:
        path, mount = resolution.hidden[0]
        host = posixpath.normpath(posixpath.join(compose_dir, mount.source or "."))
        inside = posixpath.relpath(workdir, mount.target) if workdir and _under(workdir, mount.target) else "."
        if path != mount.target and _bun_auto_installs(fs, scripts[0].text, posixpath.join(host, inside)):
            yield Finding(
                "volume-shadows-node-modules",
                Severity.WARNING,
                f"service `{service.name}` binds {mount.source} over {mount.target}, which hides the image's "
                f"{path}; bun runs the app and, with no node_modules there, installs what it imports at run "
                "time (bun.lock's versions, else package.json's ranges) from its cache and the registry, or "
                "takes the host's node_modules when the host folder has one: it works only by accident, not "
                "on the image's tree, and not without network access",
                None,
                from_=mount.file,
                line=mount.line,
                column=1,
                fix=f"add an anonymous volume under the bind mount (`- {path}`), which Docker fills from the "
                "image, and start with `docker compose up --renew-anon-volumes` after dependency changes"
                + _misplaced(service, path, mount.target),
            )
            return
        yield Finding(
            "volume-shadows-node-modules",
            Severity.ERROR,
            f"service `{service.name}` binds {mount.source} over {mount.target}, which hides the image's {path}; "
            "no other node_modules the app's requires reach is left, so it runs on the host's (another OS, "
            "other versions) or fails with ERR_MODULE_NOT_FOUND",
            None,
            from_=mount.file,
            line=mount.line,
            column=1,
            fix=f"add an anonymous volume under the bind mount (`- {path}`), which Docker fills from the image, "
            "and start with `docker compose up --renew-anon-volumes` after dependency changes"
            + _misplaced(service, path, mount.target),
        )
        return
    needs_packages = bool(stage.trees) or any(install.command.kind == "project" for install in stage.installs)
    for mount in resolution.empty_volumes:
        if not needs_packages:
            break
        orphans = _orphan_restorers(fs, context, {script.path for script in scripts if script.path})
        dropped = (
            f"; {', '.join(orphans)} would restore them, but the image's ENTRYPOINT does not run it" if orphans else ""
        )
        yield Finding(
            "volume-shadows-node-modules",
            Severity.ERROR,
            f"service `{service.name}` mounts {'a volume' if mount.kind == 'anonymous' else mount.source} at "
            f"{mount.target}, where the image installs nothing, and no other node_modules the app's requires "
            f"reach holds packages: a fresh volume is empty and node fails with ERR_MODULE_NOT_FOUND{dropped}",
            None,
            from_=mount.file,
            line=mount.line,
            column=1,
            fix=f"install or copy the dependencies to {mount.target} in the image, or restore them at start: "
            f"`{_SYNC}` in the entrypoint",
        )
        break


def _corepack_default_at_start(
    fs: FileSystem,
    service: Service,
    stage: Stage,
    scripts: list[Script],
    compose_dir: str,
    context: str,
    dockerfile: str | None,
) -> Iterator[Finding]:
    """package-manager-floating for a start script's pnpm install after the image's `corepack enable`
    where no package.json on corepack's way up from the service's folder names a `packageManager`:
    corepack then runs its default, the newest pnpm release (corepack walks up from the current folder
    to the first package.json naming one). Only on an official node image, whose folders above the app
    hold no package.json of their own, and only where each package.json on the way is readable: one in a
    bind mount is read from the host, one the image copied from the build context."""
    enabled = default_pnpm_enable(stage)
    if enabled is None or dockerfile is None or not stage.node_base:
        return
    steps = [step for script in scripts for step in script_steps(script.text, script.args)]
    if not any(step.kind == "install" and step.manager == "pnpm" for step in steps):
        return
    folder = posixpath.normpath(service.working_dir or stage.workdir or "/")
    found: str | None = None
    while True:
        text, known = _package_json_at(fs, service, stage, compose_dir, context, folder)
        if not known:
            return
        if text is not None:
            try:
                data = load_json(text)
            except ValueError:
                return
            if not isinstance(data, dict) or isinstance(data.get("packageManager"), str):
                return
            found = found or folder
        if folder == "/":
            break
        folder = posixpath.dirname(folder)
    if found is None:
        return
    yield Finding(
        "package-manager-floating",
        Severity.WARNING,
        f"`{enabled.command.text}` in {dockerfile}, and no package.json from {found} up names a "
        "`packageManager`: the pnpm install the container runs at start gets corepack's default, the newest "
        "pnpm release, so the pnpm that reads the lockfile can change major from one container to the next",
        None,
        from_=dockerfile,
        line=enabled.line,
        column=1,
        fix='set `"packageManager": "pnpm@<x.y.z>"` in package.json (corepack then runs that release), or '
        "`corepack prepare pnpm@<x.y.z> --activate` after `corepack enable`",
    )


def _package_json_at(
    fs: FileSystem, service: Service, stage: Stage, compose_dir: str, context: str, folder: str
) -> tuple[str | None, bool]:
    """The package.json the container has in ``folder`` (its text, or None for none) and whether that is
    known: through the deepest mount over the folder (a bind shows the host's file; a volume is unknown),
    else from what the image copied there from the build context."""
    mounts = [
        mount
        for mount in service.mounts
        if folder == mount.target.rstrip("/") or folder.startswith(mount.target.rstrip("/") + "/")
    ]
    if mounts:
        mount = max(mounts, key=lambda item: len(item.target))
        if mount.kind != "bind" or not mount.source:
            return None, False
        inside = posixpath.relpath(folder, mount.target.rstrip("/") or "/")
        host = posixpath.normpath(posixpath.join(compose_dir, mount.source, inside, "package.json"))
        return read_text(fs, host), True
    manifest = next((item.manifests[folder] for item in stage.chain() if folder in item.manifests), None)
    if manifest is None:
        return None, True
    text = read_text(fs, posixpath.normpath(f"{context}/{manifest}"))
    return text, text is not None
