"""A Dockerfile as stages of facts that matter to node_modules (parsed with dockerfile-parse).

Each stage carries what the image holds when it is built: where node_modules folders are (installed,
copied from another stage, moved), whether a lockfile was in the stage before each install, who owns
the app's files, and the ``WORKDIR``, ``USER``, ``ENV``, ``ENTRYPOINT`` and ``CMD`` it inherits from
the stage it starts from. ``ARG`` and ``ENV`` values are substituted the way the builder does.
"""

from __future__ import annotations

import fnmatch
import io
import json
import posixpath
import re
import shlex
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from dockerfile_parse import DockerfileParser

from nmdoctor.docker.commands import PmCommand, classify, package_commands, shell_segments, split_spec
from nmdoctor.vfs.limits import load_json

__all__ = ["LOCKFILES", "Copy", "Install", "Stage", "expand", "parse_dockerfile"]

LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock", "bun.lock", "bun.lockb")
_MANIFESTS = (*LOCKFILES, "package.json", ".npmrc", ".yarnrc", ".yarnrc.yml", "pnpm-workspace.yaml", ".nvmrc")
_BUILD_OUTPUTS = ("dist", "build", "out", "output", ".output", "target", "release", "bundle")
# `if [ -f yarn.lock ]; then yarn --frozen-lockfile; elif ...`: the branch runs only when that file is there
_FILE_TEST = re.compile(r"^(?:if|elif)\s+(?:\[\[?|test)\s+-[ef]\s+[\"']?(?:\./)?([^\s\"'\]]+)")
_VARIABLE = re.compile(r"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))")


@dataclass(frozen=True, slots=True)
class Copy:
    sources: tuple[str, ...]
    destination: str  # absolute, after WORKDIR
    from_stage: str | None
    chown: str | None
    line: int
    into_folder: bool = False  # the destination ends with "/": sources keep their names inside it

    @property
    def whole_context(self) -> bool:
        return self.from_stage is None and any(source.rstrip("/") in (".", "", "*") for source in self.sources)

    @property
    def manifests_only(self) -> bool:
        """Only package.json, lockfiles and manager settings: not the app's code."""
        return self.from_stage is None and all(
            any(fnmatch.fnmatchcase(name, posixpath.basename(source)) for name in _MANIFESTS) for source in self.sources
        )


@dataclass(frozen=True, slots=True)
class Install:
    command: PmCommand
    line: int
    workdir: str  # the folder it installs in
    lockfile: bool  # a lockfile its manager reads was (or may have been) in the stage before it
    frozen: bool  # fails rather than resolve afresh without a lockfile (yarn 1's --frozen-lockfile does not)
    others: tuple[str, ...] = ()  # without one it reads: the other managers' lockfiles in the stage


@dataclass(slots=True)
class Stage:
    index: int
    name: str | None
    base: str
    line: int
    parent: Stage | None = None
    workdir: str = "/"
    user: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    copies: list[Copy] = field(default_factory=list)
    installs: list[Install] = field(default_factory=list)
    trees: set[str] = field(default_factory=set)  # folders holding installed packages
    # trees kept only as the state of a yarn install under Plug'n'Play: the folder holds no packages
    pnp_states: set[str] = field(default_factory=set)
    lockfiles: set[str] = field(default_factory=set)  # the lockfiles it holds by name; "*": one, unknown which
    owners: list[tuple[str, int, str]] = field(default_factory=list)  # (owner, line, path) giving app files
    app_paths: list[str] = field(default_factory=list)  # where app files were copied
    volumes: list[tuple[str, int]] = field(default_factory=list)
    uids: dict[str, str] = field(default_factory=dict)  # user name -> uid given by adduser/useradd
    manifests: dict[str, str] = field(default_factory=dict)  # folder -> the context's package.json put there
    tree_manifests: dict[str, str] = field(default_factory=dict)  # installed node_modules -> its package.json
    entrypoint: list[str] | None = None
    entrypoint_line: int | None = None
    cmd: list[str] | None = None
    cmd_line: int | None = None
    runs: list[tuple[str, int]] = field(default_factory=list)  # RUN texts with their lines
    pruned: dict[str, set[str]] = field(default_factory=dict)  # folder `turbo prune` wrote -> its lockfiles
    yarn_lock_berry: bool = False  # a yarn.lock it copied from the context is yarn 2+'s (npm reads none)

    def chain(self) -> list[Stage]:
        """This stage and the stages it is built on, nearest first."""
        found: list[Stage] = []
        stage: Stage | None = self
        while stage is not None and stage not in found:
            found.append(stage)
            stage = stage.parent
        return found

    @property
    def node_base(self) -> bool:
        return any(
            re.search(r"(^|/)node(:|$|@)", item.base) is not None for item in self.chain() if item.parent is None
        )


