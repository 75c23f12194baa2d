"""Explanations of the finding codes that come from commands other than ``check``
(``docker``, ``migrate``, ``archive``); ``check``'s come from its rules' docstrings."""

from __future__ import annotations

__all__ = ["EXTRA_EXPLANATIONS", "all_explanations"]

EXTRA_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "volume-shadows-node-modules": (
        "error",
        """## What it means
A bind mount or a volume sits over the folder where the image installed node_modules, so at run time
the container sees the mount's content instead: the host's folder, an empty fresh volume, or a named
volume filled from an earlier image. nmdoctor follows node's lookup (the app's folder, every folder
above it, NODE_PATH): a setup that installs one folder up or moves node_modules to `/` is fine.
## Why it matters
ERR_MODULE_NOT_FOUND at start (seed 000), or old dependencies running against new code. Docker fills
a named volume from the image only while it is empty, so it keeps the first image's packages across
`docker compose up --build` (seed 003); Kubernetes never fills it.
## How to fix
Do not persist node_modules. Under a bind mount use an anonymous volume (`- /app/node_modules`) and
start with `docker compose up --build --renew-anon-volumes` after dependency changes; or refresh the
volume at start keyed by the lockfile with `nmdoctor volume-sync`, then `nmdoctor verify`. A named
volume is the stale case itself.""",
    ),
    "init-marker-version-blind": (
        "warning",
        """## What it means
An entrypoint restores or installs dependencies only when a test says they are missing: a marker
file, the node_modules folder existing or being empty. The test records nothing about which
dependencies are there.
## Why it matters
After an image update the volume (or bind-mounted folder) still passes the test with the old
packages: the new code runs against them (seed 000, trap 3). A folder test such as
`[ ! -d node_modules ]` is never true on a mount point at all.
## How to fix
Key the refresh on the image's lockfile or tree (a hash): `nmdoctor volume-sync` does that.""",
    ),
    "install-at-start": (
        "warning",
        """## What it means
The container runs `npm install`, `npm ci`, `yarn` or `pnpm install` every time it starts
(entrypoint script, compose `command:`, or the image's CMD), with nothing that skips it.
## Why it matters
Each start needs the registry, takes minutes, and a non-frozen install can put other versions in
than the image was tested with.
## How to fix
Install in the image (`npm ci` in the Dockerfile). For a node_modules volume, refresh it at start
only when the lockfile changed: `nmdoctor volume-sync`.""",
    ),
    "package-manager-floating": (
        "warning",
        """## What it means
The image, or a start script or compose command, installs its package manager with no version
or by a tag (`npm i -g pnpm`, `npm i -g npm@latest`, `corepack prepare pnpm@latest`, `curl -fsSL
https://bun.sh/install | bash`). A version number or range (`pnpm@9`) is not this: it stays within
one major.
## Why it matters
The tool that reads the lockfile changes between builds: a new major can reject or rewrite the
lockfile, or resolve differently, with no change in the repository.
## How to fix
Pin it (`npm i -g pnpm@9.15.0`), or set `packageManager` in package.json and `corepack enable`.""",
    ),
    "node-version-mismatch": (
        "warning",
        """## What it means
The shipped stage copies node_modules installed in a stage whose node image has another major
version (`FROM node:18 AS build` ... `FROM node:22`).
## Why it matters
Native addons are compiled for the build stage's ABI (NODE_MODULE_VERSION) and fail to load under the
other major; pure-JS packages may also have chosen code paths for the other version.
## How to fix
Use the same node major in both stages, for example one `ARG NODE_VERSION` for both tags.""",
    ),
    "install-skips-patches": (
        "warning",
        """## What it means
package.json applies patches after install (`patch-package` in `postinstall` or `prepare`), and the
image installs with `--ignore-scripts`, so the patches are never applied.
## Why it matters
The image runs the unpatched packages: the bugs the patches fix come back in production only.
## How to fix
Run `npx patch-package` right after the install in the same stage (with patches/ copied in), or drop
`--ignore-scripts`.""",
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
An image installs dependencies with no lockfile in it (none copied before the install, or the
project has none), or adds packages by name without exact versions (`pnpm add dotenv`).
Global tool installs and exact-version installs are not this.
## Why it matters
The install resolves versions afresh: each build can get other versions than were tested.
## How to fix
COPY package.json and the lockfile first, then `npm ci` / `pnpm install --frozen-lockfile` /
`yarn install --immutable`; declare added packages in package.json or pin them exactly.""",
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
A Dockerfile copies the whole build context, or a package folder (`COPY services/api/ ...`), and
the context's .dockerignore does not exclude the node_modules in it. Docker matches `node_modules`
at the context root only: workspaces need `**/node_modules`. Yarn Plug'n'Play writes no
node_modules and is not this.
## Why it matters
The host's node_modules (built for another OS, other versions) enters the image over the installed one.
## How to fix
Add `node_modules` and `**/node_modules` to the .dockerignore beside the build context.""",
    ),
    "compose-variable-required": (
        "info",
        """## What it means
A compose file names a required variable (`${VAR:?message}`, `${VAR?message}`) in a key nmdoctor
reads (a service's user, volumes, build, image, working_dir, entrypoint or command), and the .env
beside it does not set it. `docker compose up` then stops with the message unless the shell exports
the variable; its value is not in the files.
## Why it matters
nmdoctor judged the service without that value: a user it cannot tell is root, a mount whose source
or container path it cannot tell is left out.
## How to fix
Set the variable in the .env beside the compose file to the value the stack runs with (or run
nmdoctor from a folder whose .env has it), and run nmdoctor again.""",
    ),
    "app-files-writable": (
        "warning",
        """## What it means
The app's files are given to the user the container runs as: `COPY`/`ADD --chown` (also
`COPY --from=... --chown`), or `RUN chown -R` over the app's folder once files are in it; or made
writable by every user (`chmod 777` of the app's folder, whose entries anyone may then replace, or
`chmod -R a+w` over its files).
## Why it matters
A compromised process can rewrite the app's code.
## How to fix
Leave the files owned by root and not writable by others; give the runtime user only the folders it
must write.""",
    ),
    "workspaces-not-read": (
        "error",
        """## What it means
The project's workspaces are declared only where the manager `nmdoctor migrate --to` names does not
look: pnpm reads them from pnpm-workspace.yaml alone (pnpm 10 warns `The "workspaces" field in
package.json is not supported by pnpm`), npm and yarn from package.json's `workspaces` alone (yarn 1
only in a private project).
## Why it matters
The manager installs the root alone: no workspace is linked and none of their dependencies is
installed, so every import inside a workspace fails; a dependency on a workspace is fetched from the
registry instead (`pnpm import` stops there with `ERR_PNPM_FETCH_404`).
## How to fix
Declare the same globs where the manager reads them: a pnpm-workspace.yaml with `packages:` for
pnpm, `"workspaces": [...]` in package.json (and `"private": true` for yarn 1) for npm and yarn.""",
    ),
    "script-command-not-linked": (
        "error",
        """## What it means
A package.json script runs an executable (`tsc`, `eslint`, `jest`...) of a package the project does
not declare: today the manager places that package at the top of `node_modules` (npm's and yarn's
hoisting) and links its executable into `node_modules/.bin`, which every script finds on its `PATH`.
Under the layout `nmdoctor migrate --to` names, nothing links it there: pnpm links the executables of
the package's own dependencies only.
## Why it matters
The script stops at once: `sh: 1: tsc: not found` (`ELIFECYCLE Command failed`), in CI and in every
fresh install.
## How to fix
Declare the package that provides the executable (a devDependency of the package whose script runs
it), at the version installed today; with pnpm, `public-hoist-pattern` also links it.""",
    ),
    "unsupported-override-selector": (
        "warning",
        """## What it means
The project's package.json has a `resolutions` key written as a yarn path (`**/name`,
`parent/name`, `a/b/name`), and `nmdoctor migrate --to pnpm` plans a manager that does not read it.
pnpm 10 and earlier read the field as overrides with their own selectors only (a package name,
`name@range`, `parent>name` with one parent) and stop: `ERR_PNPM_INVALID_SELECTOR Cannot parse the
"**/name" selector` (pnpm 8: `ERR_PNPM_INVALID_OVERRIDES_SELECTOR`), in `pnpm import` as in
`pnpm install`. pnpm 11 and later ignore package.json's `resolutions` and install without the
override. It is an error where package.json's `packageManager` pins pnpm 10 or earlier.
## Why it matters
With pnpm 10 nothing is installed; with pnpm 11 and later the version the override forced is no
longer forced.
## How to fix
Remove the key from `resolutions` and add the override under `overrides:` in pnpm-workspace.yaml
(read by pnpm 10, 11 and 12) with pnpm's key for the same packages: `**/name` -> `name`,
`parent/name` -> `parent>name`. A longer path has no pnpm equivalent: choose `parent>name` (the
last parent) or `name` (every copy).""",
    ),
    "unsupported-dependency-protocol": (
        "error",
        """## What it means
A package.json of the project (or of a workspace) names a dependency with pnpm's `workspace:` or
`catalog:` protocol, and the manager `nmdoctor migrate --to` names does not read it: npm stops with
`EUNSUPPORTEDPROTOCOL Unsupported URL Type "workspace:"`, yarn 1 with `Couldn't find any versions for
"x" that matches "workspace:*"`. Yarn 4 (`--to yarn-berry`, `--to yarn-pnp`) reads `workspace:` but
takes catalogs from `.yarnrc.yml` only: `YN0082: x@catalog:: default catalog not found or empty`.
## Why it matters
The install stops before anything is written: every dependency is missing, not only this one.
## How to fix
Write the spec the manager reads, as pnpm does when it publishes: a workspace's version (`workspace:*`
-> `1.2.3`, `workspace:^` -> `^1.2.3`), which npm and yarn 1 link to the workspace; a link to the
project's folder (`file:../..` for npm, `link:../..` for yarn 1) where a workspace depends on the
project itself; nothing where the project names itself (node finds a package's own name through its
`exports`); the catalog's range from pnpm-workspace.yaml for `catalog:`, or, for yarn 4, that range
as an entry of `catalog:` (or `catalogs:` > its name) in `.yarnrc.yml`.""",
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
A package the source resolves is absent from the packed app, or packed where its dependent does not
look (electron-builder 24 and 25 move some hoisted packages under another package's node_modules,
and leave dependencies out of pnpm trees). Not reported: packages of declarations only (`@types/*`),
which nothing loads. A warning when the dependent's own code never imports the package; a note when
the app's own dependencies are left out of a bundled app whose code, from its entry point, imports
none of them.
## Why it matters
Cannot find module at run time of the packaged app.
## How to fix
A dependency of the app: check the packer's file filters and `files` settings, and the dependency
type (devDependencies are not packed). A dependency of a packed package: upgrade electron-builder
(26.x packs each package where the package manager put it).""",
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
