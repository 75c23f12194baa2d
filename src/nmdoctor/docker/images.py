"""Hazards of one Dockerfile's image: how it installs, who it runs as, what it lets in.

``shipped`` are the stages that become containers: the compose ``target:`` of each service built
from the file, else its last stage; each with the compose ``user:`` and start command that override
the image's.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.commands import (
    exact_version,
    floating_install_scripts,
    floating_managers,
    package_commands,
    split_spec,
    workspace_selection,
)
from nmdoctor.docker.corepack import corepack_defaults, prepared_default_unused
from nmdoctor.docker.dockerfile import LOCKFILES, Install, Stage, reads_lockfile
from nmdoctor.docker.node_image import image_major
from nmdoctor.docker.project import committed_lockfiles, context_empties, is_workspace, plug_n_play, read_text
from nmdoctor.vfs.base import FileSystem, Kind
from nmdoctor.vfs.limits import load_json
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["Shipped", "image_findings"]

# `nest start` (the Nest CLI, a node program) compiles and runs the app with node
_NODE_WORDS = re.compile(
    r"(^|[/\s\"'])(node|nodejs|npm|npx|yarn|pnpm|bun|nodemon|next|nuxt|tsx|ts-node|pm2|pm2-runtime|remix-serve)(\s|$|[\"'])"
    r"|(^|[/\s\"'])nest\s+start(\s|$|[\"'])|\.(?:c|m)?js\b"
)


# a package name from the registry (not a folder, tarball, URL or unexpanded variable)
_REGISTRY = re.compile(r"^(?:@[a-z0-9][\w.-]*/)?[a-z0-9][\w.-]*(?<!\.tgz)(?:@[^/\s$]*)?$")
# distroless :nonroot, Chainguard's node and Docker Hardened Images' runtime node (not the -dev variants)
_NONROOT_BASE = re.compile(r"(?::|-)nonroot\b|^(?:cgr\.dev/chainguard|dhi\.io)/node(?::(?!.*-dev)|$)")
# Puppeteer's image ends with `USER $PPTRUSER_UID` (pptruser, uid 10042: its docker/Dockerfile)
_PUPPETEER_BASE = re.compile(r"^ghcr\.io/puppeteer/puppeteer(?::|@|$)")
# Playwright's images run as root and carry the user pwuser (microsoft/playwright#4084)
_PLAYWRIGHT_BASE = re.compile(r"^mcr\.microsoft\.com/playwright(?::|@|$)")


@dataclass(frozen=True, slots=True)
class Shipped:
    stage: Stage
    user: str | None  # compose `user:`, overriding the image's
    words: list[str] | None  # compose entrypoint + command, overriding the image's


def _finding(code: str, message: str, where: str, line: int | None, fix: str) -> Finding:
    return Finding(code, Severity.WARNING, message, None, from_=where, line=line, column=1 if line else None, fix=fix)


def _is_root(user: str | None) -> bool:
    return (user or "").split(":")[0] in ("", "root", "0")


def frozen_fix(manager: str) -> str:
    """Copy the lockfile and install from it, with ``manager``'s own frozen install: a pnpm or yarn
    project is not told to run `npm ci`, which stops with EUSAGE without a package-lock.json."""
    if manager == "pnpm":  # real pnpm 10.34.8: `pnpm install` writes pnpm-lock.yaml
        return (
            "COPY package.json and pnpm-lock.yaml first (commit one if the project has none: `pnpm install` "
            "writes it), then `pnpm install --frozen-lockfile`"
        )
    if manager == "yarn":
        return (
            "COPY package.json and yarn.lock first (commit one if the project has none: `yarn install` writes "
            "it), then `yarn install --frozen-lockfile` (yarn 1) or `yarn install --immutable` (yarn 2 and later)"
        )
    if manager == "bun":  # Bun's images ship no npm: the fix stays with bun
        return (
            "COPY package.json and bun.lock first (commit one if the project has none: `bun install` writes it), "
            "then `bun install --frozen-lockfile`"
        )
    return (
        "COPY package.json and the lockfile first (commit one if the project has none), then `npm ci` "
        "(or `pnpm install --frozen-lockfile`, `yarn install --immutable`)"
    )


_CLEAN_INSTALLS = {
    "package-lock.json": "npm ci",
    "npm-shrinkwrap.json": "npm ci",
    "yarn.lock": "yarn install --frozen-lockfile",
    "pnpm-lock.yaml": "pnpm install --frozen-lockfile",
    "bun.lock": "bun install --frozen-lockfile",
    "bun.lockb": "bun install --frozen-lockfile",
}


def _clean_install(lockfiles: tuple[str, ...]) -> str:
    """The install that reads one of ``lockfiles``: `npm ci` for package-lock.json, and so on."""
    return " or ".join(dict.fromkeys(f"`{_CLEAN_INSTALLS[name]}`" for name in lockfiles if name in _CLEAN_INSTALLS))


def _copy_theirs_fix(command_text: str, manager: str, read: tuple[str, ...], line: int) -> str:
    """The project commits ``read``, a lockfile the install's manager reads, and the image leaves it out:
    copy it before the install. A frozen install is offered only where the manager has one for that file
    (`npm ci` stops without a package-lock.json, so a yarn.lock that npm reads gets none)."""
    fix = (
        f"COPY package.json and {' and '.join(read)} (the lockfile the project commits, which {manager} reads) "
        f"before the install (line {line}), so that it installs what the lockfile pins"
    )
    own = next(
        (_CLEAN_INSTALLS[name] for name in read if _CLEAN_INSTALLS.get(name, "").startswith(f"{manager} ")), None
    )
    if own is None:
        return fix
    # `yarn --frozen-lockfile` already is `yarn install --frozen-lockfile`: the flags (or `ci`) tell them apart
    telling = [word for word in own.split()[1:] if word.startswith("--")] or own.split()[1:]
    if all(word in command_text.split() for word in telling):
        return fix
    # with the lockfile copied, not instead of it: the frozen install stops without one (npm 11.19.1's
    # `npm ci` with only package.json: EUSAGE)
    return (
        f"{fix}, and install with `{own}` (keeping the install's other flags), which also stops when the "
        "lockfile no longer matches package.json"
    )


# managers node's official images do not carry (they bundle npm, and yarn 1): a fix naming one must say to add it
_ABSENT_FROM_NODE_IMAGES = {"pnpm-lock.yaml": "pnpm", "bun.lock": "bun", "bun.lockb": "bun"}


def _managers_to_add(stage: Stage, install: Install) -> list[str]:
    """The managers whose lockfile ``install`` skips that the stage has no way to run: a node image
    with no RUN up to the install naming the manager or corepack (`npm i -g pnpm@8`, `corepack enable`)."""
    if not stage.node_base:
        return []
    earlier = " ".join(
        text for item in stage.chain() for text, line in item.runs if item is not stage or line <= install.line
    )
    wanted = [_ABSENT_FROM_NODE_IMAGES[name] for name in install.others if name in _ABSENT_FROM_NODE_IMAGES]
    return [
        manager
        for manager in dict.fromkeys(wanted)
        if re.search(rf"(?<![\w.-])(?:{manager}|corepack)(?![\w.-])", earlier) is None
    ]


def _npm_locked_manifest(stage: Stage, workdir: str, before: int) -> str | None:
    """The context folder (``""``: its root) whose package.json the last COPY into ``workdir`` before line
    ``before`` brought together with npm's lockfile (a whole-context COPY, or `package*.json`,
    `package-lock.json`, `npm-shrinkwrap.json` beside it); None when that COPY brought no npm lockfile."""
    found = None
    for item in reversed(stage.chain()):
        for copy in item.copies:
            if copy.from_stage is not None or copy.line > before or posixpath.normpath(copy.destination) != workdir:
                continue
            names = {posixpath.basename(source.rstrip("/")) for source in copy.sources}
            if copy.whole_context:
                found = ""
            elif names & {"package.json", "package*.json"}:
                manifest = next(
                    source for source in copy.sources if posixpath.basename(source) in ("package.json", "package*.json")
                )
                folder = posixpath.normpath(posixpath.dirname(manifest) or ".")
                locked = names & {"package*.json", "package-lock.json", "npm-shrinkwrap.json"}
                found = ("" if folder == "." else folder) if locked else None
    return found


def _declared_and_locked(fs: FileSystem, context: str, stage: Stage, install: Install) -> set[str]:
    """Names the package.json an npm add runs beside declares, when npm's own lockfile came with it."""
    if install.command.manager != "npm":
        return set()
    folder = _npm_locked_manifest(stage, posixpath.normpath(install.workdir), install.line)
    if folder is None:
        return set()
    base = posixpath.join(context, folder) if folder else context
    if read_text(fs, f"{base}/package-lock.json") is None and read_text(fs, f"{base}/npm-shrinkwrap.json") is None:
        return set()
    text = read_text(fs, f"{base}/package.json")
    try:
        manifest = load_json(text) if text is not None else None
    except ValueError:
        return set()
    if not isinstance(manifest, dict):
        return set()
    fields = ("dependencies", "devDependencies", "optionalDependencies")
    return {name for key in fields if isinstance(manifest.get(key), dict) for name in manifest[key]}


