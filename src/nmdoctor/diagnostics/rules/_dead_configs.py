"""A tool's config file that nothing here loads: the tool is in neither node_modules nor the
lockfile, and nothing the project runs names it. Its imports run only if someone brings the tool
(a config left behind when p5.js moved from eslint to oxlint): whether they fail is not in the files.
"""

from __future__ import annotations

import posixpath
import re

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.model.manifest import scripts_of
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = ["config_of_absent_tool"]

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
)
_SCRIPT_SUFFIXES = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts")
# where a project runs its tools besides package.json scripts: git hooks and CI workflows
_RUNNER_FOLDERS = (".husky", ".github/workflows", ".circleci")
_RUNNER_FILES = ("lefthook.yml", "lefthook.yaml", ".pre-commit-config.yaml", "Makefile", ".gitlab-ci.yml")


def _tool_of(file: str) -> tuple[tuple[str, ...], str] | None:
    base = posixpath.basename(file)
    if not base.endswith(_SCRIPT_SUFFIXES):
        return None
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
