"""The installed tree against the lockfile."""

from __future__ import annotations

from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext, check
from nmdoctor.inspect.overrides import project_overrides
from nmdoctor.inspect.verify import lockfile_drift as drift_findings
from nmdoctor.inspect.verify import manifest_drift
from nmdoctor.lockfiles.model import Lockfile
from nmdoctor.model.graph import DependencyGraph

__all__ = ["lockfile_drift"]


@check("lockfile-drift", Severity.ERROR)
def lockfile_drift(context: CheckContext) -> Iterator[Finding]:
    """## What it means
    The installed tree differs from the lockfile (another version sits where the lockfile puts a
    package), or package.json declares something the lockfile was not made for.
    ## Why it matters
    What runs is not what was locked and tested: CI, containers and colleagues get other versions.
    ## How to fix
    Reinstall from the lockfile (`npm ci`, `pnpm install --frozen-lockfile`, `yarn install
    --frozen-lockfile`); if package.json changed on purpose, run the install command and commit the
    updated lockfile."""
    graph = context.graph
    lock = context.lockfile
    model = context.model_lockfile
    if not isinstance(graph, DependencyGraph) or not isinstance(lock or model, Lockfile):
        return
    overrides = project_overrides(context.fs, graph.project, layout=graph.layout) if context.fs is not None else None
    if isinstance(lock, Lockfile):
        yield from drift_findings(graph, lock, overrides=overrides)
    elif isinstance(model, Lockfile):  # read from the lockfile: package.json against it
        yield from manifest_drift(graph, model, overrides=overrides)