def _yarnrc_restored(fs: FileSystem, context: str, stage: Stage, install: Install) -> bool:
    """Does the project's own .yarnrc.yml, naming a ``yarnPath``, replace the one `yarn set version`
    wrote, before any yarn command runs? Then the release it fetched never reads the lockfile."""
    text = read_text(fs, f"{context}/.yarnrc.yml")
    try:
        settings = load_yaml(text) if text is not None else None
    except YAMLError:
        return False
    if not isinstance(settings, dict) or not settings.get("yarnPath"):
        return False
    following = [item for item in stage.installs if item.line > install.line and item.command.manager == "yarn"]
    until = min((item.line for item in following), default=None)
    for copy in stage.copies:
        if copy.line <= install.line or (until is not None and copy.line >= until) or copy.from_stage is not None:
            continue
        for source in copy.sources:
            name = posixpath.basename(source.rstrip("/"))
            folder = copy.destination if name != ".yarnrc.yml" or copy.destination.endswith("/") else None
            if name == ".yarnrc.yml" and folder is None:
                folder = posixpath.dirname(copy.destination) if copy.destination.endswith(".yml") else copy.destination
            whole = copy.whole_context and source.rstrip("/") in (".", "")
            if (name == ".yarnrc.yml" or whole) and (folder or "").rstrip("/") == install.workdir.rstrip("/"):
                return True
    return False


