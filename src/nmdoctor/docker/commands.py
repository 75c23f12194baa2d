"""Package-manager commands inside shell text (Dockerfile RUN lines, entrypoint scripts).

Only what decides a node_modules hazard: which manager, whether the command installs the project's
lockfile-pinned tree, adds named packages, installs a global tool, or is no install at all.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

__all__ = [
    "PmCommand",
    "classify",
    "exact_version",
    "floating_install_scripts",
    "floating_managers",
    "package_commands",
    "shell_segments",
    "split_spec",
    "workspace_selection",
]

_SEPARATORS = re.compile(r"&&|\|\||;|\n|(?<!\|)\|(?!\|)")
_VALUE_OPTIONS = {
    "--prefix",
    "-C",
    "--dir",
    "--filter",
    "-F",
    "--cwd",
    "--network-timeout",
    "--registry",
    "--cache",
    "--cache-folder",
    "--mutex",
    "--modules-folder",
    "--allow-build",
}
_MANAGERS = ("npm", "pnpm", "yarn", "bun")
_EXACT = re.compile(r"^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$")


@dataclass(frozen=True, slots=True)
class PmCommand:
    manager: str  # npm, pnpm, yarn, bun, corepack
    kind: str  # "project" (installs the manifest's tree), "add" (named packages), "update", "global", "other"
    names: tuple[str, ...]  # package specs given on the command line
    frozen: bool  # npm ci, --frozen-lockfile, --immutable
    prefix: str | None  # npm --prefix / pnpm -C: the folder it installs in
    text: str


def _grouped(text: str) -> list[tuple[int, str, int]]:
    """Simple commands of a shell text, each with the subshells it opens before it and closes after it:
    `(cd /app; npm i); npm start` is `cd /app` opening one, `npm i` closing it, then `npm start`. A
    parenthesis is a subshell's only where it stands unmatched at the edge of a command, a closing one
    only inside a subshell (`$(...)`, `"(x)"` and a case pattern's `yarn)` are words)."""
    joined = text.replace("\\\n", " ")
    grouped: list[tuple[int, str, int]] = []
    depth = 0  # subshells open: a `)` closes one only inside one (`yarn)` of a case statement stays a word)
    for raw in _SEPARATORS.split(joined):
        segment = raw.strip()
        opens = closes = 0
        while segment.startswith("(") and not segment.startswith("(("):
            segment, opens = segment[1:].lstrip(), opens + 1
        depth += opens
        while depth and segment.endswith(")") and segment.count("(") < segment.count(")"):
            segment, closes, depth = segment[:-1].rstrip(), closes + 1, depth - 1
        if segment or opens or closes:
            grouped.append((opens, segment, closes))
    return grouped


def shell_segments(text: str) -> list[str]:
    """Simple commands of a shell text (continuations joined, split on && || ; | and newlines, the
    parentheses of a subshell around them dropped)."""
    return [segment for _, segment, _ in _grouped(text) if segment]


def _words(segment: str) -> list[str]:
    try:
        words = shlex.split(segment, comments=True)
    except ValueError:
        words = segment.split()
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        words = words[1:]  # leading VAR=value assignments
    while words and words[0] in ("sudo", "exec", "time", "then", "do", "else", "{", "(", "!"):
        words = words[1:]
    switched = _run_as(words)
    return _words(switched) if switched is not None else words


def _run_as(words: list[str]) -> str | None:
    """The command a user switch runs: `su node -c "npm i -g pnpm"` (also `su -c CMD USER`, `su -s SHELL
    -c CMD`), `gosu node CMD`, `su-exec node CMD`, `runuser -u node -- CMD`. It runs as that command does."""
    tool = words[0].rsplit("/", 1)[-1] if words else ""
    if tool == "su":
        for index, word in enumerate(words[1:-1], start=1):
            if word in ("-c", "--command"):
                return words[index + 1]
            if word.startswith("--command="):
                return word.partition("=")[2]
        return None
    if tool in ("gosu", "su-exec") and len(words) >= 3:
        return shlex.join(words[2:])
    if tool == "runuser" and len(words) >= 4 and words[1] == "-u":
        rest = words[3:]
        return shlex.join(rest[1:] if rest[:1] == ["--"] else rest) or None
    return None


def split_spec(spec: str) -> tuple[str, str]:
    """``name@version`` as (name, version): split at the last ``@`` past the first character
    (``@scope/name@^1``); a spec without a version gives ``""``."""
    at = spec.rfind("@")
    return (spec[:at], spec[at + 1 :]) if at > 0 else (spec, "")


def exact_version(spec: str) -> bool:
    """Is ``name@version`` pinned to one exact version?"""
    return bool(_EXACT.match(split_spec(spec)[1]))


def _split_options(words: list[str]) -> tuple[list[str], set[str], dict[str, str]]:
    positional: list[str] = []
    flags: set[str] = set()
    values: dict[str, str] = {}
    index = 0
    while index < len(words):
        word = words[index]
        if word.startswith("-"):
            name, _, value = word.partition("=")
            if value != "false":  # `--frozen-lockfile=false` turns the option off (pnpm 10.34.8, nopt's parsing)
                flags.add(name)
            if value:
                values[name] = value
            elif name in _VALUE_OPTIONS and index + 1 < len(words):
                values[name] = words[index + 1]
                index += 1
        else:
            positional.append(word)
        index += 1
    return positional, flags, values


def _combined_letters(flags: set[str]) -> set[str]:
    """npm reads one-letter flags written together as each of them: `npm install -gf yarn` is `-g -f`
    (npm 11.19.1: `npm config get global force -gf` prints global=true, force=true); `-dd` and `-ddd`
    are loglevels of their own."""
    return {
        f"-{letter}"
        for flag in flags
        if re.fullmatch(r"-[A-Za-z]{2,}", flag) and flag not in ("-dd", "-ddd")
        for letter in flag[1:]
    }


def _classify(words: list[str], text: str) -> PmCommand | None:
    if not words:
        return None
    tool = words[0].rsplit("/", 1)[-1]
    if tool == "corepack":
        return PmCommand("corepack", "other", tuple(words[1:]), False, None, text)
    if tool not in _MANAGERS:
        return None
    positional, flags, values = _split_options(words[1:])
    if tool == "npm":
        flags |= _combined_letters(flags)
    global_ = bool(flags & {"-g", "--global"}) or values.get("--location") == "global"
    verb = positional[0] if positional else ""
    rest = tuple(positional[1:])
    prefix = values.get("--prefix") or values.get("-C") or values.get("--dir") or values.get("--cwd")
    frozen = "--frozen-lockfile" in flags or "--immutable" in flags or verb == "ci"
    if tool == "npm":
        # npm has neither flag: npm 11.19.1 warns `Unknown cli config "--frozen-lockfile"` and installs as
        # `npm install` does, writing a new package-lock.json; only `npm ci` keeps to the lockfile
        frozen = verb in ("ci", "clean-install")
    if tool == "yarn":
        if verb == "global":
            return PmCommand(tool, "global", rest[1:] if rest[:1] == ("add",) else rest, False, prefix, text)
        if verb in ("", "install"):
            return PmCommand(tool, "project", (), frozen or "--pure-lockfile" in flags, prefix, text)
        if verb == "workspaces" and rest[:1] == ("focus",):
            return PmCommand(tool, "project", (), frozen, prefix, text)
        if verb == "add":
            return PmCommand(tool, "global" if global_ else "add", rest, False, prefix, text)
        if verb in ("upgrade", "up") and not global_:
            return PmCommand(tool, "update", rest, False, prefix, text)
        return PmCommand(tool, "other", rest, False, prefix, text)
    if verb in ("ci", "clean-install"):
        return PmCommand(tool, "project", (), True, prefix, text)
    if verb in ("install", "i", "add", "isntall", "in"):
        if global_:
            return PmCommand(tool, "global", rest, False, prefix, text)
        if rest:
            return PmCommand(tool, "add", rest, False, prefix, text)
        if verb == "add":
            return None
        return PmCommand(tool, "project", (), frozen, prefix, text)
    if verb in ("update", "up", "upgrade", "udpate") and not global_:
        # moves every dependency to the newest version its range allows, whatever the lockfile pins
        return PmCommand(tool, "update", rest, False, prefix, text)
    return PmCommand(tool, "other", rest, False, prefix, text)


def classify(segment: str) -> PmCommand | None:
    """The package-manager command one simple shell command is, if any."""
    return _classify(_words(segment), segment)


def workspace_selection(command: PmCommand) -> frozenset[str]:
    """The workspaces an install is limited to (``pnpm --filter a --filter b``, ``-F``, ``yarn
    workspaces focus a b``, ``npm -w a``); empty when it installs the whole project."""
    words = _words(command.text)
    selected: set[str] = set()
    for index, word in enumerate(words):
        name, _, value = word.partition("=")
        if name in ("--filter", "-F", "--workspace", "-w") and not value and index + 1 < len(words):
            value = words[index + 1]
        if name in ("--filter", "-F", "--workspace", "-w") and value and not value.startswith("-"):
            selected.add(value)
    if command.manager == "yarn" and words[1:3] == ["workspaces", "focus"]:
        selected.update(word for word in words[3:] if not word.startswith("-"))
    return frozenset(selected)


def package_commands(text: str) -> list[tuple[PmCommand, str | None]]:
    """Every package-manager command in ``text``, with the folder a preceding ``cd`` moved to."""
    found: list[tuple[PmCommand, str | None]] = []
    cwd: str | None = None
    outer: list[str | None] = []  # the folder each open subshell started in: a `cd` inside it ends with it
    for opens, segment, closes in _grouped(text):
        outer.extend([cwd] * opens)
        words = _words(segment) if segment else []
        if len(words) >= 2 and words[0] == "cd":
            cwd = words[1]
        elif words:
            command = _classify(words, segment)
            if command is not None:
                found.append((command, cwd))
        for _ in range(closes):
            if outer:
                cwd = outer.pop()
    return found


def _unpinned(spec: str) -> bool:
    """No version, or a dist-tag (`latest`, `next`): it moves across majors between builds. A
    version number or range (`pnpm@9`, `^9.1`) stays within the lockfile's major, and so does a
    tag of one major line (pnpm publishes `latest-10`, `next-10`)."""
    version = split_spec(spec)[1]
    return not version or not re.match(r"^[\^~=v]?\d|^[a-z]+-\d+$", version)


# `yarn set version berry`: yarn 4.18.1 resolves latest/berry/stable to the newest stable release and
# canary to the newest canary (its `set version` command); classic stays on 1.x, self on the running yarn
_YARN_MOVING_TAGS = ("latest", "berry", "stable", "canary")


def floating_managers(command: PmCommand) -> list[str]:
    """The package managers a command installs without a version or by a tag (`npm i -g pnpm`,
    `corepack prepare pnpm@latest`)."""
    if command.manager == "corepack" and command.names[:1] == ("prepare",):
        return [name for name in command.names[1:] if not name.startswith("-") and _unpinned(name)]
    if command.manager == "yarn" and command.kind == "other" and command.names[:1] == ("version",):
        words = _words(command.text)
        if words[1:3] == ["set", "version"] and command.names[1:2] in [(tag,) for tag in _YARN_MOVING_TAGS]:
            return [f"yarn@{command.names[1]}"]
    return [
        name
        for name in command.names
        if command.kind == "global" and split_spec(name)[0] in _MANAGERS and _unpinned(name)
    ]


# a manager's own install script piped to a shell, what pins its version, and the pinned form
_INSTALL_SCRIPTS = (
    (
        "bun",
        re.compile(r"bun\.sh/install\b"),
        re.compile(r"\bbun-v\d"),
        'curl -fsSL https://bun.sh/install | bash -s "bun-v<x.y.z>"`, or build FROM `oven/bun:<x.y.z>',
    ),
    (
        "pnpm",
        re.compile(r"get\.pnpm\.io/install\.sh\b"),
        re.compile(r"\bPNPM_VERSION=\s*[\"']?\d"),
        "curl -fsSL https://get.pnpm.io/install.sh | env PNPM_VERSION=<x.y.z> sh -",
    ),
    (
        # the standalone pnpm script, run by node, adding pnpm itself (`| node - add --global pnpm@7`)
        "pnpm",
        re.compile(r"get\.pnpm\.io/v[\d.]+\.js\b"),
        re.compile(r"\badd\s+(?:--global|-g)\s+pnpm@(?:[\^~=v]?\d|[a-z]+-\d+)"),
        "curl -fsSL https://get.pnpm.io/v6.16.js | node - add --global pnpm@<x.y.z>",
    ),
    (
        "yarn",
        re.compile(r"yarnpkg\.com/install\.sh\b"),
        re.compile(r"--version[=\s]+[\"']?\d"),
        "curl -o- -L https://yarnpkg.com/install.sh | bash -s -- --version <x.y.z>",
    ),
)
_PIPED = re.compile(r"\b(?:curl|wget)\b[^|;&\n]*\|[^;&\n]*")


def floating_install_scripts(text: str, env: dict[str, str]) -> list[tuple[str, str, str]]:
    """(pipeline, manager, pinned form) of each manager install script piped to a shell with no
    version (`curl -fsSL https://bun.sh/install | bash`); ``env`` may pin it (``PNPM_VERSION``)."""
    settings = " ".join(f"{name}={value}" for name, value in env.items())
    found = []
    for pipeline in _PIPED.findall(text.replace("\\\n", " ")):
        for manager, script, pinned, fix in _INSTALL_SCRIPTS:
            if script.search(pipeline) and not pinned.search(pipeline) and not pinned.search(settings):
                found.append((pipeline.strip(), manager, fix))
    return found
