"""A tool's config file that nothing here loads: the tool is in neither node_modules nor the
lockfile, and nothing the project runs names it. Its imports run only if someone brings the tool
(a config left behind when p5.js moved from eslint to oxlint): whether they fail is not in the files.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = [
    "config_of_absent_tool",
    "linted_only",
    "unloaded_setup_tests",
    "unrun_protractor_config",
    "unrun_rollup_config",
    "unrun_test_file",
    "unrun_webpack_config",
]

# config file name prefixes -> (the packages that load them, the command that runs the tool)
_CONFIGS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("eslint.config.", ".eslintrc."), ("eslint",), "eslint"),
    (("jest.config.",), ("jest", "jest-cli", "@jest/core"), "jest"),
    (("babel.config.", ".babelrc."), ("@babel/core", "babel-core", "next"), "babel"),
    (("prettier.config.", ".prettierrc."), ("prettier",), "prettier"),
    (("stylelint.config.", ".stylelintrc."), ("stylelint",), "stylelint"),
    (("rollup.config.",), ("rollup",), "rollup"),
    (("commitlint.config.", ".commitlintrc."), ("@commitlint/cli",), "commitlint"),
    (("playwright.config.",), ("@playwright/test", "playwright", "playwright-core"), "playwright"),
    (("karma.conf.",), ("karma",), "karma"),
    (("Gruntfile.", "gruntfile."), ("grunt", "grunt-cli"), "grunt"),
    (("gulpfile.", "Gulpfile."), ("gulp", "gulp-cli"), "gulp"),
    ((".mocharc.",), ("mocha",), "mocha"),
    (("lint-staged.config.", ".lintstagedrc."), ("lint-staged",), "lint-staged"),
    # read by the Vue editor extension's language server (Volar 1.x), which the extension bundles
    (("volar.config.",), ("@volar/vue-language-server", "@vue/language-server"), "vue-language-server"),
    (("cypress.config.",), ("cypress",), "cypress"),
)
# folders whose code only a tool loads: cypress/ (its support files, plugins and specs)
_TOOL_FOLDERS: tuple[tuple[str, tuple[str, ...], str], ...] = (("cypress", ("cypress",), "cypress"),)
_SCRIPT_SUFFIXES = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts")
# where a project runs its tools besides package.json scripts: git hooks and CI workflows
_RUNNER_FOLDERS = (".husky", ".github/workflows", ".circleci")
_RUNNER_FILES = ("lefthook.yml", "lefthook.yaml", ".pre-commit-config.yaml", "Makefile", ".gitlab-ci.yml")


# a webpack config by any name (webpack.config.js, aws-webpack.config.js, webpack.prod.config.js):
# only webpack (or rspack, which reads webpack's configs) loads it
_WEBPACK_LOADERS = ("webpack", "@rspack/core")


def _tool_of(file: str) -> tuple[tuple[str, ...], str] | None:
    base = posixpath.basename(file)
    if not base.endswith(_SCRIPT_SUFFIXES):
        return None
    if "webpack" in base and "config" in base:
        return _WEBPACK_LOADERS, "webpack"
    folders = file.split("/")[:-1]
    for folder, packages, command in _TOOL_FOLDERS:
        if folder in folders:
            return packages, command
    for prefixes, packages, command in _CONFIGS:
        if base.startswith(prefixes):
            return packages, command
    return None


def _scripts(instance: Instance | None) -> str:
    return "\n".join(scripts_of(instance.manifest.raw).values()) if instance is not None else ""


def _runner_texts(fs: FileSystem, folder: str) -> str:
    texts = []
    for name in _RUNNER_FILES:
        try:
            texts.append(fs.read_bytes(f"{folder}/{name}").decode("utf-8", "replace"))
        except FileSystemError:
            continue
    for sub in _RUNNER_FOLDERS:
        try:
            names = fs.listdir(f"{folder}/{sub}")
        except FileSystemError:
            continue
        for name in names:
            path = f"{folder}/{sub}/{name}"
            stat = fs.stat(path)
            if stat is None or stat.kind is not Kind.FILE:
                continue
            try:
                texts.append(fs.read_bytes(path).decode("utf-8", "replace"))
            except FileSystemError:
                continue
    return "\n".join(texts)


def config_of_absent_tool(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> str | None:
    """The tool (its command) whose config ``file`` is, when no package that loads it is in the
    graph and no script, git hook or CI workflow of the owner or the project runs it; else None."""
    tool = _tool_of(file)
    if tool is None:
        return None
    packages, command = tool
    if any(graph.instances_of(name) for name in packages):
        return None
    project = next((item for item in graph.instances if item.is_project), None)
    texts = "\n".join((_scripts(owner), _scripts(project), _runner_texts(fs, graph.project)))
    if owner.path != graph.project:
        texts += "\n" + _runner_texts(fs, owner.path)
    if re.search(rf"(?<![\w@/.-]){re.escape(command)}(?![\w-])", texts):
        return None  # run by npx/dlx or a global install: the tool comes, the config's imports must resolve
    return command


# what runs a webpack config found by its default name: webpack's CLIs (and what the project declares
# of them); a build wrapper (react-scripts, vue-cli, @rails/webpacker) builds its own config instead
_WEBPACK_RUNNERS = ("webpack", "webpack-cli", "webpack-dev-server", "webpack-command", "@rspack/cli", "@rspack/core")
_SOURCE_SUFFIXES = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".json")


def unrun_webpack_config(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """Whether nothing here runs webpack with ``file``, a webpack config at the top of ``owner``:
    neither ``owner`` nor the project declares a webpack CLI (react-app-rewired and create-react-app run webpack with a
    config they build, and never read webpack.config.js), no script, git hook or CI workflow of the
    owner or the project runs webpack or names the file, and no other file at the top of ``owner``
    or in its config folders requires it (a storybook or karma config that reuses it)."""
    if posixpath.dirname(file) != owner.path or not posixpath.basename(file).startswith("webpack"):
        return False
    project = next((item for item in graph.instances if item.is_project), None)
    declared = {item.name for item in owner.manifest.declared(include_dev=True)}
    if project is not None:  # a monorepo root's webpack CLI runs in its workspaces too
        declared |= {item.name for item in project.manifest.declared(include_dev=True)}
    if declared & set(_WEBPACK_RUNNERS):
        return False
    texts = "\n".join((_scripts(owner), _scripts(project), _runner_texts(fs, graph.project)))
    stem = posixpath.basename(file).rsplit(".", 1)[0]
    if re.search(r"(?<![\w@/.-])(?:webpack|webpack-cli|webpack-dev-server)(?![\w.-])", texts) or stem in texts:
        return False
    return not _required_elsewhere(fs, owner.path, file, stem)


def _required_elsewhere(fs: FileSystem, folder: str, file: str, stem: str) -> bool:
    needle = stem.encode()
    subs = ("", "config", "configs", "build", "scripts", ".storybook", "test", "tests")
    return any(needle in text for text in _texts_near(fs, folder, file, subs))


def _texts_near(fs: FileSystem, folder: str, file: str, subs: tuple[str, ...]) -> Iterator[bytes]:
    """The bytes of each source file at the top of ``folder`` and of its ``subs`` folders, other
    than ``file``, read one at a time (a caller that finds what it looks for stops the reading)."""
    for sub in subs:
        where = f"{folder}/{sub}" if sub else folder
        try:
            names = fs.listdir(where)
        except FileSystemError:
            continue
        for name in names:
            path = f"{where}/{name}"
            if path == file or not name.endswith(_SOURCE_SUFFIXES):
                continue
            try:
                yield fs.read_bytes(path)
            except FileSystemError:
                continue


# what runs test files: the runners' packages, their commands, and their config files' prefixes
_TEST_RUNNERS = (
    "jest",
    "jest-cli",
    "@jest/core",
    "vitest",
    "mocha",
    "ava",
    "tap",
    "jasmine",
    "karma",
    "react-scripts",
    "@playwright/test",
    "uvu",
    "@rstest/core",
    "@web/test-runner",
    "cypress",
    "@angular/cli",
    "@angular-devkit/build-angular",
    "react-app-rewired",
    "@craco/craco",
    "bun-types",
    "@types/bun",
    "node-qunit-puppeteer",
    "qunit",
    "testem",
    "ember-cli",
)
_TEST_COMMANDS = re.compile(
    r"(?<![\w@/.-])(?:jest|vitest|mocha|ava|tap|jasmine|karma|react-scripts|react-app-rewired|craco|playwright|uvu"
    r"|rstest|wtr|web-test-runner|cypress|ng|qunit|testem|ember)(?![\w-])|node\s+(?:[^\n]*\s)?--test\b|\bbun\s+test\b"
)
_TEST_CONFIGS = (
    "jest.config.",
    "vitest.config.",
    "vitest.workspace.",
    "vite.config.",
    "karma.conf.",
    ".mocharc.",
    "playwright.config.",
    "ava.config.",
    ".taprc",
    "rstest.config.",
    "web-test-runner.config.",
    "cypress.config.",
)
_TEST_NAME = re.compile(r"(?:\.(?:test|spec)\.[cm]?[jt]sx?$|^setupTests\.[cm]?[jt]sx?$)")


def unrun_test_file(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """Whether ``file`` is a test file (``*.test.js``, ``*.spec.ts``, create-react-app's
    ``setupTests.js``) of a workspace that nothing here tests: neither the workspace nor the project
    declares a test runner (or a build wrapper that runs tests, react-scripts), no script, git hook or
    CI workflow of either runs one, and no runner config sits in the workspace (an example copied
    from create-react-app without its test setup: rspack's cra example). Nothing loads the file."""
    if owner.is_project or _TEST_NAME.search(posixpath.basename(file)) is None:
        return False
    project = next((item for item in graph.instances if item.is_project), None)
    for instance in (owner, project):
        if instance is None:
            continue
        declared = {item.name for item in instance.manifest.declared(include_dev=True)}
        if declared.intersection(_TEST_RUNNERS):
            return False
    try:
        names = fs.listdir(owner.path)
    except FileSystemError:
        return False
    if any(name.startswith(_TEST_CONFIGS) for name in names):
        return False
    texts = "\n".join(
        (_scripts(owner), _scripts(project), _runner_texts(fs, graph.project), _runner_texts(fs, owner.path))
    )
    return _TEST_COMMANDS.search(texts) is None and "test" not in scripts_of(owner.manifest.raw)


# create-react-app's test setup file, and the packages whose jest config loads it by that name
_SETUP_TESTS = re.compile(r"^setupTests\.[cm]?[jt]sx?$")
_CRA_RUNNERS = frozenset({"react-scripts", "react-app-rewired", "@craco/craco"})


def unloaded_setup_tests(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """Whether ``file`` is create-react-app's ``setupTests.js`` that nothing here loads: only the jest
    config of react-scripts (and of craco and react-app-rewired, which wrap it) loads it by that name;
    vitest and plain jest load a setup file only where their config names it (``setupFiles``). So
    when neither the owner nor the project declares one of those and no test config or package.json
    of either names ``setupTests``, the file never runs (react-icons' demos, moved from react-scripts
    to vitest with the file left in src/)."""
    if _SETUP_TESTS.match(posixpath.basename(file)) is None:
        return False
    project = next((item for item in graph.instances if item.is_project), None)
    folders = []
    for instance in (owner, project):
        if instance is None:
            continue
        if {item.name for item in instance.manifest.declared(include_dev=True)} & _CRA_RUNNERS:
            return False
        folders.append(instance.path)
    for folder in dict.fromkeys(folders):
        try:
            names = fs.listdir(folder)
        except FileSystemError:
            return False
        for name in names:
            if name == "package.json" or name.startswith(_TEST_CONFIGS):
                try:
                    text = fs.read_bytes(f"{folder}/{name}")
                except FileSystemError:
                    return False
                if b"setupTests" in text:
                    return False
    return True


# the Angular workspace files whose targets may name a protractor config (the builder
# `@angular-devkit/build-angular:protractor` with `protractorConfig`, nx's `@nx/angular:protractor`)
_ANGULAR_WORKSPACES = ("angular.json", ".angular.json", "angular-cli.json", ".angular-cli.json", "workspace.json")
_PROTRACTOR_COMMAND = re.compile(r"(?<![\w@/.-])protractor(?![\w-])")


def unrun_protractor_config(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """Whether ``file`` is a protractor config (``protractor.conf.js``) that nothing here loads: no
    Angular workspace file of the owner or the project names protractor (``ng e2e`` runs the e2e
    target's builder, and without such a target the Angular CLI stops before reading any config), no
    project.json beside the file's folders does, and no script, git hook or CI workflow runs the
    ``protractor`` command. An Angular app moved past protractor keeps ``e2e/protractor.conf.js``."""
    if not posixpath.basename(file).startswith("protractor") or not file.endswith(_SCRIPT_SUFFIXES):
        return False
    folders = dict.fromkeys((owner.path, graph.project))
    folder = posixpath.dirname(file)
    while folder.startswith(owner.path + "/"):
        folders[folder] = None
        folder = posixpath.dirname(folder)
    for where in folders:
        for name in (*_ANGULAR_WORKSPACES, "project.json"):
            try:
                if b"protractor" in fs.read_bytes(f"{where}/{name}"):
                    return False
            except FileSystemError:
                continue
    project = next((item for item in graph.instances if item.is_project), None)
    texts = "\n".join(
        (_scripts(owner), _scripts(project), _runner_texts(fs, graph.project), _runner_texts(fs, owner.path))
    )
    return _PROTRACTOR_COMMAND.search(texts) is None


_ROLLUP_COMMAND = re.compile(r"(?<![\w@/.-])rollup(?![\w.-])")


def unrun_rollup_config(fs: FileSystem, graph: DependencyGraph, owner: Instance, file: str) -> bool:
    """Whether nothing here runs rollup with ``file``, a rollup config at the top of ``owner``: only
    rollup's CLI reads a config file (`rollup -c`; the JavaScript API takes its options as an
    object), no script, git hook or CI workflow of the owner or the project runs `rollup` or names
    the file, and no other file at the top of ``owner`` or in its config folders imports it (a
    config left behind when posthog-js's rrweb packages moved from rollup to vite, with rollup still
    in the tree for other packages). Only a `rollup` command runs a config file: a mention of
    its name elsewhere does not."""
    base = posixpath.basename(file)
    if posixpath.dirname(file) != owner.path or not base.startswith("rollup.config."):
        return False
    if not base.endswith(_SCRIPT_SUFFIXES):
        return False
    project = next((item for item in graph.instances if item.is_project), None)
    texts = "\n".join((_scripts(owner), _scripts(project), _runner_texts(fs, graph.project)))
    if owner.path != graph.project:
        texts += "\n" + _runner_texts(fs, owner.path)
    if _ROLLUP_COMMAND.search(texts):
        return False
    # a file that names the config may import it, and a build script may spawn `rollup -c`; a comment
    # that names it (posthog-js's CI workflow: "see rollup.config.js") runs nothing
    return not _required_elsewhere(fs, owner.path, file, base.rsplit(".", 1)[0]) and not _mentions(
        fs, owner.path, file, _ROLLUP_SPAWN
    )


_ROLLUP_SPAWN = re.compile(rb"(?<![\w@/.-])rollup\s+(?:-c|--config)\b")


def _mentions(fs: FileSystem, folder: str, file: str, pattern: re.Pattern[bytes]) -> bool:
    """Does a source file at the top of ``folder`` or in its config folders, other than ``file``,
    match ``pattern``?"""
    subs = ("", "config", "configs", "build", "scripts", "tools")
    return any(pattern.search(text) for text in _texts_near(fs, folder, file, subs))


# linters and formatters: they parse the files they are given and never load their imports
_LINTERS = ("eslint", "prettier", "oxlint", "biome", "stylelint", "dprint")
_LINT_COMMAND = re.compile(
    r"^\s*(?:(?:npx|bunx|yarn|pnpm(?:\s+exec)?|npm\s+exec)\s+)?(" + "|".join(_LINTERS) + r")(?![\w-])"
)
_ENTRY_FIELDS = ("main", "module", "exports", "bin", "browser")


def linted_only(graph: DependencyGraph, owner: Instance, file: str) -> str | None:
    """The linter that is all a private workspace package runs, when ``file`` is one of its code
    files, not a config: every script of the package runs a linter or formatter, and the package
    has no entry point (`main`, `module`, `exports`, `bin`, `browser`) through which others load
    it, and no package of the graph depends on it. Nothing here runs the file; the linter reads it
    as text (graphql-eslint's example workspaces, whose only script is `eslint --cache .`). None
    otherwise."""
    if owner.is_project or owner.path == graph.project:
        return None
    raw = owner.manifest.raw
    if raw.get("private") is not True or any(field in raw for field in _ENTRY_FIELDS):
        return None
    if any(edge.target is owner for edge in graph.edges):
        return None  # another package depends on it: node and bundlers load its index without a `main`
    base = posixpath.basename(file)
    if base.startswith(".") or "config" in base or _tool_of(file) is not None:
        return None  # a config file: the linter (or its plugins: graphql.config.ts) loads it
    scripts = scripts_of(raw)
    linters: list[str] = []
    for command in scripts.values():
        for part in re.split(r"&&|\|\||;", command):
            match = _LINT_COMMAND.match(part)
            if match is None:
                return None
            linters.append(match.group(1))
    return linters[0] if linters else None