def _context_manifest(stages: list[Stage], stage: Stage, folder: str, before: int, depth: int = 0) -> str | None:
    """The build context's package.json (its path there) that the install in ``folder`` at line ``before``
    reads: the nearest one up from ``folder`` that a COPY put in, followed through ``COPY --from`` of
    another stage's ``package.json``; None when it is another file (``package-docker.json``) or unknown."""
    by_name = {item.name: item for item in stages if item.name} | {str(item.index): item for item in stages}
    place = folder.rstrip("/") or "/"
    while depth < 4:
        for item in reversed(stage.chain()):
            for copy in reversed(item.copies):
                if item is stage and copy.line > before:
                    continue
                destination = copy.destination.rstrip("/") or "/"
                for source in copy.sources:
                    name = posixpath.basename(source.rstrip("/"))
                    whole = copy.whole_context and destination == place
                    file_into = destination == posixpath.join(place, "package.json") or (
                        destination == place and fnmatch.fnmatchcase("package.json", name)
                    )
                    if copy.from_stage is None and whole:
                        return "package.json"
                    if not file_into:
                        continue
                    if copy.from_stage is None:
                        return posixpath.normpath(posixpath.join(posixpath.dirname(source), "package.json"))
                    other = by_name.get(copy.from_stage)
                    if other is None or not fnmatch.fnmatchcase("package.json", name):
                        return None
                    origin = posixpath.dirname(source if source.startswith("/") else f"{other.workdir}/{source}")
                    return _context_manifest(stages, other, origin, 10**9, depth + 1)
        if place == "/":
            return None
        place = posixpath.dirname(place)
    return None


def _committed_lockfiles(
    fs: FileSystem, stages: list[Stage], stage: Stage, install: Install, context: str, manager: str
) -> tuple[str, ...]:
    """The lockfiles the context commits beside the package.json ``install`` reads that ``manager`` reads
    (none where the install's package.json is another than the context's root one)."""
    if _context_manifest(stages, stage, install.workdir, install.line) != "package.json":
        return ()
    present = committed_lockfiles(fs, context)
    return tuple(name for name in LOCKFILES if name in present and reads_lockfile(manager, {name}, stage))


