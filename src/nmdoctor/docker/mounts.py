"""What a compose service's mounts do to the node_modules its app resolves from.

Node looks for packages in ``<dir>/node_modules`` for the app's folder and every folder above it,
then in ``NODE_PATH``. Per candidate folder: a bind mount shows the host's content (the image's is
hidden); a named or anonymous volume starts as a copy of the image's content there (unless
``nocopy``) and keeps it; nothing mounted shows the image. The first candidate the image filled and
the mounts leave visible is where requires resolve. A named volume there goes stale: Docker copies
the image into it only while it is empty.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from nmdoctor.docker.compose import Mount, Service
from nmdoctor.docker.dockerfile import Stage

__all__ = ["Resolution", "resolve_node_modules"]


@dataclass(frozen=True, slots=True)
class Resolution:
    found: str | None  # the node_modules folder requires resolve from at first start
    volume: Mount | None  # the volume holding it, if any
    hidden: list[tuple[str, Mount]]  # image folders a bind mount hides
    empty_volumes: list[Mount]  # volumes over a candidate the image left empty
    candidates: list[str]


def candidates(app: str, stage: Stage) -> list[str]:
    found = []
    folder = posixpath.normpath(app)
    while True:
        found.append(posixpath.join(folder, "node_modules"))
        if folder == "/":
            break
        folder = posixpath.dirname(folder)
    for entry in stage.env.get("NODE_PATH", "").split(":"):
        if entry.startswith("/") and entry not in found:
            found.append(posixpath.normpath(entry))
    return found


def _cover(path: str, mounts: list[Mount]) -> Mount | None:
    covering = [mount for mount in mounts if path == mount.target or path.startswith(mount.target.rstrip("/") + "/")]
    return max(covering, key=lambda mount: len(mount.target)) if covering else None


def _image_has(stage: Stage, path: str) -> bool:
    return path in stage.trees


def resolve_node_modules(service: Service, stage: Stage) -> Resolution:
    app = service.working_dir or stage.workdir
    declared = [Mount("anonymous", None, path, line, "") for path, line in stage.volumes]
    mounts = [mount for mount in service.mounts if mount.kind != "tmpfs"] + [
        volume for volume in declared if all(mount.target != volume.target for mount in service.mounts)
    ]
    hidden: list[tuple[str, Mount]] = []
    empty: list[Mount] = []
    listed = candidates(app, stage)
    for path in listed:
        cover = _cover(path, mounts)
        has = _image_has(stage, path)
        if cover is None:
            if has:
                return Resolution(path, None, hidden, empty, listed)
            continue
        if cover.kind == "bind":
            if has:
                hidden.append((path, cover))
            continue
        if has and not cover.nocopy:
            return Resolution(path, cover, hidden, empty, listed)
        if cover.target == path:
            empty.append(cover)
    return Resolution(None, None, hidden, empty, listed)
