"""Whether a workspace package's own babel config is read by any babel run.

babel takes its project-wide config (``babel.config.*``) from its root, the folder it runs from
(``cwd``, or the nearest one upward under ``rootMode: "upward"``), never from a folder below it,
and a ``.babelrc*`` only inside the package it runs from or one ``babelrcRoots`` names (checked
with @babel/core 7.29: ``loadPartialConfig({cwd: root, filename: 'examples/x/src/main.js'})``
loads the root's babel.config.js alone, and throws on examples/x/babel.config.js's missing preset
only with ``cwd: 'examples/x'``). A babel config of a workspace package is therefore read only by
a babel run started from that package: a tool among its own dependencies, one of its scripts, or a
jest project rooted there. When none can, nothing loads the file today (algolia/autocomplete's
examples/vue-instantsearch, built by vite, keeps the babel.config.js of its vue-cli days)."""

from __future__ import annotations

import json
import posixpath
import re
import shlex

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.model.paths import relative
from nmdoctor.project.resolution.jest import CONFIG_NAMES as JEST_CONFIGS
from nmdoctor.sources.config_refs import is_config_file
from nmdoctor.vfs.base import FileSystem, FileSystemError

__all__ = ["BABEL_CONFIG_READERS", "babel_config_unread"]

# What reads a project's babel config files (babel.config.*, .babelrc*, package.json "babel"): babel
# called without configFile: false. @vitejs/plugin-react, TanStack's router plugin, shadcn and
# eslint-plugin-react-hooks bring @babel/core and call it with their own options only.
BABEL_CONFIG_READERS = (
    "babel-loader",
    "@babel/cli",
    "@babel/register",
    "@babel/node",
    "@babel/eslint-parser",
    "babel-jest",
    "ts-jest",
    "babel-cli",
    "babel-register",
    "@rollup/plugin-babel",
    "rollup-plugin-babel",
    "vite-plugin-babel",
    "esbuild-plugin-babel",
    "metro-babel-transformer",
    "@react-native/metro-babel-transformer",
    "@expo/metro-config",
    "@parcel/transformer-babel",
    "babelify",
    "gulp-babel",
    "grunt-babel",
    "karma-babel-preprocessor",
    "next",
)
# the commands @babel/cli and @babel/node (and babel 6's babel-cli) install
_BABEL_COMMANDS = frozenset({"babel", "babel-node", "babel-external-helpers"})
_SEPARATORS = re.compile(r"&&|\|\||[;|&\n]")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
# words that start the command that follows them
_WRAPPERS = frozenset({"cross-env", "env", "npx", "nice", "time", "exec", "command", "dotenv"})
_MANAGERS = frozenset({"npm", "yarn", "pnpm", "bun"})
# what a manager runs that is not a command of this package's scripts
_MANAGER_SCRIPT_VERBS = frozenset({"run", "run-script", "test", "start", "workspace", "workspaces"})
_MANAGER_BIN_VERBS = frozenset({"exec", "dlx", "x"})
_READER_NAMED = re.compile(
    r"(?<![\w@/.-])(?:" + "|".join(re.escape(name) for name in BABEL_CONFIG_READERS) + r")(?![\w-])"
)


def _closure(graph: DependencyGraph, start: Instance) -> set[str]:
    """The names of the packages ``start`` depends on, at any depth."""
    names: set[str] = set()
    seen = {start.path}
    pending = [start]
    while pending:
        for edge in graph.edges_from(pending.pop()):
            target = edge.target
            if target is None or target.path in seen:
                continue
            seen.add(target.path)
            names.add(target.name)
            pending.append(target)
    return names


def _words(command: str) -> list[str]:
    try:
        return shlex.split(command)
    except ValueError:
        return command.split()


def _command_words(script: str) -> list[str]:
    """The first word of each command of ``script`` (past variable assignments, wrappers such as
    cross-env and npx, and a manager's ``exec``); a quoted argument holding a command of its own
    (``concurrently "babel src" "tsc"``) is read too. A manager's ``run X`` is left out: script
    X is read on its own."""
    found: list[str] = []
    for part in _SEPARATORS.split(script):
        words = _words(part)
        while words and (_ASSIGNMENT.match(words[0]) or words[0] in _WRAPPERS or words[0].startswith("-")):
            words.pop(0)
        if words and words[0] in _MANAGERS:
            verb = words[1] if len(words) > 1 else ""
            if verb in _MANAGER_SCRIPT_VERBS or not verb:
                words = []
            elif verb in _MANAGER_BIN_VERBS:
                words = words[2:]
            else:
                words = words[1:]  # `yarn babel ...`: a script of that name, or the command itself
        if words:
            found.append(posixpath.basename(words[0]))  # `node_modules/.bin/babel` is `babel`
        found.extend(word for argument in words[1:] if " " in argument for word in _command_words(argument))
    return found


