"""Explanations of the finding codes that come from commands other than ``check``
(``docker``, ``migrate``, ``archive``); ``check``'s come from its rules' docstrings."""

from __future__ import annotations

__all__ = ["EXTRA_EXPLANATIONS", "all_explanations"]

EXTRA_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "volume-shadows-node-modules": (
        "error",
        """## What it means
A bind mount or a volume sits over the folder where the image installed node_modules, so at run time
the container sees the mount's content instead: the host's folder, an empty fresh volume, or an old
volume filled from an earlier image.
## Why it matters
ERR_MODULE_NOT_FOUND at start (seed 000), or old dependencies running against new code. Docker fills
a named volume from the image only while it is empty; Kubernetes never does.
## How to fix
Do not persist node_modules; or mount a named volume under the bind mount (development); or restore
the image's copy at start with `nmdoctor volume-sync`, then `nmdoctor verify`.""",
    ),
    "init-marker-version-blind": (
        "warning",
        """## What it means
An entrypoint restores dependencies into a volume only when a marker file is missing, and the marker
does not record which dependencies it restored.
## Why it matters
After an image update the volume still carries the marker and the old packages: the new code runs
against them (seed 000, trap 3).
## How to fix
Key the restore on the image's lockfile or tree (a hash): `nmdoctor volume-sync` does that.""",
    ),
    "prod-stage-reinstall": (
        "warning",
        """## What it means
The production stage of a multi-stage Dockerfile installs dependencies again instead of copying the
ones the build stage installed.
## Why it matters
The second install can resolve differently or fail (seed 000, trap 2): the image holds packages
nobody built or tested with.
## How to fix
Prune in the build stage (`npm prune --omit=dev`, `pnpm prune --prod`) and `COPY --from` its
node_modules.""",
    ),
    "lockfile-not-used": (
        "warning",
        """## What it means
An image installs dependencies before any lockfile is copied in.
## Why it matters
The install resolves versions afresh: each build can get other versions than were tested.
## How to fix
COPY package.json and the lockfile first, then `npm ci` / `pnpm install --frozen-lockfile` /
`yarn install --immutable`.""",
    ),
    "runs-as-root": (
        "warning",
        """## What it means
The image's final stage runs node as root.
## Why it matters
Any compromised dependency owns the container.
## How to fix
`USER node` (official node images have it) after copying root-owned app files.""",
    ),
    "node-modules-not-dockerignored": (
        "warning",
        """## What it means
A Dockerfile copies the whole build context and .dockerignore does not exclude node_modules.
## Why it matters
The host's node_modules (built for another OS, other versions) enters the image over the installed one.
## How to fix
Add `node_modules` to .dockerignore.""",
    ),
    "app-files-writable": (
        "warning",
        """## What it means
The app's files are copied owned by the user the container runs as.
## Why it matters
A compromised process can rewrite the app's code.
## How to fix
Leave the files owned by root; give the runtime user only the folders it must write.""",
    ),
    "resolution-changed": (
        "warning",
        """## What it means
Under the planned layout (`nmdoctor migrate`), a dependency resolves to another version than today.
## Why it matters
The code runs against a version it was not tested with.
## How to fix
Pin the version: npm `overrides`, `pnpm.overrides`, yarn `resolutions`.""",
    ),
    "archive-version-collapsed": (
        "error",
        """## What it means
In the packed app (asar, zip, folder) a package resolves a dependency to another version than in the
source tree: nested copies were flattened and only one version survived (seed 004).
## Why it matters
The packaged app breaks in production although it works from source.
## How to fix
Keep nested node_modules when packing (electron-builder: package from inside the app directory), or
align the versions.""",
    ),
    "archive-missing-package": (
        "error",
        """## What it means
A package the source resolves is absent from the packed app.
## Why it matters
Cannot find module at run time of the packaged app.
## How to fix
Check the packer's file filters and `files` settings, and the dependency type (devDependencies are
not packed).""",
    ),
    "archive-native-module-packed": (
        "error",
        """## What it means
A native module (`.node` file) is packed inside the asar archive instead of beside it in
`app.asar.unpacked`.
## Why it matters
Electron loads native modules with `dlopen`, which needs a real file on disk: the module fails to
load in the packaged app although it works from source.
## How to fix
Unpack native modules: electron-builder `asarUnpack: ['**/*.node']` (it does so by itself unless
told otherwise), `asar pack --unpack '*.node'`.""",
    ),
    "archive-unpacked-missing": (
        "error",
        """## What it means
The asar header marks files as unpacked, but they are not in the `app.asar.unpacked` folder beside
the archive.
## Why it matters
Electron reads unpacked files from that folder: an archive copied without it loses them, and
loading them fails at run time.
## How to fix
Ship `app.asar.unpacked` together with `app.asar` and keep the two side by side.""",
    ),
    "archive-integrity-mismatch": (
        "warning",
        """## What it means
A packed file's bytes no longer match the integrity hashes recorded in the asar header.
## Why it matters
With Electron's asar integrity validation fuse on, Electron refuses the file (and the app fails to
start); it shows the archive was edited after packing.
## How to fix
Repack the app instead of editing files inside the archive.""",
    ),
}


def all_explanations() -> dict[str, tuple[str, str]]:
    """Every finding code: ``(severity, markdown text)``; ``check``'s rules first."""
    from nmdoctor.diagnostics.registry import all_checks  # the rules import this module's neighbours

    texts = {registered.code: (registered.severity.value, registered.doc) for registered in all_checks()}
    texts.update({key: value for key, value in EXTRA_EXPLANATIONS.items() if key not in texts})
    return texts