def _installs(fs: FileSystem, stages: list[Stage], context: str, where: str) -> Iterator[Finding]:
    seen: set[int] = set()
    for stage in stages:
        for install in stage.installs:
            command = install.command
            if install.line in seen:
                continue
            if command.kind == "project" and not install.lockfile and not install.frozen and install.others:
                seen.add(install.line)
                others = " and ".join(install.others)
                own = _committed_lockfiles(fs, stages, stage, install, context, command.manager)
                own_fix = (
                    f"), or COPY {' and '.join(own)} (which the project commits and {command.manager} reads) before "
                    "the install"
                    if own
                    else f"), or commit {command.manager}'s own lockfile and COPY it before the install"
                )
                npm_yarn = command.manager == "npm" and "yarn.lock" in install.others
                berry = npm_yarn and any(item.yarn_lock_berry for item in stage.chain())
                why = (
                    "; npm parses only yarn 1's yarn.lock, and this one is yarn 2+'s"
                    if berry
                    else "; npm reads a yarn.lock from npm 7 on, and node images up to 14 bundle npm 6"
                )
                yield _finding(
                    "lockfile-not-used",
                    f"`{command.text}` in {where} finds no lockfile {command.manager} reads ({others} "
                    f"{'is' if len(install.others) == 1 else 'are'} another manager's"
                    + (why if npm_yarn else "")
                    + "): it resolves versions afresh, so each build can get other versions than were tested",
                    where,
                    install.line,
                    "install with the manager whose lockfile the project commits ("
                    + (
                        _clean_install(install.others).replace(
                            "yarn install --frozen-lockfile", "yarn install --immutable"
                        )
                        if berry
                        else _clean_install(install.others)
                    )
                    + "".join(
                        f", after putting {manager} in the image: node's images carry none, so add it at a release "
                        "that reads this lockfile and runs on the image's node"
                        for manager in _managers_to_add(stage, install)
                    )
                    + own_fix,
                )
            elif (
                command.kind == "project"
                and not install.lockfile
                and not install.frozen
                and command.manager == "npm"
                and command.prefix
                and reads_lockfile("npm", stage.lockfiles, stage)
            ):
                seen.add(install.line)
                yield _finding(
                    "lockfile-not-used",
                    f"`{command.text}` in {where} installs {command.prefix} as a project of its own: npm takes an "
                    "explicit --prefix as it is, without looking above it for a workspace root, so the lockfile "
                    f"elsewhere in the image is not read and {command.prefix} has none: it resolves versions "
                    "afresh, so each build can get other versions than were tested",
                    where,
                    install.line,
                    f"commit {command.prefix}'s own package-lock.json (`npm install --prefix {command.prefix} "
                    "--package-lock-only` writes it there), COPY it into the image with that folder, and run "
                    f"`npm ci --prefix {command.prefix}`",
                )
            elif command.kind == "project" and not install.lockfile and not install.frozen:
                seen.add(install.line)
                # the project commits only another manager's lockfile (bun.lockb, pnpm-lock.yaml): `npm ci`
                # after copying it fails, so the fix names the install that reads it
                theirs = tuple(name for name in LOCKFILES if read_text(fs, f"{context}/{name}") is not None)
                if _context_manifest(stages, stage, install.workdir, install.line) != "package.json":
                    theirs = ()  # another manifest than the one the context's lockfile goes with
                other = replace(install, others=theirs)
                yield _finding(
                    "lockfile-not-used",
                    f"`{command.text}` in {where} installs with no lockfile in the image: it resolves versions "
                    "afresh, so each build can get other versions than were tested",
                    where,
                    install.line,
                    f"COPY package.json and {' and '.join(theirs)} (the project's lockfile, which "
                    f"{command.manager} does not read) first and install with {_clean_install(theirs)}"
                    + "".join(
                        f", after putting {manager} in the image: node's images carry none, so add it at a release "
                        "that reads this lockfile and runs on the image's node"
                        for manager in _managers_to_add(stage, other)
                    )
                    + f"; or commit {command.manager}'s own lockfile, COPY it before the install, and run "
                    + ("`npm ci`" if command.manager == "npm" else frozen_fix(command.manager).split(", then ")[-1])
                    if theirs and not reads_lockfile(command.manager, set(theirs), stage) and _clean_install(theirs)
                    else _copy_theirs_fix(
                        command.text,
                        command.manager,
                        tuple(name for name in theirs if reads_lockfile(command.manager, {name}, stage)),
                        install.line,
                    )
                    if theirs and any(reads_lockfile(command.manager, {name}, stage) for name in theirs)
                    else frozen_fix(command.manager),
                )
            elif command.kind == "update":
                seen.add(install.line)
                yield _finding(
                    "lockfile-not-used",
                    f"`{command.text}` in {where} moves dependencies to the newest versions their ranges allow, "
                    "whatever the lockfile pins: each build can get other versions than were tested",
                    where,
                    install.line,
                    "drop the update from the image build; update on a workstation, commit the lockfile, and "
                    "install it with `npm ci` (or `pnpm install --frozen-lockfile`, `yarn install --immutable`)",
                )
            elif command.kind == "add" and any(
                _REGISTRY.match(name) and not exact_version(name) for name in command.names
            ):
                seen.add(install.line)
                loose = [name for name in command.names if _REGISTRY.match(name) and not exact_version(name)]
                declared = _declared_and_locked(fs, context, stage, install)
                if all(name in declared for name in loose):
                    # npm 11: `npm install semver` over "^6.0.0" locked at 6.0.0 installs 6.3.2 and rewrites the range
                    message = (
                        f"`{command.text}` in {where} names {', '.join(loose)}, which package.json declares: npm "
                        "re-resolves a named package to the newest version its range allows, past the version "
                        "package-lock.json pins, so each build can get other versions"
                    )
                    fix = (
                        f"drop {', '.join(loose)} from the command: the project install already puts in the locked "
                        f"version (`npm rebuild {' '.join(loose)}` if it is there to rebuild a native addon)"
                    )
                else:
                    message = (
                        f"`{command.text}` in {where} adds {', '.join(loose)} without an exact version and outside "
                        "any lockfile: each build can get other versions"
                    )
                    fix = (
                        "declare them in package.json so the lockfile pins them, or give each an exact version "
                        "(`name@1.2.3`)"
                    )
                yield _finding("lockfile-not-used", message, where, install.line, fix)
            floating = floating_managers(command)
            if (
                floating
                and command.manager == "yarn"
                and command.kind == "other"
                and _yarnrc_restored(fs, context, stage, install)
            ):
                floating = []
            if floating and command.manager == "corepack" and prepared_default_unused(fs, context, stage, install):
                floating = []
            if floating:
                yield _finding(
                    "package-manager-floating",
                    f"`{command.text}` in {where} installs {', '.join(floating)} without a version (or by a tag): the "
                    "package manager that reads the lockfile can change major under the image between builds",
                    where,
                    install.line,
                    "pin it: `yarn set version <x.y.z>` (the release package.json's `packageManager` names)"
                    if command.manager == "yarn" and command.kind == "other"
                    else _pin_fix(command.manager, floating, image_major(stage.chain()[-1].base)),
                )


_GLOBAL_ADD = {
    "npm": "npm install -g",
    "pnpm": "pnpm add -g",
    "yarn": "yarn global add",
    "bun": "bun add -g",
    "corepack": "corepack prepare",
}


def _pin_fix(manager: str, floating: list[str], node_major: int | None = None) -> str:
    """The same install with a version, for each manager it installs (`npm i -g yarn` is pinned as
    `npm install -g yarn@<x.y.z>`); corepack runs the release ``packageManager`` names for pnpm and yarn.
    On node 16 and older the release must be pnpm 8 or earlier: pnpm 9 dropped node 16 (it needs 18.12)."""
    names = [split_spec(name)[0] for name in floating]
    activate = " --activate" if manager == "corepack" else ""
    pinned = ", ".join(f"`{_GLOBAL_ADD.get(manager, 'npm install -g')} {name}@<x.y.z>{activate}`" for name in names)
    corepack = any(name in ("pnpm", "yarn") for name in names)
    old_node = (
        f"; on this image's node {node_major}, a pnpm 8 release either way: pnpm 9 and later need node 18.12"
        if "pnpm" in names and node_major is not None and node_major < 18
        else ""
    )
    return (
        f"pin it: {pinned}"
        + (", or set `packageManager` in package.json and run `corepack enable`" if corepack else "")
        + old_node
    )


def _install_scripts(stages: list[Stage], where: str) -> Iterator[Finding]:
    """`curl https://bun.sh/install | bash` and the like install whatever release is newest."""
    for stage in stages:
        for text, line in stage.runs:
            for pipeline, manager, fix in floating_install_scripts(text, stage.env):
                yield _finding(
                    "package-manager-floating",
                    f"`{pipeline}` in {where} installs the newest {manager} release: the package manager "
                    "that reads the lockfile can change major under the image between builds",
                    where,
                    line,
                    f"pin it: `{fix}`",
                )


