"""Trees built under other conditions than they run under: another node major, patches not applied.

- ``node-version-mismatch``: a shipped stage copies node_modules from a stage whose node image has
  another major version (both tags name a number). Native addons are built for the build stage's
  ABI (``NODE_MODULE_VERSION``) and fail to load under the other major. Also the same major on
  another C library (a Debian build stage, an Alpine runtime, or the reverse) when the project
  depends on a package whose install builds or downloads a binary for the C library it installs on:
  a glibc addon does not load under musl (``Error loading shared library ld-linux-x86-64.so.2``)
  and a musl one not under glibc. A rebuild or clean install after the copy clears it.
- ``install-skips-patches``: package.json applies patches after install (``patch-package`` in
  ``postinstall``/``prepare``) and an install whose tree ships runs with ``--ignore-scripts``.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.docker.dockerfile import Stage
from nmdoctor.docker.images import Shipped
from nmdoctor.docker.node_image import image_libc, image_major, node_of_image
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


# Packages whose install compiles an addon or downloads a prebuilt binary (or optional platform
# package) for the C library of the machine installing it (sharp's @img/sharp-linux-x64 vs
# @img/sharp-linuxmusl-x64, node-pre-gyp's `-glibc`/`-musl` downloads of sqlite3 and bcrypt,
# prebuild-install's of better-sqlite3 and argon2, node-gyp builds of canvas).
_LIBC_ADDONS = frozenset(
    {"sharp", "sqlite3", "better-sqlite3", "bcrypt", "canvas", "argon2", "node-sass", "re2", "isolated-vm"}
)
# After the copy: what rebuilds or replaces the copied tree for the runtime's C library
_REFRESH = re.compile(r"\brebuild\b|\bnpm\s+ci\b|rm\s+-\w*r\w*\s+\S*node_modules|--libc\b|--platform=linuxmusl")


def _context_manifest(fs: FileSystem, context: str) -> Any:
    """The build context's package.json (``{}`` when there is none or it is not JSON), read once for
    the checks of an image."""
    text = read_text(fs, f"{context}/package.json")
    try:
        return load_json(text) if text else {}
    except ValueError:
        return {}


def _libc_addons(fs: FileSystem, context: str, manifest: Any) -> list[str]:
    """The project's dependencies that install a binary for one C library (see ``_LIBC_ADDONS``), and
    any a package-lock.json marks ``hasInstallScript`` at the top of node_modules."""
    found: set[str] = set()
    for key in ("dependencies", "optionalDependencies"):
        names = manifest.get(key) if isinstance(manifest, dict) else None
        if isinstance(names, dict):
            found.update(name for name in names if name in _LIBC_ADDONS)
    lock_text = read_text(fs, f"{context}/package-lock.json")
    try:
        lock = load_json(lock_text) if lock_text else {}
    except ValueError:
        lock = {}
    packages = lock.get("packages") if isinstance(lock, dict) else None
    if isinstance(packages, dict):
        for path, entry in packages.items():
            name = path.removeprefix("node_modules/")
            if (
                path.startswith("node_modules/")
                and "/node_modules/" not in name
                and isinstance(entry, dict)
                and entry.get("hasInstallScript")
                and not entry.get("dev")
            ):
                found.add(name)
    return sorted(found)


def _refreshed(stage: Stage, after: int) -> bool:
    """Does a RUN of the shipped stage (or a stage it is built on) after line ``after`` rebuild or
    replace the copied tree (``npm rebuild``, ``npm ci``, ``rm -rf node_modules``, a ``--libc`` install)?"""
    return any(line > after and _REFRESH.search(text) for chained in stage.chain() for text, line in chained.runs)


def _builder_image(stage: Stage, major: int) -> str:
    """An image to build in for a stage that runs node ``major``: its own official node image, or for a
    distroless one (Debian, no shell or npm to build with) node's Debian image of that major."""
    base = _root(stage).base
    return base if node_of_image(base) is not None else f"node:{major}"


def _mismatches(stages: list[Stage], shipped: list[Shipped], where: str, addons: list[str]) -> Iterator[Finding]:
    for item in shipped:
        runtime = _major(item.stage)
        if runtime is None:
            continue
        libc = image_libc(_root(item.stage).base)
        for stage in item.stage.chain():
            for copy in stage.copies:
                source = _by_name(stages, copy.from_stage)
                if source is None or not any(_brings_tree(source, path) for path in copy.sources):
                    continue
                built = _major(source)
                built_libc = image_libc(_root(source).base)
                if (
                    built == runtime
                    and addons
                    and libc is not None
                    and built_libc is not None
                    and built_libc != libc
                    and not _refreshed(item.stage, copy.line)
                ):
                    yield _libc_mismatch(item.stage, source, copy.line, where, addons, built_libc, libc)
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


def _libc_mismatch(
    runtime: Stage, source: Stage, line: int, where: str, addons: list[str], built: str, runs: str
) -> Finding:
    names = ", ".join(addons[:4]) + (" ..." if len(addons) > 4 else "")
    return Finding(
        "node-version-mismatch",
        Severity.WARNING,
        f"{where} copies node_modules installed on {built} (stage `{source.name or source.index}`, "
        f"`{_root(source).base}`) into a stage that runs on {runs} (`{_root(runtime).base}`): the binaries "
        f"{names} installed for {built} fail to load under {runs}",
        None,
        from_=where,
        line=line,
        column=1,
        fix=f"install in an image of the runtime's C library (`FROM {_root(runtime).base}` for the build stage, with "
        "the build tools the addons need), so that the tree copied holds the binaries the runtime loads",
    )


def _patches(stages: list[Stage], manifest: Any, where: str) -> Iterator[Finding]:
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
    manifest = _context_manifest(fs, context)
    yield from _mismatches(stages, shipped, where, _libc_addons(fs, context, manifest))
    yield from _patches(stages, manifest, where)
