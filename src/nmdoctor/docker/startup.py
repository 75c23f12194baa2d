"""What a container does to node_modules when it starts: entrypoint scripts and start commands.

Finds the scripts a service or image starts (compose ``entrypoint:``/``command:``, the image's
``ENTRYPOINT``/``CMD``, and the scripts those call), the steps in them that install or restore
node_modules, and the guard each step runs under: none (every start), a test that records nothing
(the folder exists, is non-empty, a marker file), or a test keyed on the lockfile (a hash).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from nmdoctor.docker.commands import package_commands, shell_segments
from nmdoctor.docker.compose import Mount
from nmdoctor.docker.dockerfile import Copy, Stage
from nmdoctor.docker.project import read_text
from nmdoctor.vfs.base import FileSystem

__all__ = ["Script", "Step", "logical_lines", "script_steps", "start_scripts"]

_RESTORE = re.compile(r"^\s*(?:cp|rsync|mv|tar|ln)\b[^\n]*node_modules")
_SHELLS = ("sh", "bash", "ash", "dash", "zsh", "/bin/sh", "/bin/bash", "/bin/ash", "/usr/bin/env")
_SYNC = re.compile(r"\bvolume-sync\b")
_KEYED = re.compile(
    r"sha\d*sum|md5sum|cksum|shasum|\bcmp\b|\bdiff\b|package-lock|pnpm-lock|yarn\.lock|shrinkwrap|\$\(cat\b|checksum|hash"
)
# `[ -f yarn.lock ]`: which manager to run, not what was installed (no comparison with the lockfile)
_LOCKFILE_EXISTS = re.compile(
    r"-[ef]\s+[\"']?[\w./${}-]*(?:package-lock\.json|pnpm-lock\.yaml|yarn\.lock|npm-shrinkwrap\.json|bun\.lockb?)[\"']?"
)
_IF = re.compile(r"^\s*(?:if|elif|while|until)\s+(.*?)(?:;\s*then|;\s*do)?\s*$")
_CASE_ARM = re.compile(r"^\(?[\w.*\"'|-]+\)\s+")  # `npm) npm install`: a case arm's pattern before its command
_INLINE_GUARD = re.compile(r"(\[\[?[^\]]*\]\]?|\btest\s[^&|;]*)\s*(?:&&|\|\|)")
# `CMD=${1:-"run"}`: a variable holding the script's first argument (the command it was started with)
_ARGUMENT = re.compile(r"^(?:export\s+|local\s+)?([A-Za-z_]\w*)=[\"']?\$\{?1(?::?-[\"']?([^}\"']*)[\"']?)?\}?[\"']?$")
# `[[ $CMD = "run" ]]`, `[ "$1" == install ]`: which command the script was started with
_DISPATCH = re.compile(r"^\[\[?\s*[\"']?\$\{?(\w+)\}?[\"']?\s*==?\s*[\"']?([\w.:/@-]+)[\"']?\s*\]\]?$")


@dataclass(frozen=True, slots=True)
class Script:
    path: str | None  # repository path; None for a command given inline
    text: str
    where: str  # how findings name it
    line_offset: int = 0  # for inline commands: the compose line
    args: tuple[str, ...] | None = None  # the arguments it is started with, None when unknown


@dataclass(frozen=True, slots=True)
class Step:
    kind: str  # "install", "restore", "sync"
    line: int  # of the step
    guard: str | None  # the test it runs under
    guard_line: int | None
    keyed: bool  # the guard compares something derived from the lockfile
    manager: str | None = None  # of an install: npm, yarn, pnpm or bun


def _lines(text: str) -> list[tuple[int, str]]:
    """Logical lines (continuations joined) with the number of their first physical line."""
    out: list[tuple[int, str]] = []
    pending, start = "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        if not pending:
            start = number
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1] + " "
            continue
        out.append((start, pending + raw))
        pending = ""
    if pending:
        out.append((start, pending))
    return out


def logical_lines(text: str) -> list[tuple[int, str]]:
    """Logical lines (continuations joined) with the number of their first physical line."""
    return _lines(text)


def _picks_manager(condition: str) -> bool:
    """``if [ -f yarn.lock ]``: a test of which lockfile the project has chooses the manager; the
    install under it is guarded by whatever encloses it, not by this test."""
    rest = _LOCKFILE_EXISTS.sub("", condition)
    return rest != condition and not re.sub(r"[\[\]!\s]|\btest\b", "", rest)


def _dispatch(condition: str, arguments: dict[str, str | None]) -> bool | None:
    """Does a test of the command the script was started with (``[[ $CMD = "run" ]]`` after
    ``CMD=${1:-"run"}``) hold? It picks what the script does, like a case arm, and records nothing
    about installed dependencies. None when ``condition`` is another test; False when the value it
    compares is unknown (no argument, no default), as nothing says that arm runs at start."""
    match = _DISPATCH.match(condition.strip().removesuffix("; then").removesuffix(";then").strip())
    if match is None or match.group(1) not in arguments:
        return None
    value = arguments[match.group(1)]
    return value is not None and value == match.group(2)


def script_steps(text: str, args: tuple[str, ...] | None = None) -> list[Step]:
    """The install/restore steps of a shell text and the guard of each; ``args``: the arguments the
    script is started with (None when unknown)."""
    steps: list[Step] = []
    stack: list[tuple[str, int]] = []
    compared = _LOCKFILE_EXISTS.sub("", text)
    first = args[0] if args else None
    arguments: dict[str, str | None] = {"1": first}
    for number, line in _lines(text):
        stripped = line.split("#", 1)[0].strip() if not line.strip().startswith("#!") else ""
        stripped = _CASE_ARM.sub("", stripped)
        if not stripped:
            continue
        assigned = _ARGUMENT.match(stripped)
        if assigned:
            arguments[assigned.group(1)] = first if first is not None else (assigned.group(2) or None)
        opened = _IF.match(stripped)
        if opened:
            if stripped.startswith("elif") and stack:
                stack.pop()
            stack.append((opened.group(1), number))
        elif re.match(r"^(fi|done)\b", stripped) and stack:
            stack.pop()
        kind, manager = None, None
        if _SYNC.search(stripped):
            kind = "sync"
        elif any(_RESTORE.search(segment) for segment in shell_segments(stripped)):
            kind = "restore"
        elif not opened:
            project = [command for command, _ in package_commands(stripped) if command.kind == "project"]
            if project:
                kind, manager = "install", project[0].manager
        if kind is None:
            continue
        inline = _INLINE_GUARD.search(stripped)
        dispatches = [_dispatch(item[0], arguments) for item in stack]
        if any(holds is False for holds in dispatches):
            continue  # the arm of another start command
        guards = [
            item for item, holds in zip(stack, dispatches, strict=True) if holds is None and not _picks_manager(item[0])
        ]
        guard, guard_line = (inline.group(1), number) if inline else (guards[-1] if guards else (None, None))
        keyed = bool(guard and (_KEYED.search(_LOCKFILE_EXISTS.sub("", guard)) or _KEYED.search(compared)))
        steps.append(Step(kind, number, guard, guard_line, keyed, manager))
    return steps


def _by_name(fs: FileSystem, name: str, folders: list[str]) -> str | None:
    for folder in folders:
        for candidate in (folder, f"{folder}/docker", f"{folder}/scripts", f"{folder}/.docker"):
            path = posixpath.normpath(f"{candidate}/{name}")
            if read_text(fs, path) is not None:
                return path
    return None


def _locate(
    fs: FileSystem, word: str, stage: Stage | None, mounts: list[Mount], compose_dir: str, context: str
) -> str | None:
    """The repository file a container path names, through a bind mount, a COPY, or its name."""
    if "/" in word and word.startswith("/"):
        for mount in sorted(mounts, key=lambda item: -len(item.target)):
            if mount.kind == "bind" and mount.source and (word == mount.target or word.startswith(mount.target + "/")):
                path = posixpath.normpath(f"{compose_dir}/{mount.source}/{word[len(mount.target) :]}")
                if read_text(fs, path) is not None:
                    return path
    for item in stage.chain() if stage else []:
        target = posixpath.normpath(posixpath.join(item.workdir, word))
        for copy in item.copies:
            renamed = _renamed_file(fs, copy, target, context)
            if renamed is not None:
                return renamed
            if copy.from_stage is None and (
                copy.destination == word or copy.destination == posixpath.dirname(word) or copy.destination == target
            ):
                for source in copy.sources:
                    path = posixpath.normpath(f"{context}/{source}")
                    if posixpath.basename(path) == posixpath.basename(word) and read_text(fs, path) is not None:
                        return path
            destination = copy.destination.rstrip("/")
            if copy.from_stage is None and target.startswith(destination + "/"):
                inside = target[len(destination) + 1 :]  # a folder copied whole: `COPY sandbox /grist/sandbox`
                for source in copy.sources:
                    path = posixpath.normpath(f"{context}/{source}/{inside}")
                    if read_text(fs, path) is not None:
                        return path
    found = _by_name(fs, posixpath.basename(word), [context, compose_dir])
    return found if found is not None else _from_stage(fs, word, stage, context)


def _renamed_file(fs: FileSystem, copy: Copy, target: str, context: str) -> str | None:
    """The context file a one-file ``COPY`` writes at exactly ``target`` under another name
    (``COPY docker-entrypoint.sh /entrypoint.sh``): with one source file and a destination without a
    trailing slash, Docker writes the file's contents at the destination path (Dockerfile reference,
    COPY); ``COPY docker-entrypoint.sh /entrypoint.sh/`` puts it inside a folder of that name instead."""
    if copy.from_stage is not None or copy.into_folder or len(copy.sources) != 1 or copy.destination != target:
        return None
    path = posixpath.normpath(f"{context}/{copy.sources[0]}")
    return path if read_text(fs, path) is not None else None


def _from_stage(fs: FileSystem, word: str, stage: Stage | None, context: str) -> str | None:
    """A script brought by ``COPY --from=<stage>``: the context file whose path is the longest tail of
    the source path (``/usr/src/app/install/docker/entrypoint.sh`` after ``COPY . /usr/src/app``)."""
    name = posixpath.basename(word)
    for item in stage.chain() if stage else []:
        for copy in item.copies:
            if copy.from_stage is None:
                continue
            for source in copy.sources:
                if posixpath.basename(source.rstrip("/")) != name:
                    continue
                parts = source.strip("/").split("/")
                for start in range(len(parts)):
                    path = posixpath.normpath(posixpath.join(context, *parts[start:]))
                    if read_text(fs, path) is not None:
                        return path
    return None


_INITS = ("tini", "dumb-init", "catatonit")


def _unwrapped(words: list[str]) -> list[str]:
    """``words`` without the init process that starts them (`tini --`, `dumb-init --` and their flags)."""
    start = 0
    while start < len(words) and posixpath.basename(words[start]) in _INITS:
        start += 1
        while start < len(words) and words[start].startswith("-"):
            start += 1
    return words[start:]


def start_scripts(
    fs: FileSystem,
    folder: str,
    words: list[str],
    stage: Stage | None,
    mounts: list[Mount],
    compose_dir: str,
    context: str,
) -> list[Script]:
    """The scripts ``words`` (an entrypoint plus command) run, one call deep, and ``words`` itself."""
    command = _unwrapped(words)
    started = {word: tuple(words[index + 1 :]) for index, word in enumerate(words)}
    inline = " ".join(command)
    if len(command) >= 3 and command[0] in _SHELLS and command[1] in ("-c", "-ec", "-lc", "-xc"):
        inline = command[2]
    scripts = [Script(None, inline, "")]
    seen: set[str] = set()
    queue = [word for word in words if word.endswith(".sh") or "entrypoint" in posixpath.basename(word)]
    queue += [item for word in words for item in re.findall(r"[\w./-]+\.sh\b", word) if item != word]
    depth = 0
    while queue and depth < 2:
        next_queue: list[str] = []
        for word in queue:
            path = _locate(fs, word, stage, mounts, compose_dir, context)
            if path is None or path in seen:
                continue
            seen.add(path)
            text = read_text(fs, path) or ""
            scripts.append(
                Script(path, text, posixpath.relpath(path, folder), args=started.get(word) if depth == 0 else None)
            )
            next_queue += [item for item in re.findall(r"[\w./-]+\.sh\b", text) if not item.startswith("-")]
        queue, depth = next_queue, depth + 1
    return scripts