def _project_manifest(stage: Stage, folder: str) -> str | None:
    """The build context's package.json an install in ``folder`` reads: from the latest COPY of the
    context that put one there (a whole-context copy, a copied package folder, ``package*.json``);
    ``None`` when unknown (copied from another stage or image)."""
    for item in stage.chain():
        for copy in reversed(item.copies):
            target = copy.destination.rstrip("/") or "/"
            if folder != target and not folder.startswith(target.rstrip("/") + "/"):
                continue
            if copy.from_stage is not None:
                return None
            below = posixpath.relpath(folder, target)
            if copy.whole_context:
                return posixpath.normpath(posixpath.join(below, "package.json"))
            for source in copy.sources:
                name = posixpath.basename(source.rstrip("/"))
                if below == "." and re.fullmatch(r"package(?:\*|\.json|\*\.json)", name):
                    return posixpath.normpath(posixpath.join(posixpath.dirname(source), "package.json"))
            if len(copy.sources) == 1 and "." not in posixpath.basename(copy.sources[0].rstrip("/")):
                return posixpath.normpath(posixpath.join(copy.sources[0], below, "package.json"))
    return None


def _same_project(stage: Stage, install: Install, other: Stage, before: Install) -> bool:
    """Do two installs put in the same dependencies? Not when they read different package.json files of
    the context (a client built in one stage, the server installed in the shipped one), nor when each
    is limited to other workspaces (``--filter @app/client...`` then ``--filter @app/server...``)."""
    manifest, earlier_manifest = _project_manifest(stage, install.workdir), _project_manifest(other, before.workdir)
    if manifest is not None and earlier_manifest is not None and manifest != earlier_manifest:
        return False
    selection, earlier_selection = workspace_selection(install.command), workspace_selection(before.command)
    return not (selection and earlier_selection and not selection & earlier_selection)


# how the stage that installed drops its devDependencies: yarn has no prune (yarn 1 reinstalls with
# --production; yarn 2+ focuses the workspaces, built in from yarn 4, a plugin before)
_PRUNE = {
    "npm": "`npm prune --omit=dev`",
    "pnpm": "`pnpm prune --prod`",
    "yarn": "`yarn install --production --frozen-lockfile` with yarn 1, `yarn workspaces focus --all --production` "
    "with yarn 4 (yarn 2 and 3 after `yarn plugin import workspace-tools`)",
}


def _node_modules_in(workdir: str) -> str:
    """The node_modules of an install's folder, as a COPY names it (a quoted WORKDIR's quotes dropped)."""
    return re.sub(r"/+", "/", posixpath.join(re.sub("[\"']", "", workdir), "node_modules"))


def _copy_fix(source: str, built: str, target: str, manager: str, workspace: bool) -> str:
    """The COPY of what the build stage installed, and how it drops its devDependencies there. A
    pnpm workspace's packages keep their dependencies' links in their own node_modules, and `pnpm
    prune` does not run in a monorepo (pnpm's docs: delete the node_modules folders and install
    again with --prod), so those folders are copied too."""
    if manager == "pnpm" and workspace:
        return (
            f"COPY --from={source} {built} {target}, and the node_modules of each workspace package the stage "
            "runs (pnpm links a package's dependencies in its own node_modules), after deleting the node_modules "
            "folders and running `pnpm install --prod --frozen-lockfile` there (`pnpm prune` does not run in a "
            "monorepo)"
        )
    return f"COPY --from={source} {built} {target} (after {_PRUNE.get(manager, _PRUNE['npm'])} there)"


def _reinstalls(stages: list[Stage], shipped: list[Shipped], where: str, workspace: bool) -> Iterator[Finding]:
    for item in shipped:
        stage = item.stage
        chain = stage.chain()
        # the build stages whose output the shipped stage copies, the stages those copy from in turn
        # (a deps stage installs, a builder copies its node_modules, the shipped stage copies the build),
        # and the stages each starts from
        builders: set[int] = set()
        pending = list(chain)
        while pending:
            sources = {copy.from_stage for item_ in pending.pop().chain() for copy in item_.copies if copy.from_stage}
            for other in stages:
                if other not in chain and (other.name in sources or str(other.index) in sources):
                    for ancestor in other.chain():
                        if ancestor not in chain and ancestor.index not in builders:
                            builders.add(ancestor.index)
                            pending.append(ancestor)
        earlier = [
            (other, install)
            for other in stages
            if other.index in builders
            for install in other.installs
            if install.command.kind == "project"
        ]
        for install in stage.installs:
            pairs = [
                (other, before)
                for other, before in earlier
                if install.command.kind == "project" and _same_project(stage, install, other, before)
            ]
            matched = [before.command.manager for _, before in pairs]
            if matched:
                # a tree bun installed: bun has no prune, and its images no npm to prune with
                bun = install.command.manager == "bun" or "bun" in matched
                # the folders the two installs ran in (not always /app)
                source, before = pairs[0]
                built, target = (_node_modules_in(before.workdir), _node_modules_in(install.workdir))
                yield _finding(
                    "prod-stage-reinstall",
                    f"the shipped stage of {where} installs dependencies again (`{install.command.text}`) instead "
                    "of copying what the build stage installed and tested",
                    where,
                    install.line,
                    # Bun's images ship no npm, and bun has no prune: a stage of its own installs production
                    "run `bun install --frozen-lockfile --production` once in a stage of its own and COPY --from "
                    f"that stage {target} {target}"
                    if bun
                    else _copy_fix(str(source.name or source.index), built, target, before.command.manager, workspace),
                )


