"""Trees built under other conditions than they run under: another node major, patches not applied.

- ``node-version-mismatch``: a shipped stage copies node_modules from a stage whose node image has
  another major version (both tags name a number). Native addons are built for the build stage's
  ABI (``NODE_MODULE_VERSION``) and fail to load under the other major.
- ``install-skips-patches``: package.json applies patches after install (``patch-package`` in
  ``postinstall``/``prepare``) and an install whose tree ships runs with ``--ignore-scripts``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.dockerfile import Stage
from nmdoctor.docker.images import Shipped
from nmdoctor.docker.node_image import image_major, node_of_image
from nmdoctor.docker.project import read_text
from nmdoctor.model.manifest import scripts_of
from nmdoctor.vfs.base import FileSystem
from nmdoctor.vfs.limits import load_json

__all__ = ["runtime_findings"]


def _root(stage: Stage) -> Stage:
    return stage.chain()[-1]


def _major(stage: Stage) -> int | None:
    return image_major(_root(stage).base)


def _by_name(stages: list[Stage], name: str | None) -> Stage | None:
    if name is None:
        return None
    if name.isdigit() and int(name) < len(stages):
        return stages[int(name)]
    return next((stage for stage in stages if stage.name == name), None)


def _brings_tree(source: Stage, path: str) -> bool:
    """Does copying ``path`` out of ``source`` bring installed packages: a node_modules, a tree the
    stage installed, or a folder holding one (`COPY --from=build /app /app`)? A source path of
    COPY --from is read from the stage's filesystem root, not its WORKDIR."""
    if "node_modules" in path or path in source.trees:
        return True
    origin = posixpath.normpath(posixpath.join("/", path)).rstrip("/") + "/"
    return any(tree.startswith(origin) for tree in source.trees)


def _builder_image(stage: Stage, major: int) -> str:
    """An image to build in for a stage that runs node ``major``: its own official node image, or for a
    distroless one (Debian, no shell or npm to build with) node's Debian image of that major."""
    base = _root(stage).base
    return base if node_of_image(base) is not None else f"node:{major}"


def _mismatches(stages: list[Stage], shipped: list[Shipped], where: str) -> Iterator[Finding]:
    for item in shipped:
        runtime = _major(item.stage)
        if runtime is None:
            continue
        for stage in item.stage.chain():
            for copy in stage.copies:
                source = _by_name(stages, copy.from_stage)
                if source is None or not any(_brings_tree(source, path) for path in copy.sources):
                    continue
                built = _major(source)
                if built is not None and built != runtime:
                    yield Finding(
                        "node-version-mismatch",
                        Severity.WARNING,
                        f"{where} copies node_modules installed under node {built} "
                        f"(stage `{source.name or source.index}`) into a stage that runs node {runtime}: "
                        "native addons built for one major fail to load under the other (NODE_MODULE_VERSION)",
                        None,
                        from_=where,
                        line=copy.line,
                        column=1,
                        fix=f"build with the image that runs (`FROM {_builder_image(item.stage, runtime)}` for the "
                        "build stage, or one ARG for both tags): the same node major, and the same C library for "
                        "addons (Alpine's musl, Debian's glibc)",
                    )


def _patches(fs: FileSystem, stages: list[Stage], context: str, where: str) -> Iterator[Finding]:
    text = read_text(fs, f"{context}/package.json")
    try:
        manifest = load_json(text) if text else {}
    except ValueError:
        return
    scripts = scripts_of(manifest)
    hook = next(
        (name for name in ("postinstall", "prepare") if "patch-package" in scripts.get(name, "")),
        None,
    )
    if hook is None:
        return
    for stage in stages:
        for install in stage.installs:
            words = install.command.text.split()
            if (
                install.command.kind == "project"
                and "--ignore-scripts" in words
                and "patch-package" not in str([run for run, _ in stage.runs]).replace(install.command.text, "")
            ):
                yield Finding(
                    "install-skips-patches",
                    Severity.WARNING,
                    f"`{install.command.text}` in {where} skips scripts, so the `{hook}` script that runs "
                    "patch-package never applies the project's patches: the image runs the unpatched packages",
                    None,
                    from_=where,
                    line=install.line,
                    column=1,
                    fix="run `npx patch-package` after the install in the same stage (keep patches/ in the image), "
                    "or drop --ignore-scripts",
                )


def runtime_findings(
    fs: FileSystem, stages: list[Stage], shipped: list[Shipped], context: str, where: str
) -> Iterator[Finding]:
    yield from _mismatches(stages, shipped, where)
    yield from _patches(fs, stages, context, where)
