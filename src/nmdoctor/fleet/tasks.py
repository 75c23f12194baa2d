"""One repository in, table rows out: the lockfile model, ``check --lockfile`` and ``docker`` findings.

A task runs in a worker process (a pool's or a Dask worker's). It gets a ``RepoRef`` (a path, or a
git repository and a ref), reads what it needs itself, and returns plain rows; it never writes.
Anything that goes wrong while reading becomes the repository's ``error``: the fleet goes on.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any

from nmdoctor.diagnostics.config import ConfigError
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext, all_checks
from nmdoctor.docker.hazards import DockerInputError, docker_findings
from nmdoctor.docker.project import compose_files, dockerfile_names
from nmdoctor.fleet.gitfs import GitReadError, read_git_tree
from nmdoctor.fleet.sources import RepoRef, input_key
from nmdoctor.inspect.pnpm_config import package_extensions
from nmdoctor.inspect.tree import TreeError
from nmdoctor.linkers.pnpm import PnpmSettings
from nmdoctor.lockfiles import LockfileError
from nmdoctor.migrate import migrate
from nmdoctor.project.session import NoLockfile, Project
from nmdoctor.vfs import DiskFS, FileSystem, FileSystemError

__all__ = ["RepoResult", "Unchanged", "analyse", "preload", "run_task"]


@dataclass(slots=True)
class RepoResult:
    """The rows of one repository: one ``repos`` row, its ``packages`` and its ``findings``."""

    repo: dict[str, Any]
    packages: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)


def _relative(root: str, path: str) -> str:
    return "" if path == root else path.removeprefix(root + "/")


def _strip_root(root: str, message: str) -> str:
    """Error messages name files relative to the repository, the same for a checkout and for git."""
    return message.replace(root + "/", "").replace(root, ".")


def _workspace_of(roots: list[str], where: str | None) -> str:
    """The deepest workspace folder (``""`` for the root) that holds the file or package ``where``."""
    if not where:
        return ""
    best = ""
    for root in roots:
        if root and (where == root or where.startswith(root + "/")) and len(root) > len(best):
            best = root
    return best


def _finding_row(repository: str, tool: str, finding: Finding, roots: list[str]) -> dict[str, Any]:
    package = finding.package
    return {
        "repository": repository,
        "tool": tool,
        "workspace": _workspace_of(roots, finding.from_ or (package.path if package else None)),
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "package_name": package.name if package else None,
        "package_version": package.version if package else None,
        "package_path": package.path if package else None,
        "request": finding.request,
        "from": finding.from_,
        "fix": finding.fix,
        "line": finding.line,
        "column": finding.column,
    }


def _open(repo: RepoRef) -> tuple[FileSystem, str, str | None]:
    """The repository's files, the folder they sit at, and the commit (for git)."""
    if repo.ref is None:
        if not os.path.isdir(repo.location):
            raise FileSystemError(f"{repo.location}: not a directory")
        return DiskFS(), repo.location, None
    root = f"/{repo.name}"
    commit, fs = read_git_tree(repo.location, repo.ref, root)
    return fs, root, commit


def analyse(repo: RepoRef, key: str) -> RepoResult:
    """Every row of ``repo``; ``key`` (from ``input_key``) is recorded with them for resuming.

    It never raises for a repository's content: an unforeseen failure is the row's error too,
    so one odd repository cannot stop a run over thousands.
    """
    started = time.perf_counter()
    try:
        return _analyse(repo, key, started)
    except Exception as error:  # recorded as the repository's error, by design
        result = RepoResult(_empty_row(repo, key))
        result.repo.update(status="error", error=f"internal error: {type(error).__name__}: {error}")
        result.repo["seconds"] = time.perf_counter() - started
        return result


def _empty_row(repo: RepoRef, key: str) -> dict[str, Any]:
    return {
        "repository": repo.name,
        "location": repo.location,
        "source": repo.kind,
        "ref": repo.ref,
        "commit": None,
        "key": key,
        "manager": None,
        "lockfile": None,
        "lockfile_format": None,
        "layout": None,
        "packages": 0,
        "workspaces": 0,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
        "docker_findings": 0,
        "status": "ok",
        "error": None,
        "docker_error": None,
        "migrate_errors": 0,
        "migrate_warnings": 0,
        "migrate_error": None,
        "seconds": 0.0,
    }