def _global_bins(stages: list[Stage]) -> set[str]:
    """Names of the commands global installs put on PATH (a package's bin is usually its name)."""
    bins = set()
    for stage in stages:
        for install in stage.installs:
            if install.command.kind == "global":
                for spec in install.command.names:
                    name = split_spec(spec)[0]
                    bins.add(name.rsplit("/", 1)[-1])
    return bins


def _runs_node(item: Shipped, bins: set[str]) -> bool:
    stage = item.stage
    words = item.words if item.words is not None else (stage.entrypoint or []) + (stage.cmd or [])
    if not words:
        return False
    text = " ".join(words)
    commands = re.split(r"[\s;&|()`]+", text)  # `sh -c "...; exec serve -s build"` runs a global tool too
    if _NODE_WORDS.search(text) or any(posixpath.basename(word) in bins for word in commands):
        return True
    return stage.node_base and any(word.endswith(".sh") or "entrypoint" in word for word in words)


def _runtime(item: Shipped) -> str:
    """What the stage's start command runs the app with, as the message names it: bun where the
    command starts with `bun` (or `bunx`), node otherwise."""
    stage = item.stage
    words = item.words if item.words is not None else (stage.entrypoint or []) + (stage.cmd or [])
    first = posixpath.basename(words[0]) if words else ""
    return "bun" if first in ("bun", "bunx") else "node"


def _user_fix(base: str) -> str:
    """A `USER` the stage's base image has: `node` in node images, `bun` in Bun's, `nonroot` in distroless."""
    if re.search(r"(^|/)node(:|@|$)", base):
        return "add `USER node` (official node images have it) after the files are copied, with root-owned app files"
    if re.search(r"(^|/)oven/bun(:|@|$)", base):
        return "add `USER bun` (the oven/bun images have it) after the files are copied, with root-owned app files"
    if "distroless/" in base:
        return "use the image's `:nonroot` tag (or add `USER nonroot`), with root-owned app files"
    if _PUPPETEER_BASE.search(base):
        return (
            "set `USER pptruser` (the puppeteer image's own user) again after the steps that need root and after "
            "the files are copied, with root-owned app files"
        )
    if _PLAYWRIGHT_BASE.search(base):
        return (
            "add `USER pwuser` (Playwright's images have it, and run as root by default) after the files are "
            "copied, with root-owned app files"
        )
    create = "`RUN adduser -D app` on Alpine, `RUN useradd -m app` on Debian"
    if re.search(r"^(?:docker\.io/)?(?:library/)?(?:alpine|debian|ubuntu)(:|@|$)", base):
        return (
            f"create an unprivileged user ({create}; this base image has no `node` user) and add `USER app` after "
            "the files are copied, with root-owned app files"
        )
    return (
        "add `USER` with an unprivileged user the base image has (`node` in images built on node's official "
        f"ones), or create one ({create}), after the files are copied, with root-owned app files"
    )


def _users(stages: list[Stage], shipped: list[Shipped], where: str) -> Iterator[Finding]:
    bins = _global_bins(stages)
    for item in shipped:
        stage = item.stage
        user = item.user if item.user is not None else stage.user
        if user is None and _NONROOT_BASE.search(stage.chain()[-1].base):
            user = "nonroot"  # these images run unprivileged
        elif user is None and _PUPPETEER_BASE.search(stage.chain()[-1].base):
            user = "pptruser"  # the image's own USER
        if _is_root(user):
            if _runs_node(item, bins):
                yield _finding(
                    "runs-as-root",
                    f"the stage of {where} that runs (line {stage.line}) starts {_runtime(item)} as root: a "
                    "compromised "
                    "dependency owns the container",
                    where,
                    stage.line,
                    _user_fix(stage.chain()[-1].base),
                )
            continue
        if not (stage.node_base or stage.trees or _runs_node(item, bins)):
            continue  # not a node image
        runtime = user.split(":")[0] if user else ""
        app = stage.workdir.rstrip("/") + "/"
        owned = next(
            (
                (owner, line)
                for owner, line, path in stage.owners
                if owner in ("*", runtime, stage.uids.get(runtime))
                and (app.startswith(path.rstrip("/") + "/") or (path + "/").startswith(app))
            ),
            None,
        )
        if owned is not None and owned[0] == "*":
            yield _finding(
                "app-files-writable",
                f"{where} makes the app's files writable by every user (line {owned[1]}), so `{runtime}`, the user "
                "it runs as, can replace them: a compromised dependency can rewrite the app's code",
                where,
                owned[1],
                "drop the chmod over the app (files and folders owned by root and readable by all: `chmod -R a+rX`, "
                "no write for others) and give the runtime user only the folders it must write",
            )
        elif owned is not None:
            yield _finding(
                "app-files-writable",
                f"{where} gives the app's files to `{runtime}`, the user it runs as (line {owned[1]}): a compromised "
                "dependency can rewrite the app's code",
                where,
                owned[1],
                "drop --chown / `chown -R` over the app (files stay owned by root, readable by all) and give the "
                "runtime user only the folders it must write",
            )