def _scripts_run_babel(graph: DependencyGraph, owner: Instance, ignored: frozenset[str] = frozenset()) -> bool:
    """Does a script of ``owner`` run babel from its folder: babel's own commands, a reader named
    in the script (``node -r @babel/register``), or a command named like a package of the tree
    that brings a reader (``jest``: jest-config runs babel-jest)?"""
    raw = owner.manifest.raw
    scripts = raw.get("scripts") if isinstance(raw, dict) else None
    if not isinstance(scripts, dict):
        return False
    texts = [value for value in scripts.values() if isinstance(value, str)]
    if any(_READER_NAMED.search(text) for text in texts):
        return True
    for word in {word for text in texts for word in _command_words(text)}:
        if word in _BABEL_COMMANDS:
            return True
        for instance in graph.instances_of(word):
            if (word in BABEL_CONFIG_READERS and word not in ignored) or any(
                name in BABEL_CONFIG_READERS and name not in ignored for name in _closure(graph, instance)
            ):
                return True
    return False


def _project_configs(fs: FileSystem, folder: str) -> list[str]:
    try:
        names = fs.listdir(folder)
    except FileSystemError:
        return []
    return [f"{folder}/{name}" for name in names if is_config_file(name)]


def babel_config_unread(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """A ``babel.config.*`` or ``.babelrc*`` of a workspace package that no babel run reads. Asked
    when no jest config of the project names the package's folder (a jest project with that
    rootDir: babel-jest runs from there), for a .babelrc no babel.config of the project names
    babelrcRoots, none of the package's scripts runs babel, and nothing the package depends on, at
    any depth, reads babel's config files (postiz's apps/sdk, built by tsup, keeps a .babelrc)."""
    base = posixpath.basename(file)
    babelrc = base.startswith(".babelrc")
    if owner.is_project or not (babelrc or base.startswith("babel.config.")):
        return False
    where = relative(graph, owner.path).encode()
    jest_skips_babel = _jest_skips_babel(fs, owner)
    for name in _project_configs(fs, graph.project):
        config = posixpath.basename(name)
        if not config.startswith(("babel.config.", "jest.config.")):
            continue
        try:
            text = fs.read_bytes(name)
        except FileSystemError:
            return False
        # babelrcRoots, or a jest project whose rootDir is the package (babel-jest runs from there)
        if babelrc and b"babelrcRoots" in text:
            return False
        # a jest project rooted there runs with that folder's jest config: babel-jest unless it transforms without
        if config.startswith("jest.") and where in text and not jest_skips_babel:
            return False
    ignored: set[str] = set()  # readers that do not run babel here
    if jest_skips_babel:
        ignored |= _JEST_READERS
    if not _runs_metro(fs, owner):
        ignored |= _METRO_READERS
    if any(name in BABEL_CONFIG_READERS and name not in ignored for name in _closure(graph, owner)):
        return False
    return not _scripts_run_babel(graph, owner, frozenset(ignored))


# readers jest brings (jest-config's babel-jest; ts-jest with its babelConfig option)
_JEST_READERS = frozenset({"babel-jest", "ts-jest"})
# readers metro brings, which run only where the package is an app metro bundles
_METRO_READERS = frozenset({"metro-babel-transformer", "@react-native/metro-babel-transformer", "@expo/metro-config"})
_METRO_FILES = (
    "metro.config.js",
    "metro.config.cjs",
    "metro.config.mjs",
    "metro.config.ts",
    "app.json",
    "app.config.js",
)
_METRO_COMMANDS = re.compile(r"(?<![\w@/.-])(?:react-native|expo|metro)(?![\w-])")


def _jest_skips_babel(fs: FileSystem, owner: Instance) -> bool:
    """Whether the package's jest config sets ``transform`` without babel-jest and without ts-jest's
    ``babelConfig``: jest adds babel-jest only when no transform is set (wcpos's packages/hooks
    transforms with ts-jest alone), and its coverage instruments without the project's config."""
    texts = []
    for name in JEST_CONFIGS:
        try:
            texts.append(fs.read_bytes(f"{owner.path}/{name}").decode("utf-8", "replace"))
        except FileSystemError:
            continue
    raw = owner.manifest.raw
    if isinstance(raw, dict) and raw.get("jest") is not None:
        texts.append(json.dumps(raw.get("jest")))
    if len(texts) != 1:
        return False  # no jest config (jest's default transform is babel-jest), or more than one
    text = texts[0]
    return "transform" in text and "babel" not in text


def _runs_metro(fs: FileSystem, owner: Instance) -> bool:
    """Whether metro bundles the package: a metro or Expo app config beside it, or a script that
    runs react-native, expo or metro (a library's devDependency on react-native brings metro's
    babel readers without running them)."""
    if any(fs.stat(f"{owner.path}/{name}") is not None for name in _METRO_FILES):
        return True
    return any(_METRO_COMMANDS.search(text) for text in scripts_of(owner.manifest.raw).values())
