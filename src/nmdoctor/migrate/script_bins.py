"""Commands a package.json script runs that the target layout no longer links into ``node_modules/.bin``.

``npm run`` (and yarn's, and pnpm's) puts the ``node_modules/.bin`` of the package's folder and of
each folder above it on ``PATH``; a manager links there the executables (``bin``) of the packages it
places directly in that ``node_modules``. npm and yarn hoist transitive dependencies to the top, so
a script can run ``toolbin`` of a package it never declared; pnpm links only the package's own
dependencies (and what ``public-hoist-pattern`` hoists), and the script stops with ``sh: 1:
toolbin: not found`` (real npm 11.19.1 and yarn 1.22.22 run it, pnpm 10.34.8 does not).

Only commands certain to be one of those executables are judged: the first word of each command of
the script (after ``VAR=value`` assignments and ``cross-env``/``env``), a name some package of
today's tree provides as a ``bin``, visible from the script's folder today and not under the target.
``npx``/``pnpm dlx``-style runners are not followed: they fetch what is missing. Yarn berry runs a
script with the executables of the package's own dependencies only, whatever its linker (yarn 4.18.1
with node-modules: ``command not found: toolbin``, though ``node_modules/.bin`` holds it).
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity
from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.paths import manifest_file, relative
from nmdoctor.model.scripts import ASSIGNMENT, bins_of, simple_commands
from nmdoctor.sources.config_refs import json_string_position
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["bins_of", "unlinked_script_bins"]

_WRAPPERS = frozenset({"cross-env", "cross-env-shell", "env"})
# Commands a script finds outside node_modules wherever it runs: node and the managers (the npm
# package ships `npm`/`npx`, semantic-release depends on it; the system's runs when no .bin links
# one), git, the shells and POSIX utilities.
_SYSTEM_COMMANDS = frozenset(
    {
        "node", "npm", "npx", "yarn", "yarnpkg", "pnpm", "pnpx", "corepack", "bun", "bunx", "git", "sh",
        "bash", "zsh", "cd", "cp", "mv", "rm", "ln", "ls", "mkdir", "rmdir", "touch", "cat", "echo", "printf",
        "test", "true", "false", "exit", "export", "chmod", "chown", "sed", "awk", "grep", "find", "xargs",
        "head", "tail", "sort", "uniq", "tee", "wc", "tr", "cut", "diff", "tar", "gzip", "curl", "wget",
        "make", "sleep", "kill", "which", "date", "pwd", "open", "exec", "eval", "set", "source", "time",
    }
)  # fmt: skip


def _commands(script: str) -> Iterator[str]:
    """The executable each simple command of ``script`` starts with (what the shell looks up), past
    ``VAR=value`` assignments and the ``cross-env``/``env`` wrappers."""
    for words in simple_commands(script):
        while words and (ASSIGNMENT.match(words[0]) or words[0] in _WRAPPERS):
            words = words[1:]
        if words:
            yield words[0]


class _BinIndex:
    """Which executables each folder's ``node_modules/.bin`` holds in one layout, and who provides them."""

    def __init__(self, graph: DependencyGraph) -> None:
        self.graph = graph
        self.linked: dict[str, dict[str, Instance]] = {}  # folder -> bin -> package placed in its node_modules
        for instance in graph.instances:
            bins = bins_of(instance)
            if not bins or instance.is_project or instance.is_workspace:
                continue
            for location in (instance.path, *instance.links):
                folder, marker, _ = location.rpartition("/node_modules/")
                if not marker:
                    continue
                for name in bins:
                    self.linked.setdefault(folder, {}).setdefault(name, instance)

    def visible(self, owner: Instance, command: str) -> Instance | None:
        """The package whose ``command`` a script of ``owner`` finds on ``PATH``: with yarn berry, one
        of the packages ``owner`` declares (yarn 4.18.1 runs scripts with their executables alone,
        ``node_modules/.bin`` aside: `command not found`); otherwise the first ``node_modules/.bin``
        from its folder up to the project that links it."""
        if self.graph.layout.startswith("yarn-berry"):
            for edge in self.graph.edges_from(owner):
                if edge.target is not None and command in bins_of(edge.target):
                    return edge.target
            return None
        top, folder = self.graph.project, owner.path
        while True:
            found = self.linked.get(folder, {}).get(command)
            if found is not None:
                return found
            if folder == top or not folder.startswith(top + "/"):
                return None
            folder = posixpath.dirname(folder)


def _same(graph: DependencyGraph, owner: Instance) -> Instance:
    """``owner`` (the project or a workspace) as ``graph`` holds it."""
    return next((item for item in graph.roots if item.path == owner.path), owner)


def unlinked_script_bins(
    today: DependencyGraph, planned: DependencyGraph, fs: FileSystem, layout: str
) -> list[Finding]:
    """An error per script command that finds a package's executable today and none under the target."""
    before, after = _BinIndex(today), _BinIndex(planned)
    provided = {name for instance in today.instances for name in bins_of(instance)}
    findings = []
    for owner in today.roots:
        scripts = scripts_of(owner.manifest.raw)
        if not scripts:
            continue
        file = manifest_file(today, owner.path)
        text: bytes | None = None
        for script, command_line in scripts.items():
            if script.startswith("//"):
                continue  # a comment kept among the scripts ("// why": "..."): nobody runs it
            reported: set[str] = set()
            for command in _commands(command_line):
                if command in reported or command not in provided or "/" in command or command in _SYSTEM_COMMANDS:
                    continue
                source = before.visible(owner, command)
                if source is None or after.visible(_same(planned, owner), command) is not None:
                    continue
                declared = any(item.name == source.name for item in owner.manifest.declared(include_dev=True))
                if declared:
                    continue  # the target links a declared package's executables: not this question
                reported.add(command)
                if text is None:
                    try:
                        text = fs.read_bytes(f"{owner.path}/package.json")
                    except FileSystemError:
                        text = b""
                line, column = json_string_position(text, command_line, "scripts")
                findings.append(
                    Finding(
                        "script-command-not-linked",
                        Severity.ERROR,
                        f'under {layout}, the "{script}" script of `{owner.label}` runs `{command}`, which '
                        f"{source.label} provides and no node_modules/.bin on the script's PATH would link (the "
                        f"shell stops: `{command}: not found`); today it is linked from "
                        f"{relative(today, source.path)}, which {owner.name} does not declare",
                        PackageRef(owner.name, owner.version, relative(today, owner.path)),
                        request=command,
                        from_=file,
                        line=line or None,
                        column=column or None,
                        fix=f"add {json.dumps(source.name)}: {json.dumps('^' + source.version)} to devDependencies "
                        f"in {file} (it provides `{command}`)",
                    )
                )
    return findings
