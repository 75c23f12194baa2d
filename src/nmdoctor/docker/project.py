"""Which container files a folder holds, and reading them (Dockerfiles, compose files, contexts)."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from nmdoctor.docker.dockerfile import LOCKFILES
from nmdoctor.docker.dockerignore import excluded, read_patterns
from nmdoctor.model.manifest import declared_package_manager
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind
from nmdoctor.vfs.limits import load_json
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = [
    "compose_files",
    "context_empties",
    "context_ignores",
    "declared_manager",
    "dockerfile_names",
    "is_workspace",
    "plug_n_play",
    "read_text",
    "standalone_context",
]

_DOCKERFILE = re.compile(
    r"^(?:[Dd]ockerfile|Containerfile)(?:[._-].+)?$|^.+\.(?:[Dd]ockerfile|Containerfile)$", re.IGNORECASE
)
COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")


def read_text(fs: FileSystem, path: str) -> str | None:
    try:
        stat = fs.stat(path)
        if stat is None or stat.kind is not Kind.FILE:
            return None
        return fs.read_bytes(path).decode("utf-8", "replace")
    except FileSystemError:
        return None


def committed_lockfiles(fs: FileSystem, project: str) -> frozenset[str]:
    """The lockfiles (``LOCKFILES``' names) that are files in ``project``: the build context, or the
    folder a bind mount puts in the container."""
    found = set()
    for name in LOCKFILES:
        stat = fs.stat(posixpath.normpath(f"{project}/{name}"))
        if stat is not None and stat.kind is Kind.FILE:
            found.add(name)
    return frozenset(found)


def declared_manager(fs: FileSystem, context: str) -> tuple[str, int | None] | None:
    """The manager (and major) the context's package.json names in ``packageManager``."""
    try:
        manifest = load_json(read_text(fs, f"{context}/package.json") or "null")
    except ValueError:
        return None
    return declared_package_manager(manifest)


def _names(fs: FileSystem, folder: str) -> list[str]:
    try:
        return sorted(fs.listdir(folder))
    except FileSystemError:
        return []


def dockerfile_names(fs: FileSystem, folder: str) -> list[str]:
    """Dockerfile, dockerfile, Dockerfile.*, Dockerfile_*, *.Dockerfile, *.dockerfile, Containerfile."""
    return [
        name
        for name in _names(fs, folder)
        if _DOCKERFILE.match(name)
        and not name.endswith(".dockerignore")
        and read_text(fs, f"{folder}/{name}") is not None
    ]


def compose_files(fs: FileSystem, folder: str) -> list[str]:
    """The files ``docker compose`` reads in ``folder`` without -f: the first standard name and its override."""
    for name in COMPOSE_NAMES:
        if read_text(fs, f"{folder}/{name}") is not None:
            stem = name.rsplit(".", 1)[0]
            overrides = [f"{stem}.override.yaml", f"{stem}.override.yml"]
            if stem == "compose":
                overrides += ["docker-compose.override.yaml", "docker-compose.override.yml"]
            override = next((item for item in overrides if read_text(fs, f"{folder}/{item}") is not None), None)
            return [name] + ([override] if override else [])
    return []


_COPY_SOURCES = re.compile(r"^\s*(?:COPY|ADD)\s+(.*)$", re.IGNORECASE | re.MULTILINE)


def _copy_sources(text: str) -> list[str]:
    sources = []
    for match in _COPY_SOURCES.finditer(text):
        words = match.group(1).replace("[", " ").replace("]", " ").replace('"', " ").replace(",", " ").split()
        if any(word.startswith("--from") for word in words):
            continue
        paths = [word for word in words if not word.startswith("--")]
        sources += [path for path in paths[:-1] if path.strip("./") and not any(c in path for c in "*?$")]
    return sources


_INSTRUCTION = re.compile(r"^\s*(WORKDIR|COPY|ADD)\s+(.*)$", re.IGNORECASE | re.MULTILINE)


def _workdirs_below_context_copy(text: str) -> tuple[list[str], list[str]]:
    """Paths, relative to where a ``COPY .`` put the whole context, of the later WORKDIRs inside it,
    and of the files a later ``COPY --from`` takes from there (``/w/frontend/dist``: ``frontend/dist``)."""
    workdir, roots, found, taken = "/", [], [], []
    for match in _INSTRUCTION.finditer(text):
        words = [word for word in match.group(2).split() if not word.startswith("--")]
        if match.group(1).upper() == "WORKDIR" and words:
            workdir = posixpath.normpath(posixpath.join(workdir, words[0]))
            found += [workdir[len(root) :].strip("/") for root in roots if workdir.startswith(root.rstrip("/") + "/")]
        elif "--from" in match.group(2):
            taken += [
                source[len(root) :].strip("/")
                for source in words[:-1]
                for root in roots
                if source.startswith("/") and source.startswith(root.rstrip("/") + "/")
            ]
        elif len(words) >= 2 and any(word.rstrip("/") in (".", "") for word in words[:-1]):
            roots.append(posixpath.normpath(posixpath.join(workdir, words[-1])))
    return [item for item in found if item], [item for item in taken if item]


def standalone_context(fs: FileSystem, dockerfile: str) -> str:
    """Build context of a Dockerfile no compose file names, as in ``docker build -f docker/Dockerfile .``:
    of its folder and the two above, the one holding most of the files its COPY and ADD name; without
    any, its folder, or the nearest folder above holding the package.json its folder lacks."""
    folder = posixpath.dirname(dockerfile)
    candidates = [folder, posixpath.dirname(folder), posixpath.dirname(posixpath.dirname(folder))]
    sources = _copy_sources(read_text(fs, dockerfile) or "")

    def found(candidate: str) -> int:
        return sum(fs.stat(posixpath.normpath(f"{candidate}/{source}")) is not None for source in sources)

    workdirs, taken = _workdirs_below_context_copy(read_text(fs, dockerfile) or "")
    for below in workdirs:
        for candidate in candidates[1:]:
            if posixpath.normpath(posixpath.join(candidate, below)) == folder:
                return candidate  # COPY . /w then WORKDIR /w/packages/api: the context holds packages/api
    for below in workdirs + taken:
        for candidate in candidates[1:]:
            # COPY . /w, then COPY --from=build /w/frontend/dist for frontend/docker/Dockerfile: the context
            # holds the Dockerfile's own package folder
            if below.split("/")[0] == posixpath.relpath(folder, candidate).split("/")[0]:
                return candidate
    best = max(candidates, key=lambda candidate: (found(candidate), -candidates.index(candidate)))
    if sources and found(best):
        return best
    if read_text(fs, f"{folder}/package.json") is not None or read_text(fs, f"{folder}/.dockerignore") is not None:
        return folder
    for candidate in candidates[1:]:
        if read_text(fs, f"{candidate}/package.json") is not None:
            return candidate
    return folder


def is_workspace(fs: FileSystem, context: str) -> bool:
    """Does the context hold workspace packages? A pnpm-workspace.yaml without ``packages`` (only
    settings such as ``onlyBuiltDependencies``) makes the root the workspace's one project."""
    pnpm = read_text(fs, f"{context}/pnpm-workspace.yaml")
    if pnpm is not None:
        try:
            settings = load_yaml(pnpm)
        except YAMLError:
            return True
        if not isinstance(settings, dict) or settings.get("packages"):
            return True
    text = read_text(fs, f"{context}/package.json")
    try:
        manifest = load_json(text) if text else None
    except ValueError:
        return False
    return isinstance(manifest, dict) and bool(manifest.get("workspaces"))


def plug_n_play(fs: FileSystem, context: str, berry_runs: bool = False) -> bool:
    """Does the context install with Yarn Plug'n'Play (berry's default linker), which writes no
    node_modules anywhere? A .yarnrc.yml without ``nodeLinker`` (or ``nodeLinker: pnp``), a berry
    yarn.lock the only lockfile, and no yarn 1 named by ``packageManager`` or ``yarnPath``. With no
    .yarnrc.yml at all, only where ``berry_runs`` (the image runs the yarn ``packageManager`` names,
    through corepack or ``yarn set version``) and that is yarn 2 or later: berry then links with its
    default (an older yarn 1 of the image would write node_modules; yarn 1.22.22 refuses the project)."""
    text = read_text(fs, f"{context}/.yarnrc.yml")
    lockfile = read_text(fs, f"{context}/yarn.lock")
    if lockfile is None or "# yarn lockfile v1" in lockfile[:300]:
        return False
    if any(read_text(fs, f"{context}/{name}") is not None for name in ("package-lock.json", "pnpm-lock.yaml")):
        return False
    declared = declared_manager(fs, context)
    if declared == ("yarn", 1):
        return False
    if text is None:
        return berry_runs and declared is not None and declared[0] == "yarn" and (declared[1] or 0) >= 2
    try:
        settings = load_yaml(text)
    except YAMLError:
        return False
    if not isinstance(settings, dict):
        return True
    if re.search(r"yarn-1\.[\d.]+\.c?js$", str(settings.get("yarnPath", ""))):
        return False  # yarn 1 reads yarnPath from .yarnrc.yml, and never links with PnP
    return str(settings.get("nodeLinker", "pnp")).strip() == "pnp"


def _ignore_patterns(fs: FileSystem, context: str, dockerfile: str) -> tuple[tuple[bool, str], ...] | None:
    """A ``<Dockerfile>.dockerignore`` beside the Dockerfile wins over the context's .dockerignore."""
    text = read_text(fs, f"{dockerfile}.dockerignore")
    if text is None:
        text = read_text(fs, f"{context}/.dockerignore")
    return None if text is None else _patterns(text)


def context_ignores(fs: FileSystem, context: str, dockerfile: str, path: str) -> bool | None:
    """Is ``path`` left out of ``context``? None when there is no ignore file."""
    patterns = _ignore_patterns(fs, context, dockerfile)
    return None if patterns is None else excluded(patterns, path)


def context_empties(fs: FileSystem, context: str, dockerfile: str, folder: str) -> bool | None:
    """Does ``folder`` reach the context with nothing in it, left out itself or by a pattern for what it
    holds (`**/node_modules/**` keeps each node_modules folder, empty: a COPY of it adds nothing)? None
    when there is no ignore file. With any `!` exception, only the folder itself counts."""
    patterns = _ignore_patterns(fs, context, dockerfile)
    if patterns is None:
        return None
    if excluded(patterns, folder):
        return True
    return not any(exception for exception, _ in patterns) and excluded(patterns, f"{folder}/x")


@lru_cache(maxsize=64)
def _patterns(text: str) -> tuple[tuple[bool, str], ...]:
    return tuple(read_patterns(text))