def _workspace_globs(fs: FileSystem, context: str) -> list[str]:
    text = read_text(fs, f"{context}/package.json") or ""
    try:
        manifest = load_json(text) if text else {}
    except ValueError:
        manifest = {}
    globs = manifest.get("workspaces") if isinstance(manifest, dict) else None
    if isinstance(globs, dict):
        globs = globs.get("packages")
    found = [item for item in globs or () if isinstance(item, str)]
    try:
        pnpm = load_yaml(read_text(fs, f"{context}/pnpm-workspace.yaml") or "")
    except YAMLError:
        pnpm = None
    packages = pnpm.get("packages") if isinstance(pnpm, dict) else None
    found += [item for item in packages or () if isinstance(item, str)]
    return [item.strip("./") for item in found if not item.startswith("!")]


def _workspace_folders(fs: FileSystem, context: str) -> list[str]:
    """The workspace package folders the context holds (one level of `*`), or a sample path."""
    folders = []
    for pattern in _workspace_globs(fs, context):
        head, _, tail = pattern.partition("*")
        base = head.rstrip("/")
        if not tail and "*" not in pattern:
            folders.append(pattern)
            continue
        try:
            names = fs.listdir(posixpath.join(context, base) if base else context)
        except OSError:
            continue
        folders += [
            posixpath.join(base, name) for name in names if fs.stat(posixpath.join(context, base, name, "package.json"))
        ]
    return folders or ["packages/x"]


def _package_folders(fs: FileSystem, stages: list[Stage], context: str) -> list[str]:
    """Context folders holding a package.json that a COPY brings in whole (`COPY services/api/ ...`),
    or that a copied folder of packages holds (`COPY packages/ ...`)."""
    found: list[str] = []
    for stage in stages:
        for copy in stage.copies:
            if copy.from_stage is not None or copy.whole_context:
                continue
            for source in copy.sources:
                folder = posixpath.normpath(source.strip("/")).removeprefix("./")
                if any(char in folder for char in "*?$") or folder in (".", "") or folder in found:
                    continue
                manifest = read_text(fs, f"{context}/{folder}/package.json")
                if manifest is not None:
                    if _declares_dependencies(manifest):
                        found.append(folder)
                    continue
                try:  # a folder of packages (`COPY packages/ ./packages/`) brings each one's node_modules
                    names = sorted(fs.listdir(f"{context}/{folder}"))
                except OSError:
                    continue
                found += [
                    f"{folder}/{name}"
                    for name in names
                    if _declares_dependencies(read_text(fs, f"{context}/{folder}/{name}/package.json"))
                    and f"{folder}/{name}" not in found
                ]
    return found


def _declares_dependencies(manifest: str | None) -> bool:
    """Can an install in this package's folder put packages in a node_modules there? Not for a
    package.json that declares no dependency at all (grist-core's sandbox/pyodide, ``{"type":
    "commonjs"}``: npm makes no node_modules, yarn 1 an empty one)."""
    if manifest is None:
        return False
    try:
        data = load_json(manifest)
    except ValueError:
        return True  # unreadable: an install may still have run there
    if not isinstance(data, dict):
        return True
    if _template_manifest(data):
        return False
    fields = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "workspaces")
    return any(data.get(field) for field in fields)


def _template_manifest(data: dict[str, object]) -> bool:
    """A scaffold's package.json whose versions are placeholders a generator fills
    (``"^${BROWSERLESS_VERSION}"``): npm refuses to install it (EINVALIDTAGNAME), so no node_modules
    grows beside it."""
    fields = ("dependencies", "devDependencies", "optionalDependencies")
    return any(
        isinstance(specs, dict) and any(isinstance(spec, str) and "${" in spec for spec in specs.values())
        for specs in (data.get(field) for field in fields)
    )


def _built(stages: list[Stage], shipped: list[Shipped]) -> list[Stage]:
    """The stages a build runs: those the shipped stages start from or copy from (BuildKit builds no
    other), and any stage with a command of its own, which a `--target` may ship. A stage with no
    command that nothing builds on, such as the alternative a `FROM ${SRC}` argument can pick, is left out."""
    by_name = {name: stage for stage in stages for name in (stage.name, str(stage.index)) if name}
    built: set[int] = set()
    pending = [item.stage for item in shipped]
    pending += [stage for stage in stages if stage.cmd is not None or stage.entrypoint is not None]
    while pending:
        stage = pending.pop()
        for item in stage.chain():
            if item.index in built:
                continue
            built.add(item.index)
            pending += [by_name[copy.from_stage] for copy in item.copies if copy.from_stage in by_name]
            pending += [
                by_name[name]
                for text, _ in item.runs
                for name in re.findall(r"--mount=\S*\bfrom=([\w.-]+)", text)
                if name in by_name
            ]
    return [stage for stage in stages if stage.index in built]


def _nested_install_folders(fs: FileSystem, stages: list[Stage], context: str) -> list[str]:
    """Context folders below the root where a RUN installs a project the whole context brought
    (``COPY . .`` then ``cd client && npm install``): their host node_modules came along."""
    found: list[str] = []
    for stage in stages:
        roots = [copy.destination.rstrip("/") for item in stage.chain() for copy in item.copies if copy.whole_context]
        for text, _ in stage.runs:
            for command, cd in package_commands(text):
                if command.kind != "project":
                    continue
                place = command.prefix or cd
                if not place:
                    continue
                folder = posixpath.normpath(posixpath.join(stage.workdir, place))
                for root in roots:
                    if folder.startswith(root + "/"):
                        below = folder[len(root) + 1 :]
                        if below not in found and read_text(fs, f"{context}/{below}/package.json") is not None:
                            found.append(below)
    return found