def expand(value: str, variables: dict[str, str]) -> str:
    """Substitute ``$VAR``, ``${VAR}``, ``${VAR:-default}`` and ``${VAR:+alt}``; unknown names stay."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(4)
        operator, word = match.group(2), match.group(3) or ""
        value_ = variables.get(name)
        if operator in (":-", "-"):
            return value_ if value_ else word
        if operator in (":+", "+"):
            return word if value_ else ""
        return value_ if value_ is not None else match.group(0)

    return _VARIABLE.sub(replace, value)


def _words(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if isinstance(parsed, list):
            return [str(item) for item in parsed]
    try:
        return shlex.split(value)
    except ValueError:
        return value.split()


_TURBO_PRUNE = re.compile(r"\bturbo(?:@(\S+))?\s+prune\b([^;&|\n]*)")
# what runs a `turbo` that is not a global install: the project's own (`pnpm turbo`, `yarn turbo`,
# `npm exec turbo`) or, where the project has none, the registry's newest (npx, dlx, bunx)
_TURBO_RUNNER = re.compile(r"\b(npx|bunx|dlx|exec|pnpm|yarn|bun)\b(?:\s+-{1,2}[\w-]+(?:=\S+)?)*\s*$")


def _major_of(version: str) -> int:
    """The major a turbo version or range names; a tag (``latest``) or ``*`` is today's, turbo 2; 0
    for anything else (a workspace or file reference)."""
    major = re.match(r"^[\^~=v>]*\s*(\d+)", version.strip())
    if major:
        return int(major.group(1))
    return 2 if re.fullmatch(r"\*|x|latest|next|canary|[a-z][\w.-]*", version.strip()) and ":" not in version else 0


def _turbo_major(stage: Stage) -> int:
    """The major of the turbo a global install put in the stage (or the stages it is built on): no
    version or a tag (``latest``) is today's, turbo 2; 0 when none is installed globally (the project's
    own turbo, of a version the Dockerfile does not show)."""
    for item in stage.chain():
        for install in reversed(item.installs):
            if install.command.kind != "global":
                continue
            for spec in install.command.names:
                name, version = split_spec(spec)
                if name != "turbo":
                    continue
                major = re.match(r"^[\^~=v]?(\d+)", version)
                return int(major.group(1)) if major else 2
    return 0


def _stage_reference(source: str) -> str:
    """A ``COPY --from`` value as BuildKit looks it up: a stage name in lower case (it lowercases both the
    ``AS`` name and the reference), an image reference (``node:20``, ``ghcr.io/...``) as written."""
    return source if re.search(r"[:/@$]", source) else source.lower()


def _absolute(workdir: str, path: str) -> str:
    return posixpath.normpath(posixpath.join(workdir, path)) if path else workdir


def _assignments(value: str) -> dict[str, str]:
    words = _words(value)
    if len(words) >= 2 and "=" not in words[0]:
        return {words[0]: " ".join(words[1:])}  # legacy `ENV NAME value`
    return {word.split("=", 1)[0]: word.split("=", 1)[1] for word in words if "=" in word}


class _Builder:
    def __init__(
        self,
        has_context_file: Callable[[str], bool],
        has_context_dir: Callable[[str], bool],
        yarn_berry: bool,
        read_context: Callable[[str], str | None],
        plug_n_play: bool = False,
        image_stage: Callable[[str], Stage | None] = lambda _name: None,
    ) -> None:
        self.yarn_berry = yarn_berry
        self.plug_n_play = plug_n_play
        self.image_stage = image_stage
        self.read_context = read_context
        self.has_context_dir = has_context_dir
        self.stages: list[Stage] = []
        self.global_args: dict[str, str] = {}
        self.unset_args: set[str] = set()  # global ARGs declared without a default (given at build time)
        self.args: dict[str, str] = {}
        self.build_args: dict[str, str] = {}  # `--build-arg` values (a compose service's build.args)
        self.has_context_file = has_context_file

    def writes_no_tree(self, command: PmCommand, stage: Stage, folder: str) -> bool:
        """A yarn install under Plug'n'Play writes no node_modules (the packages stay in .yarn/cache, the
        map in the project root's .pnp.cjs). Where the context's root package.json was copied to, the
        folder stands for that install state, and is kept."""
        return self.plug_n_play and command.manager == "yarn" and stage.manifests.get(folder) != "package.json"

    def add_tree(self, command: PmCommand, stage: Stage, folder: str) -> bool:
        """Record the node_modules an install in ``folder`` leaves (False when it writes none); one kept
        only as a Plug'n'Play install state is marked as such."""
        if self.writes_no_tree(command, stage, folder):
            return False
        tree = posixpath.join(folder, "node_modules")
        stage.trees.add(tree)
        if self.plug_n_play and command.manager == "yarn":
            stage.pnp_states.add(tree)
        else:
            stage.pnp_states.discard(tree)
        return True

    def variables(self, stage: Stage | None) -> dict[str, str]:
        return {**self.global_args, **self.args, **(stage.env if stage else {})}

    def stage_named(self, name: str | None) -> Stage | None:
        if name is None:
            return None
        if name.isdigit() and int(name) < len(self.stages):
            return self.stages[int(name)]
        return next((item for item in reversed(self.stages) if item.name == name.lower()), None)

    def start(self, value: str, line: int) -> None:
        # `ARG BASE` without a default names an image the build is given (`--build-arg BASE=...`): the
        # base stays `$BASE`, undecided, rather than a blank that would make `AS name` the image
        known = {name: arg for name, arg in self.global_args.items() if name not in self.unset_args}
        words = [word for word in expand(value, known).split() if not word.startswith("--")]
        base = words[0] if words else ""
        # BuildKit lowercases stage names, and the names FROM and --from look up: `AS Builder` is `builder`
        name = words[2].lower() if len(words) >= 3 and words[1].upper() == "AS" else None
        stage = Stage(len(self.stages), name, base, line)
        parent = self.stage_named(base) or self.image_stage(base)
        if parent is not None:
            stage.parent = parent
            stage.workdir, stage.user, stage.env = parent.workdir, parent.user, dict(parent.env)
            stage.trees = set(parent.trees)
            stage.pnp_states = set(parent.pnp_states)
            stage.lockfiles = set(parent.lockfiles)
            stage.pruned = dict(parent.pruned)
            stage.owners = list(parent.owners)
            stage.app_paths = list(parent.app_paths)
            stage.uids = dict(parent.uids)
            stage.manifests = dict(parent.manifests)
            stage.tree_manifests = dict(parent.tree_manifests)
            stage.entrypoint, stage.entrypoint_line, stage.cmd = parent.entrypoint, parent.entrypoint_line, parent.cmd
            stage.cmd_line = parent.cmd_line
        self.args = {}
        self.stages.append(stage)

    def copy(self, stage: Stage, instruction: str, value: str, line: int) -> None:
        words = _words(expand(value, self.variables(stage)))
        options = {
            word.split("=", 1)[0]: word.split("=", 1)[1] if "=" in word else ""
            for word in words
            if word.startswith("--")
        }
        paths = [word for word in words if not word.startswith("--")]
        if len(paths) < 2:
            return
        destination = _absolute(stage.workdir, paths[-1])
        source = options.get("--from")
        copy = Copy(
            tuple(paths[:-1]),
            destination,
            source and _stage_reference(source),
            options.get("--chown"),
            line,
            paths[-1].endswith("/"),
        )
        stage.copies.append(copy)
        source_stage = self.stage_named(copy.from_stage)
        for source in copy.sources:
            if source_stage is not None:
                origin = _absolute(source_stage.workdir, source)
                for tree in source_stage.trees:
                    if tree == origin:
                        stage.trees.add(destination)
                    elif tree.startswith(origin.rstrip("/") + "/"):
                        stage.trees.add(posixpath.join(destination, tree[len(origin.rstrip("/")) + 1 :]))
                if origin.rstrip("/").endswith("node_modules") and not any(
                    tree == origin or tree.startswith(origin + "/") for tree in source_stage.trees
                ):
                    stage.trees.add(destination)  # copied from what the builder put there
            elif copy.from_stage is None and posixpath.basename(source.rstrip("/")) == "node_modules":
                stage.trees.add(destination)
        if copy.whole_context or any(
            fnmatch.fnmatchcase("package.json", posixpath.basename(src)) for src in copy.sources
        ):
            single = len(copy.sources) == 1 and not copy.whole_context and not paths[-1].endswith("/")
            folder = posixpath.dirname(destination) if single and destination.endswith(".json") else destination
            if copy.from_stage is None and (not copy.whole_context or self.has_context_file("package.json")):
                manifest = next(
                    (
                        posixpath.normpath(posixpath.join(posixpath.dirname(src), "package.json"))
                        for src in copy.sources
                        if fnmatch.fnmatchcase("package.json", posixpath.basename(src))
                    ),
                    "package.json",
                )
                stage.manifests[folder] = manifest
        if copy.from_stage is None and self._copies_berry_lockfile(copy):
            stage.yarn_lock_berry = True
        if copy.whole_context:
            stage.lockfiles |= self._context_lockfiles(".")
        elif copy.from_stage is not None:
            stage.lockfiles |= self._stage_lockfiles(source_stage, copy)
        else:
            for source in copy.sources:
                stage.lockfiles |= self._named_lockfiles(source) | self._folder_lockfiles(source)
        if not copy.manifests_only:
            stage.app_paths.append(destination)
            owner = (copy.chown or "").split(":")[0]
            if owner:
                stage.owners.append((owner, line, destination))

    def _copies_berry_lockfile(self, copy: Copy) -> bool:
        """Does a COPY from the context bring a yarn.lock written by yarn 2+ (the whole context's, one a
        source names, or one in a copied folder)?"""
        sources = ["."] if copy.whole_context else copy.sources
        for source in sources:
            folder = source.strip("/") or "."
            named = fnmatch.fnmatchcase("yarn.lock", posixpath.basename(folder))
            path = folder if named else posixpath.normpath(f"{folder}/yarn.lock")
            if yarn_berry_lockfile(self.read_context(path)):
                return True
        return False

    def _context_lockfiles(self, folder: str) -> set[str]:
        """The lockfiles the build context's ``folder`` holds."""
        return {name for name in LOCKFILES if self.has_context_file(posixpath.normpath(f"{folder}/{name}"))}

    @staticmethod
    def _stage_lockfiles(source_stage: Stage | None, copy: Copy) -> set[str]:
        """The lockfiles a COPY --from brings: those named, or the other stage's whole project folder
        (the lockfiles in it); from an outside image, undecidable: one, unknown which."""
        named = {
            name
            for source in copy.sources
            for name in LOCKFILES
            if fnmatch.fnmatchcase(name, posixpath.basename(source))
        }
        if named:
            return named
        if source_stage is None:
            return {"*"}
        pruned = {
            name
            for source in copy.sources
            for name in source_stage.pruned.get(_absolute(source_stage.workdir, source).rstrip("/"), set())
        }
        if pruned:
            return pruned
        root = source_stage.workdir.rstrip("/") + "/"
        if any(root.startswith(_absolute(source_stage.workdir, source).rstrip("/") + "/") for source in copy.sources):
            return set(source_stage.lockfiles)
        return set()

    def _named_lockfiles(self, source: str) -> set[str]:
        """The lockfiles a COPY source names. A pattern (``package*.json``, ``package-lock.json*``)
        brings only those the context's folder holds that it matches (Docker copies what matches and
        nothing else): known when the folder's package.json is seen; otherwise undecidable, so every
        lockfile it could match."""
        pattern = posixpath.basename(source)
        names = {name for name in LOCKFILES if fnmatch.fnmatchcase(name, pattern)}
        if not names or not any(c in pattern for c in "*?["):
            return names
        folder = posixpath.normpath(posixpath.dirname(source.strip("/")) or ".")
        if any(c in folder for c in "*?[$"):
            return names
        if not self.has_context_file(posixpath.normpath(f"{folder}/package.json")):
            return names
        return names & self._context_lockfiles(folder)

    def _installed_lockfiles(self, stage: Stage, folder: str) -> set[str]:
        """The lockfiles a whole-context COPY puts in ``folder``, an install's folder below its
        destination (``COPY . /app`` then ``cd packages/web && yarn``, where packages/web has its own)."""
        found: set[str] = set()
        for item in stage.chain():
            for copy in item.copies:
                root = copy.destination.rstrip("/")
                if copy.whole_context and folder.startswith(root + "/"):
                    found |= self._context_lockfiles(folder[len(root) + 1 :])
        return found

    def _lockfiles_at(self, stage: Stage, folder: str) -> set[str]:
        """The lockfiles the stage's COPYs put in ``folder`` itself. ``npm install --prefix DIR`` installs
        DIR as a project of its own: npm takes the explicit prefix as it is, without looking upward for
        a workspace root (npm 11.19.1 writes DIR/package-lock.json), so a lockfile elsewhere in the stage
        is not read. A COPY --from into the folder, or a lockfile a RUN bound or fetched: one of unknown
        kind."""
        if "*" in stage.lockfiles:
            return {"*"}
        found: set[str] = set()
        for item in stage.chain():
            for copy in item.copies:
                destination = copy.destination.rstrip("/") or "/"
                into = destination == folder or folder.startswith(destination.rstrip("/") + "/")
                if copy.from_stage is not None:
                    found |= {"*"} if into else set()
                    continue
                for source in copy.sources:
                    if copy.whole_context and into:
                        found |= self._context_lockfiles(folder[len(destination) :].strip("/") or ".")
                    elif destination == folder:
                        found |= self._named_lockfiles(source) | self._folder_lockfiles(source)
                    elif posixpath.dirname(destination) == folder and posixpath.basename(destination) in LOCKFILES:
                        found.add(posixpath.basename(destination))
                    elif into:
                        below = folder[len(destination) :].strip("/")
                        found |= self._folder_lockfiles(posixpath.join(source.strip("/") or ".", below))
        return found

    def _folder_lockfiles(self, source: str) -> set[str]:
        """The lockfiles a copied context folder carries. A build output the repository lacks (dist/,
        build/, out/) may carry a generated one: undecidable, one of unknown kind."""
        folder = posixpath.normpath(source.strip("/")) if source.strip("/") else "."
        if "*" in folder or "?" in folder:
            return set()
        if self.has_context_file(folder):
            return set()  # a file, not a folder
        found = self._context_lockfiles(folder)
        if found:
            return found
        generated = folder.split("/")[0] in _BUILD_OUTPUTS
        return {"*"} if generated and not self.has_context_dir(folder) else set()

    def run(self, stage: Stage, value: str, line: int) -> None:
        text = expand(value, self.variables(stage))
        stage.runs.append((text, line))
        for mount in re.findall(r"--mount=(\S*type=bind\S*)", text):
            source = re.search(r"(?:^|,)(?:source|src)=([^,]+)", mount)
            if source is None or source.group(1).strip("./") == "":
                stage.lockfiles |= self._context_lockfiles(".")  # the whole context
            elif re.search(r"lock|shrinkwrap", source.group(1)):
                name = posixpath.basename(source.group(1))
                stage.lockfiles.add(name if name in LOCKFILES else "*")
        if re.search(r"\bgit\s+clone\b", text):
            stage.lockfiles.add("*")  # the cloned repository carries its own lockfile, if it has one
        self._steps(stage, re.sub(r"^(?:\s*--[a-z]+=\S+)+\s*", "", text), line)
        self._turbo_prune(stage, text)  # after the RUN's own installs: `npm i -g turbo && turbo prune ...`

    def _turbo_prune(self, stage: Stage, text: str) -> None:
        """``turbo prune`` writes a pruned copy of the monorepo's lockfile into its output folder (``out``,
        or ``--out-dir``). With ``--docker``, turbo 2 also writes it into ``out/json``, beside the
        package.json files (turborepo's prune tests list out/json/pnpm-lock.yaml; out/full has none);
        turbo 1's Go prune wrote it to ``out`` only. Only a turbo of a known major is read as writing
        it there: the image's global install, the version the command names (``npx turbo@2``), or the
        project's own, which its root package.json declares (``pnpm turbo prune``)."""
        for match in _TURBO_PRUNE.finditer(text):
            options = match.group(2)
            out = re.search(r"--out-dir(?:=|\s+)(\S+)", options)
            folder = _absolute(stage.workdir, out.group(1) if out else "out").rstrip("/")
            stage.pruned[folder] = set(stage.lockfiles)
            if (
                re.search(r"--docker\b", options)
                and self._turbo_major(stage, text[: match.start()], match.group(1)) >= 2
            ):
                stage.pruned[f"{folder}/json"] = set(stage.lockfiles)

    def _turbo_major(self, stage: Stage, before: str, version: str | None) -> int:
        """The major of the turbo a ``turbo prune`` runs (``before``: the RUN's text before it, whose
        end says what runs it; ``version``: the one ``turbo@VERSION`` names); 0 when unknown."""
        if version is not None:
            return _major_of(version)
        runner = _TURBO_RUNNER.search(before.rsplit("&&", 1)[-1].rsplit(";", 1)[-1])
        if runner is None:
            return _turbo_major(stage)
        declared = self._declared_turbo()
        if declared is not None:
            return _major_of(declared)
        return 2 if runner.group(1) in ("npx", "bunx", "dlx") else 0  # fetched: the registry's newest

    def _declared_turbo(self) -> str | None:
        """The range of turbo the build context's root package.json declares."""
        text = self.read_context("package.json")
        try:
            manifest = load_json(text) if text is not None else None
        except ValueError:
            return None
        if not isinstance(manifest, dict):
            return None
        for field_name in ("devDependencies", "dependencies"):
            declared = manifest.get(field_name)
            if isinstance(declared, dict) and isinstance(declared.get("turbo"), str):
                return str(declared["turbo"])
        return None

    def _script(self, stage: Stage, segment: str, cwd: str, line: int) -> None:
        """A RUN that calls a script of the build context: its project installs are this RUN's."""
        words = [word for word in segment.split() if not word.startswith("-")]
        while words and words[0] in ("bash", "sh", "/bin/sh", "/bin/bash", "exec"):
            words = words[1:]
        if not words or not re.search(r"\.(?:sh|bash)$|^\.?/?bin/", words[0]):
            return
        path = _absolute(cwd, words[0])
        candidates = [words[0].removeprefix("./")]
        for item in stage.chain():
            for copy in item.copies:
                if copy.from_stage is None and path.startswith(copy.destination.rstrip("/") + "/"):
                    rest = path[len(copy.destination.rstrip("/")) + 1 :]
                    candidates += [posixpath.normpath(posixpath.join(source, rest)) for source in copy.sources]
        text = next((self.read_context(item) for item in candidates if self.read_context(item) is not None), None)
        for command, _ in package_commands(text or ""):
            if command.kind in ("project", "add"):
                present = stage.lockfiles | self._installed_lockfiles(stage, cwd)
                lockfile = _reads(command.manager, present, stage)
                others = () if lockfile else tuple(sorted(present))
                stage.installs.append(Install(command, line, cwd, lockfile, command.frozen, others))
                self.add_tree(command, stage, cwd)

    def _removed_lockfiles(self, stage: Stage, paths: list[str]) -> None:
        """``rm package-lock.json`` in the folder the context's root project was copied to: once every
        lockfile the context's root has is gone, the stage (and what copies it) holds none."""
        for folder in {posixpath.dirname(path) for path in paths}:
            if stage.manifests.get(folder) != "package.json":
                continue
            gone = {posixpath.basename(path) for path in paths if posixpath.dirname(path) == folder}
            present = [name for name in LOCKFILES if self.has_context_file(name)]
            if present and all(name in gone for name in present):
                stage.lockfiles.clear()

    @staticmethod
    def _world_writable(stage: Stage, paths: list[str], flags: list[str], line: int) -> None:
        """``chmod 777`` of the app's folder: every user may replace the files in it, whoever owns them (a
        folder's write permission governs its entries), and with ``-R`` write the files already there.
        Recorded as owned by ``*``, any user; a folder of its own (uploads, logs) is not the app's."""
        recursive = any(flag == "--recursive" or (not flag.startswith("--") and "R" in flag) for flag in flags)
        for path in paths:
            path = path.rstrip("/") or "/"
            app_folder = path in (stage.workdir.rstrip("/") or "/", *stage.app_paths)
            inside = recursive and any(
                item == path or item.startswith(path.rstrip("/") + "/") for item in stage.app_paths
            )
            if app_folder or inside:
                stage.owners.append(("*", line, path))
                break

    def _steps(self, stage: Stage, text: str, line: int) -> None:
        """The RUN's simple commands in order: installs, moves and removals of trees, ownership."""
        cwd = stage.workdir
        tested: str | None = None  # inside the `then` branch of a test that this lockfile exists
        branches = _Branches()
        for segment in shell_segments(text):
            keyword = segment.split(maxsplit=1)[0]
            if keyword in ("if", "elif"):
                test = _FILE_TEST.match(segment)
                tested = test.group(1) if test and test.group(1) in LOCKFILES else None
                present = stage.lockfiles | self._installed_lockfiles(stage, _project_root(stage, cwd))
                branches.test(keyword, tested, None if "*" in present else present)
            elif keyword in ("else", "fi"):
                tested = None
                branches.test(keyword, None, None)
            if branches.dead:
                continue  # a branch of a lockfile test that cannot run with the lockfiles the stage holds
            command = classify(segment)
            if command is None:
                self._script(stage, segment, cwd, line)
            if command is not None:
                folder = _absolute(cwd, command.prefix) if command.prefix else _project_root(stage, cwd)
                frozen = command.frozen and (
                    command.manager != "yarn" or self.yarn_berry or "--immutable" in command.text
                )
                held = stage.lockfiles
                if command.manager == "npm" and command.prefix and folder != _project_root(stage, cwd):
                    held = self._lockfiles_at(stage, folder)
                present = held | self._installed_lockfiles(stage, folder) | ({tested} if tested else set())
                lockfile = _reads(command.manager, present, stage)
                others = () if lockfile else tuple(sorted(present))
                stage.installs.append(Install(command, line, folder, lockfile, frozen, others))
                tree = (
                    command.kind == "add" or (command.kind == "project" and not _no_manifest_yet(stage))
                ) and self.add_tree(command, stage, folder)
                if tree and folder in stage.manifests:
                    stage.tree_manifests[posixpath.join(folder, "node_modules")] = stage.manifests[folder]
                continue
            try:
                words = shlex.split(segment)
            except ValueError:
                words = segment.split()
            if not words:
                continue
            if words[0] == "cd" and len(words) >= 2:
                cwd = _absolute(cwd, words[1])
                continue
            if words[0] in ("adduser", "useradd") and not words[-1].startswith("-"):
                uid = re.search(r"(?:^|\s)(?:-u|--uid)[=\s]+(\d+)", segment)
                if uid:
                    stage.uids[words[-1]] = uid.group(1)
            operands = [word for word in words[1:] if not word.startswith("-")]
            flags = [word for word in words[1:] if word.startswith("-")]
            if words[0] in ("mv", "cp") and len(operands) == 2:
                source, target = (_absolute(cwd, operand) for operand in operands)
                if source in stage.trees:
                    if operands[1].endswith("/") or target == "/":
                        target = posixpath.join(target, posixpath.basename(source))
                    if words[0] == "mv":
                        stage.trees.discard(source)
                    stage.trees.add(target)
            elif words[0] == "rm":
                for operand in operands:
                    stage.trees.discard(_absolute(cwd, operand))
                self._removed_lockfiles(stage, [_absolute(cwd, operand) for operand in operands])
            elif words[0] == "chmod" and len(operands) >= 2 and _others_write(operands[0]):
                self._world_writable(stage, [_absolute(cwd, operand) for operand in operands[1:]], flags, line)
            elif words[0] == "chown" and operands:
                # `chown user /app` (not recursive) gives the folder: its owner may delete and replace the
                # root-owned entries in it (no sticky bit), as with `chmod 777` of the folder
                recursive = any(flag == "--recursive" or "R" in flag for flag in flags)
                owner = operands[0].split(":")[0]
                for operand in operands[1:]:
                    path = _absolute(cwd, operand).rstrip("/") or "/"
                    inside = [item for item in stage.app_paths if item == path or item.startswith(path + "/")]
                    if owner and (inside or (recursive and path == "/")):
                        stage.owners.append((owner, line, path))
                        break


class _Branches:
    """Which branch of ``if [ -f yarn.lock ]; then ...; elif [ -f pnpm-lock.yaml ]; then ...; fi`` runs.

    The shell runs the first branch whose test holds: with the lockfiles a stage holds known, a branch
    whose lockfile is not there, or that follows a branch whose lockfile is, never runs (Next.js's
    with-docker Dockerfile tests yarn.lock, package-lock.json and pnpm-lock.yaml in turn and adds pnpm
    only in the last branch). Any other test leaves every branch possible."""

    def __init__(self) -> None:
        self._chains: list[tuple[bool, bool]] = []  # per open `if`: (an earlier branch surely runs, this one cannot)

    @property
    def dead(self) -> bool:
        return any(dead for _, dead in self._chains)

    def test(self, keyword: str, lockfile: str | None, present: set[str] | None) -> None:
        """An ``if``/``elif`` testing ``lockfile`` (None: another test), ``else`` or ``fi``; ``present``:
        the lockfiles the stage holds, None when unknown."""
        if keyword == "fi":
            if self._chains:
                self._chains.pop()
            return
        if keyword == "if":
            self._chains.append((False, False))
        elif not self._chains:
            return
        taken, _ = self._chains[-1]
        if keyword == "else":
            self._chains[-1] = (taken, taken)
            return
        decided = lockfile is not None and present is not None
        dead = taken or (decided and lockfile not in present)
        self._chains[-1] = (taken or (decided and lockfile in present), dead)


# the lockfiles each manager installs from (checked with npm 11, yarn 1.22.22 and 4.18.1, pnpm 10.34.8: none
# reads another manager's, except npm, which installs what a yarn.lock pins); bun's, unchecked, reads any
_READS = {
    "npm": frozenset({"package-lock.json", "npm-shrinkwrap.json", "yarn.lock"}),
    "yarn": frozenset({"yarn.lock"}),
    "pnpm": frozenset({"pnpm-lock.yaml"}),
}


def _reads(manager: str, lockfiles: set[str], stage: Stage | None = None) -> bool:
    """Does ``manager`` find a lockfile it installs from among ``lockfiles`` ("*": one of unknown kind)?
    npm reads a yarn.lock from npm 7 on: not the npm 6 of node's official images up to node 14, and only
    yarn 1's format, not the yarn.lock of yarn 2+ the stage copied."""
    if "*" in lockfiles or manager not in _READS:
        return bool(lockfiles)
    reads = _READS[manager]
    if manager == "npm" and stage is not None and (_npm_6(stage) or any(s.yarn_lock_berry for s in stage.chain())):
        reads = reads - {"yarn.lock"}
    return bool(reads & lockfiles)


def yarn_berry_lockfile(text: str | None) -> bool:
    """Is this yarn.lock written by yarn 2+ (a ``__metadata`` block, ``name@npm:range`` keys) rather than
    yarn 1 (``# yarn lockfile v1``)? npm parses only yarn 1's format: with a yarn 2+ lockfile npm 11.19.1
    resolves every package afresh (checked: 89 of 198 packages took versions other than those pinned)."""
    if not text:
        return False
    head = text[:2000]
    return "# yarn lockfile v1" not in head and re.search(r"^__metadata:", head, re.M) is not None


def reads_lockfile(manager: str, lockfiles: set[str], stage: Stage | None = None) -> bool:
    """Does ``manager``, run in ``stage``, find a lockfile it installs from among ``lockfiles``?"""
    return _reads(manager, lockfiles, stage)


def _npm_6(stage: Stage) -> bool:
    """Does the stage run the npm that node's official image up to node 14 bundles (npm 6), no other npm
    installed over it before (`npm install -g npm@...`)?"""
    from nmdoctor.docker.node_image import node_of_image  # node_image reads Dockerfiles with this module

    version = node_of_image(stage.chain()[-1].base)
    if version is None or version.major > 14:
        return False
    installs = [install for item in stage.chain() for install in item.installs]
    return not any(
        install.command.kind == "global" and any(name.split("@", 1)[0] == "npm" for name in install.command.names)
        for install in installs
    )


def _others_write(mode: str) -> bool:
    """Does a chmod mode give write permission to every user (``777``, ``0666``, ``o+w``, ``a+rwX``)?
    A symbolic clause without ``o`` or ``a`` (``+w``) is masked by the umask (022) for others."""
    if re.fullmatch(r"[0-7]{1,4}", mode):
        return int(mode[-1]) & 2 != 0
    for clause in mode.split(","):
        who = re.match(r"[ugoa]*", clause)
        if who and re.search(r"[oa]", who.group(0)) and re.search(r"[+=][rwxXst]*w", clause[who.end() :]):
            return True
    return False


# a RUN that may write a package.json (or bring one in) before an install reads it
_MAY_WRITE_FILES = re.compile(
    r"--mount=\S*type=bind|package\.json|>|\b(?:git|curl|wget|tar|unzip|cp|mv|ln|echo|printf|cat|tee|init|create|"
    r"dlx|npx|bunx|degit|sed)\b"
)


def _no_manifest_yet(stage: Stage) -> bool:
    """Does a project install run where the image can hold no package.json: the stage chain starts from
    node's official image (none in its folders an app uses), has copied nothing in yet, and ran nothing
    that may write one? Such an install installs no packages: npm 6 (node 14's) writes only an empty
    package-lock.json, npm 11.19.1 stops with ENOENT (both checked), pnpm, yarn and bun stop for want of a
    package.json. The node_modules it would leave is not there for a volume to be filled from."""
    chain = stage.chain()
    if not stage.node_base or any(item.copies for item in chain):
        return False
    return not any(_MAY_WRITE_FILES.search(text) for item in chain for text, _ in item.runs)


def _project_root(stage: Stage, cwd: str) -> str:
    """Where a manager installs when run in ``cwd``: the nearest folder up holding a package.json
    (npm, yarn and pnpm look upward for it); ``cwd`` when the image has none above it."""
    folder = cwd
    while True:
        if folder in stage.manifests:
            return folder
        if folder == "/":
            return cwd
        folder = posixpath.dirname(folder)


_HEREDOC = re.compile(r"<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\2")
_SHELLS = re.compile(r"^(?:(?:/usr)?/bin/)?(?:sh|bash|ash|dash|zsh)(?:\s+-[A-Za-z]+)*$")


def _instructions(structure: list[dict]) -> Iterator[tuple[str, str, int]]:
    """(instruction, value, line) of each instruction, heredocs (``RUN <<EOF`` ... ``EOF``) folded in.

    dockerfile-parse reads a heredoc's body lines as instructions of their own (a ``user nginx;`` line
    of a config file would be a USER). A RUN's body, when a shell runs it, is the RUN's script; any
    other body (a file a COPY writes, a python script) is dropped."""
    index = 0
    while index < len(structure):
        item = structure[index]
        instruction, value, line = item["instruction"].upper(), item["value"], item["startline"] + 1
        index += 1
        markers = list(_HEREDOC.finditer(value)) if instruction in ("RUN", "COPY", "ADD") else []
        if not markers:
            yield instruction, value, line
            continue
        bodies: list[str] = []
        for marker in markers:
            body: list[str] = []
            while index < len(structure):
                lines = structure[index]["content"].splitlines()
                index += 1
                end = next((n for n, text in enumerate(lines) if text.strip() == marker.group(3)), None)
                body += lines if end is None else lines[:end]
                if end is not None:
                    break
            bodies.append("\n".join(body))
        command = _HEREDOC.sub("", value).strip()
        shell = re.sub(r"^(?:\s*--[a-z]+=\S+)+\s*", "", command)
        if instruction == "RUN" and (shell == "" or _SHELLS.match(shell)):
            yield instruction, f"{command[: len(command) - len(shell)]}\n" + "\n".join(bodies), line
        elif instruction == "RUN":
            yield instruction, command, line  # the bodies are its input: a file (`cat <<EOF > f`), a script
        else:
            yield instruction, command, line


def parse_dockerfile(
    text: str,
    has_context_file: Callable[[str], bool] | None = None,
    yarn_berry: bool = False,
    has_context_dir: Callable[[str], bool] | None = None,
    read_context: Callable[[str], str | None] | None = None,
    plug_n_play: bool = False,
    image_stage: Callable[[str], Stage | None] | None = None,
    build_args: dict[str, str] | None = None,
) -> list[Stage]:
    """The stages of a Dockerfile; ``has_context_file(path)`` and ``has_context_dir(path)`` say what
    the build context holds; ``yarn_berry``, whether its yarn is 2+ (where --frozen-lockfile refuses to run without a
    lockfile, as --immutable does, while yarn 1 resolves afresh); ``plug_n_play``, whether the context's yarn
    links with Plug'n'Play (its yarn installs then write no node_modules, unless the Dockerfile names another
    linker); ``image_stage(name)``, the stage that builds an image the project names (a compose service's
    ``image:`` with its ``build:``), which a ``FROM name`` then starts from; ``build_args``, the values the
    build is given (`--build-arg`, a compose service's ``build.args``), which override an ARG's default."""
    builder = _Builder(
        has_context_file or (lambda _name: False),
        has_context_dir or (lambda _name: True),
        yarn_berry,
        read_context or (lambda _name: None),
        plug_n_play and re.search(r"nodeLinker|NODE_LINKER", text, re.IGNORECASE) is None,
        image_stage or (lambda _name: None),
    )
    builder.build_args = dict(build_args or {})
    # BuildKit's parser strips a UTF-8 byte order mark from the first line (parser.go, `utf8bom`)
    parser = DockerfileParser(fileobj=io.BytesIO(text.removeprefix("\ufeff").encode()))
    for instruction, value, line in _instructions(parser.structure):
        stage = builder.stages[-1] if builder.stages else None
        if instruction == "ARG":
            for word in _words(value):
                name, has_value, default = word.partition("=")
                given = builder.build_args.get(name)
                if stage is None:
                    builder.global_args[name] = default if given is None else given
                    if not has_value and given is None:
                        builder.unset_args.add(name)
                elif given is not None:
                    builder.args[name] = given
                else:
                    builder.args[name] = default if has_value else builder.global_args.get(name, "")
            continue
        if instruction == "FROM":
            builder.start(value, line)
            continue
        if stage is None:
            continue
        variables = builder.variables(stage)
        if instruction == "WORKDIR":
            stage.workdir = _absolute(stage.workdir, expand(value.strip(), variables))
        elif instruction == "USER":
            stage.user = expand(value.strip(), variables)
        elif instruction == "ENV":
            for name, assigned in _assignments(value).items():
                stage.env[name] = expand(assigned, variables)
        elif instruction in ("COPY", "ADD"):
            builder.copy(stage, instruction, value, line)
        elif instruction == "RUN":
            builder.run(stage, value, line)
        elif instruction == "VOLUME":
            for path in _words(expand(value, variables)):
                stage.volumes.append((_absolute(stage.workdir, path), line))
        elif instruction == "ENTRYPOINT":
            stage.entrypoint, stage.entrypoint_line = _words(expand(value, variables)), line
            stage.cmd, stage.cmd_line = None, None  # ENTRYPOINT resets an inherited CMD
        elif instruction == "CMD":
            stage.cmd, stage.cmd_line = _words(value), line
    return builder.stages