def _analyse(repo: RepoRef, key: str, started: float) -> RepoResult:
    row = _empty_row(repo, key)
    result = RepoResult(row)
    try:
        fs, root, row["commit"] = _open(repo)
    except (GitReadError, FileSystemError) as error:
        row["status"] = "error"
        row["error"] = str(error)
        row["seconds"] = time.perf_counter() - started
        return result
    # The session `check --lockfile`, `ls --lockfile` and `migrate --lockfile` open (project/session.py).
    project = Project(root, fs, from_lockfile=True)
    try:
        graph = project.graph
        project.settings  # noqa: B018 - bad settings are the row's error, as `check` stops on them
    except NoLockfile:
        return _failed(result, root, "no lockfile", started)
    except (LockfileError, TreeError, ConfigError, FileSystemError) as error:
        return _failed(result, root, str(error), started)
    lock = project.model_lockfile
    assert lock is not None  # the graph was read from it
    row["manager"] = lock.kind
    row["lockfile"] = _relative(root, lock.path)
    row["lockfile_format"] = lock.version
    row["layout"] = graph.layout
    roots = sorted(_relative(root, instance.path) for instance in graph.roots)
    row["workspaces"] = len(roots) - 1
    for instance in graph.instances:
        if instance.is_project:
            continue
        result.packages.append(
            {
                "repository": repo.name,
                "name": instance.name,
                "version": instance.version,
                "path": _relative(root, instance.path),
                "workspace": instance.is_workspace,
            }
        )
    row["packages"] = sum(1 for item in result.packages if not item["workspace"])
    checked = project.findings()
    docker: list[Finding] = []
    # A repository without a container setup has no docker answers (`nmdoctor docker` says
    # "nothing to analyse" there); one with a setup that cannot be read keeps its lockfile answers.
    if compose_files(fs, root) or dockerfile_names(fs, root):
        try:
            docker = docker_findings(fs, root)
        except DockerInputError as error:
            row["docker_error"] = _strip_root(root, str(error))
    migrated = _migrate_findings(project, row, root)
    for tool, findings in (("check", checked), ("docker", docker), ("migrate", migrated)):
        for finding in sorted(findings, key=Finding.sort_key):
            result.findings.append(_finding_row(repo.name, tool, finding, roots))
    for severity in ("error", "warning", "info"):
        row[f"{severity}s"] = sum(
            1 for item in result.findings if item["severity"] == severity and item["tool"] != "migrate"
        )
    row["docker_findings"] = len(docker)
    row["migrate_errors"] = sum(1 for item in migrated if item.severity is Severity.ERROR)
    row["migrate_warnings"] = sum(1 for item in migrated if item.severity is Severity.WARNING)
    row["seconds"] = time.perf_counter() - started
    return result


def _failed(result: RepoResult, root: str, message: str, started: float) -> RepoResult:
    result.repo["status"] = "error"
    result.repo["error"] = _strip_root(root, message)
    result.repo["seconds"] = time.perf_counter() - started
    return result


def _migrate_findings(project: Project, row: dict[str, Any], root: str) -> list[Finding]:
    """``migrate --lockfile --to pnpm`` (its default pnpm settings and the project's
    packageExtensions); a plan that fails is the row's ``migrate_error``, the rest is kept."""
    graph = project.graph
    try:
        settings = PnpmSettings(package_extensions=package_extensions(project.fs, graph.project))
        today = CheckContext(graph=graph, fs=project.fs, sources=project.sources, package_code=project.package_code)
        return migrate(graph, project.fs, "pnpm", settings, today=today).findings
    except (TreeError, FileSystemError, ValueError) as error:
        row["migrate_error"] = _strip_root(root, str(error))
        return []


@dataclass(frozen=True, slots=True)
class Unchanged:
    """The repository's key is the one its stored rows were made from: nothing to redo."""

    repository: str
    key: str


def run_task(repo: RepoRef, previous_key: str | None) -> RepoResult | Unchanged:
    """The unit of work an engine schedules: key the repository, then analyse it unless unchanged.

    Keying happens here, in the worker, so that hashing lockfiles or asking git for a commit is
    spread over the workers like the analysis itself.
    """
    key = input_key(repo)
    if key == previous_key and not key.startswith("error:"):
        return Unchanged(repo.name, key)
    return analyse(repo, key)


def preload() -> None:
    """Import what tasks import lazily (every check rule), so forked workers start with it."""
    all_checks()
    import nmdoctor.inspect.package_code
    import nmdoctor.sources.index  # noqa: F401