def _some(folders: list[str]) -> str:
    """``a/, b/, c/ and 2 more``."""
    named = ", ".join(f"{folder}/" for folder in folders[:3])
    return named + (f" and {len(folders) - 3} more" if len(folders) > 3 else "")


def _unignored_workspaces(fs: FileSystem, dockerfile: str, context: str) -> tuple[list[str], bool] | None:
    """The workspace folders whose node_modules the .dockerignore lets in, and whether it lets in every
    one (it excludes only the root's); None when it excludes them all."""
    folders = _workspace_folders(fs, context)
    missing = [folder for folder in folders if not context_empties(fs, context, dockerfile, f"{folder}/node_modules")]
    return (missing, len(missing) == len(folders)) if missing else None


def _declares_nothing(manifest: str) -> bool:
    """Does this package.json declare no dependency of any kind (so an install writes no node_modules)?"""
    try:
        data = load_json(manifest)
    except ValueError:
        return False
    if not isinstance(data, dict):
        return False
    fields = ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies", "bundleDependencies")
    return not any(data.get(key) for key in fields) and "workspaces" not in data


def _inner_packages(fs: FileSystem, context: str, depth: int = 3) -> bool:
    """Does a folder below the context's root (``depth`` levels, outside node_modules) hold a package.json,
    whose own node_modules a whole-context COPY would bring?"""
    pending = [("", 0)]
    seen = 0
    while pending:
        folder, level = pending.pop()
        try:
            names = fs.listdir(posixpath.join(context, folder) if folder else context)
        except OSError:
            continue
        for name in names:
            seen += 1
            if seen > 5000:
                return True  # too large to tell: keep the finding
            if name in ("node_modules", ".git"):
                continue
            path = posixpath.join(folder, name) if folder else name
            full = posixpath.join(context, path)
            if folder and name == "package.json":
                return True
            if level < depth and (info := fs.lstat(full)) is not None and info.kind is Kind.DIR:
                pending.append((path, level + 1))
    return False


def _ignored(fs: FileSystem, stages: list[Stage], dockerfile: str, context: str, where: str) -> Iterator[Finding]:
    whole = any(copy.whole_context for stage in stages for copy in stage.copies)
    folders = _package_folders(fs, stages, context)
    if not whole and not folders:
        return
    if plug_n_play(fs, context):
        return  # Yarn Plug'n'Play writes no node_modules, in the root or in workspaces
    root = context_empties(fs, context, dockerfile, "node_modules")
    reason = None
    manifest = read_text(fs, f"{context}/package.json")
    if whole and manifest is not None:  # else not a node project
        nested = [
            folder
            for folder in _nested_install_folders(fs, stages, context)
            if not context_empties(fs, context, dockerfile, f"{folder}/node_modules")
        ]
        if (
            not any(stage.installs for stage in stages)
            and _declares_nothing(manifest)
            and not is_workspace(fs, context)
            and not _inner_packages(fs, context)
        ):
            pass  # nothing installs, and no install writes packages for a package with no dependencies
        elif root is None:
            reason = "there is no .dockerignore"
        elif not root:
            reason = ".dockerignore does not exclude node_modules"
        elif is_workspace(fs, context) and (missing := _unignored_workspaces(fs, dockerfile, context)):
            reason = (
                "the project is a workspace and .dockerignore excludes only the root node_modules (Docker matches "
                "`node_modules` at the context root only)"
                if missing[1]
                else "the project is a workspace and .dockerignore does not exclude the node_modules of "
                + _some(missing[0])
            )
        copied = "the whole build context"
        if reason is None and root and nested:
            reason = (
                f"the image installs in {nested[0]}/ too, while .dockerignore excludes only the root node_modules "
                "(Docker matches `node_modules` at the context root only)"
            )
    if reason is None:
        kept = [folder for folder in folders if not context_empties(fs, context, dockerfile, f"{folder}/node_modules")]
        if not kept:
            return
        copied = f"the package folder{'s' if len(kept) > 1 else ''} {', '.join(f'{item}/' for item in kept[:3])}"
        copied += f" and {len(kept) - 3} more" if len(kept) > 3 else ""
        reason = (
            "there is no .dockerignore" if root is None else f".dockerignore does not exclude {kept[0]}/node_modules"
        )
    fix = (
        "add `**/node_modules` to .dockerignore"
        if root
        else "add `node_modules` and `**/node_modules` to .dockerignore"
    )
    yield Finding(
        "node-modules-not-dockerignored",
        Severity.WARNING,
        f"{where} copies {copied} and {reason}: the host's node_modules (other OS, other versions) can enter the "
        "image over the installed one",
        None,
        from_=where,
        fix=fix,
    )


def image_findings(
    fs: FileSystem, stages: list[Stage], shipped: list[Shipped], dockerfile: str, context: str, where: str
) -> Iterator[Finding]:
    """Every image-level hazard of one Dockerfile."""
    yield from _installs(fs, stages, context, where)
    yield from _install_scripts(stages, where)
    yield from corepack_defaults(fs, stages, context, where)
    if len(stages) > 1:
        yield from _reinstalls(stages, shipped, where, is_workspace(fs, context))
    yield from _users(stages, shipped, where)
    yield from _ignored(fs, _built(stages, shipped), dockerfile, context, where)
