"""nmdoctor docker on shapes the seventeenth held-out field batch showed (tests/field/docker, held-out-17)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str], compose: list[str] | None = None) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p", compose))


def of(found: list[tuple[str, str | None, int | None]], code: str) -> list[tuple[str, str | None, int | None]]:
    return [item for item in found if item[0] == code]


_BERRY_LOCK = '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"web@workspace:apps/web":\n  version: 0.0.0-use.local\n'


def _pnp_project(yarnrc: str) -> dict[str, str]:
    # the puretome case: a workspace's dev image built FROM the project's own base image (built by another
    # compose service, so its files are not known here), installing in the workspace, its folder bound
    return {
        "/p/package.json": '{"private": true, "packageManager": "yarn@4.9.1", "workspaces": ["apps/*"]}',
        "/p/yarn.lock": _BERRY_LOCK,
        "/p/.yarnrc.yml": yarnrc,
        "/p/.yarn/releases/yarn-4.9.1.cjs": "",
        "/p/apps/web/package.json": '{"name": "web", "scripts": {"dev": "vite"}}',
        "/p/docker/web.Dockerfile": "FROM example/base:latest\nWORKDIR /app/apps/web\nRUN yarn install\n"
        'CMD ["yarn", "dev"]\n',
        "/p/docker/compose.yaml": "services:\n  web:\n    build:\n      context: ../\n"
        "      dockerfile: docker/web.Dockerfile\n    volumes:\n      - ../apps/web:/app/apps/web\n",
    }


def _shadows(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted(
        (item.code, item.from_, item.line)
        for item in docker_findings(fs, "/p/docker")
        if item.code == "volume-shadows-node-modules"
    )


def test_a_bind_over_a_workspace_hides_no_node_modules_under_plug_n_play() -> None:
    # yarn berry's default linker writes no node_modules: the packages stay in .yarn/cache, the map in the
    # root's .pnp.cjs, so the bind over the workspace folder hides no installed tree: no error
    project = _pnp_project("yarnPath: .yarn/releases/yarn-4.9.1.cjs\n")
    assert _shadows(project) == []
    # with the node-modules linker the install may write apps/web/node_modules, hidden by the bind (as before)
    linked = _pnp_project("yarnPath: .yarn/releases/yarn-4.9.1.cjs\nnodeLinker: node-modules\n")
    assert _shadows(linked) == [("volume-shadows-node-modules", "compose.yaml", 7)]
    # and so with a Dockerfile that names another linker for its installs
    dockerfile = project["/p/docker/web.Dockerfile"].replace("RUN yarn", "ENV YARN_NODE_LINKER=node-modules\nRUN yarn")
    shadowed = _shadows(project | {"/p/docker/web.Dockerfile": dockerfile})
    assert shadowed == [("volume-shadows-node-modules", "compose.yaml", 7)]


def test_npm_flags_written_together_are_read_one_by_one() -> None:
    # the puretome case: `npm install -gf yarn` is `npm install -g -f yarn` (npm 11.19.1 reads -gf as
    # global and force): a global install of yarn with no version, not a package added to the project
    base = {"/p/package.json": "{}", "/p/package-lock.json": "{}", "/p/.dockerignore": "node_modules\n"}
    image = "FROM node:20\nWORKDIR /app\nRUN npm install -gf yarn\nCOPY . .\nRUN npm ci\nUSER node\nCMD node .\n"
    found = codes(base | {"/p/Dockerfile": image})
    assert of(found, "lockfile-not-used") == []
    assert of(found, "package-manager-floating") == [("package-manager-floating", "Dockerfile", 3)]
    # with the version pinned, nothing
    pinned = codes(base | {"/p/Dockerfile": image.replace("-gf yarn", "-gf yarn@1.22.22")})
    assert of(pinned, "package-manager-floating") == [] and of(pinned, "lockfile-not-used") == []


def _floating_fix(run: str) -> str:
    fs = MemoryFS.from_mapping(
        {
            "/p/package.json": "{}",
            "/p/package-lock.json": "{}",
            "/p/Dockerfile": f"FROM node:20\nWORKDIR /app\n{run}\nCOPY . .\nRUN npm ci\nUSER node\nCMD node .\n",
        }
    )
    (found,) = [item for item in docker_findings(fs, "/p") if item.code == "package-manager-floating"]
    return found.fix or ""


def test_the_pin_printed_installs_the_manager_the_command_installs() -> None:
    # the puretome case (`npm install -gf yarn`): the fix named `npm install -g pnpm@<x.y.z>` whatever was
    # installed, which pins nothing of yarn's; it now repeats the install with a version
    assert _floating_fix("RUN npm install -gf yarn").startswith("pin it: `npm install -g yarn@<x.y.z>`")
    assert _floating_fix("RUN npm i -g npm@latest") == "pin it: `npm install -g npm@<x.y.z>`"
    assert _floating_fix("RUN corepack enable && corepack prepare pnpm@latest --activate").startswith(
        "pin it: `corepack prepare pnpm@<x.y.z> --activate`"
    )
    # unchanged where it was right
    assert _floating_fix("RUN npm install -g pnpm") == (
        "pin it: `npm install -g pnpm@<x.y.z>`, or set `packageManager` in package.json and run `corepack enable`"
    )


def test_a_copied_app_folder_brings_the_node_modules_installed_in_it() -> None:
    # the jenkins-practice case: `FROM node AS build` (the newest line) installs in /app, and the shipped
    # node:20-alpine stage copies the whole /app: its node_modules (bcrypt's addon) were built under
    # another major and another C library
    image = (
        "FROM node AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\nCOPY . .\n"
        "FROM node:20-alpine\nWORKDIR /app\nCOPY --from=build /app /app\nUSER node\nCMD node server.js\n"
    )
    base = {"/p/package.json": "{}", "/p/package-lock.json": "{}", "/p/.dockerignore": "node_modules\n"}
    fs = MemoryFS.from_mapping(base | {"/p/Dockerfile": image})
    (found,) = [item for item in docker_findings(fs, "/p") if item.code == "node-version-mismatch"]
    assert (found.from_, found.line) == ("Dockerfile", 8)
    assert found.fix is not None and found.fix.startswith("build with the image that runs (`FROM node:20-alpine`")
    # a folder without the tree (the build output only) brings no packages
    dist = image.replace("COPY --from=build /app /app", "COPY --from=build /app/dist /app/dist")
    assert of(codes(base | {"/p/Dockerfile": dist}), "node-version-mismatch") == []
    # nor does the same image in both stages
    same = image.replace("FROM node AS build", "FROM node:20-alpine AS build")
    assert of(codes(base | {"/p/Dockerfile": same}), "node-version-mismatch") == []


def _corepack_project(dockerfile: str) -> dict[str, str]:
    # the dockertest-pnpm-watch case: a pnpm workspace whose root has no package.json; only the workspaces
    # name packageManager, and the install runs in /app, where corepack finds no manifest at all
    return {
        "/p/pnpm-workspace.yaml": "packages:\n  - ui\n  - api\n",
        "/p/pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        "/p/ui/package.json": '{"name": "ui", "packageManager": "pnpm@9.12.3"}',
        "/p/api/package.json": '{"name": "api", "packageManager": "pnpm@9.12.3"}',
        "/p/.dockerignore": "**/node_modules\n",
        "/p/Dockerfile": dockerfile,
    }


_COREPACK = (
    "FROM node:20-slim\nRUN corepack enable\nWORKDIR /app\nCOPY pnpm-lock.yaml ./pnpm-lock.yaml\n"
    "COPY pnpm-workspace.yaml ./pnpm-workspace.yaml\nCOPY ui/ /app/ui\nCOPY api/ /app/api\n"
    "RUN pnpm install --frozen-lockfile\nUSER node\nWORKDIR /app/api\nCMD node index.js\n"
)


def test_corepack_with_no_package_json_on_the_install_path_runs_its_newest_pnpm() -> None:
    # corepack 0.34: no package.json from the folder up is `NoProject`, answered like a package.json
    # without packageManager, by the default release (Engine.findProjectSpec -> getDefaultVersion)
    found = codes(_corepack_project(_COREPACK))
    assert of(found, "package-manager-floating") == [("package-manager-floating", "Dockerfile", 2)]
    # not when a package.json may be there: a whole-context COPY of a folder, a copy from another
    # stage into the folder, a RUN that writes or mounts one, or another base image
    for changed in (
        _COREPACK.replace("COPY ui/ /app/ui", "COPY ui/ /app/"),
        _COREPACK.replace("COPY ui/ /app/ui", "COPY --from=example/files /files /app"),
        _COREPACK.replace("RUN pnpm install", "RUN npm init -y && pnpm install"),
        _COREPACK.replace("RUN pnpm install", "RUN --mount=type=bind,target=package.json,source=x.json pnpm install"),
        _COREPACK.replace("FROM node:20-slim", "FROM example/node-tools:1"),
    ):
        assert of(codes(_corepack_project(changed)), "package-manager-floating") == [], changed
    # nor for a pnpm command that is not the project's install (a global tool)
    tools = _COREPACK.replace("RUN pnpm install --frozen-lockfile", "RUN pnpm add -g zx@8.1.0")
    assert of(codes(_corepack_project(tools)), "package-manager-floating") == []


def test_from_an_image_a_compose_service_builds_starts_from_that_build() -> None:
    # the puretome case: service `base` builds example/base:latest (the whole project, yarn.lock with it);
    # web.Dockerfile starts FROM it and runs `yarn install` with no COPY of its own: the lockfile is there
    project = {
        "/p/package.json": '{"private": true, "workspaces": ["apps/*"]}',
        "/p/yarn.lock": "# yarn lockfile v1\n",
        "/p/apps/web/package.json": '{"name": "web"}',
        "/p/.dockerignore": "**/node_modules\n",
        "/p/base.Dockerfile": "FROM node:20\nWORKDIR /app\nCOPY . .\n",
        "/p/web.Dockerfile": "FROM example/base:latest\nWORKDIR /app/apps/web\nRUN yarn install\nCMD yarn dev\n",
        "/p/compose.yaml": "services:\n  base:\n    build:\n      context: .\n      dockerfile: base.Dockerfile\n"
        "    image: example/base:latest\n  web:\n    build:\n      context: .\n      dockerfile: web.Dockerfile\n",
    }
    found = codes(project)
    assert of(found, "lockfile-not-used") == []
    # the base stage sets no USER, so web runs as root, on node's official image
    fs = MemoryFS.from_mapping(project)
    (root,) = [
        item for item in docker_findings(fs, "/p") if item.code == "runs-as-root" and item.from_ == "web.Dockerfile"
    ]
    assert root.fix is not None and root.fix.startswith("add `USER node`")
    # without the base service, the image is unknown and the install finds nothing copied (as before)
    alone = project | {
        "/p/compose.yaml": project["/p/compose.yaml"].replace("image: example/base:latest", "image: other")
    }
    assert of(codes(alone), "lockfile-not-used") == [("lockfile-not-used", "web.Dockerfile", 3)]


def test_yarn_set_version_undone_by_the_projects_yarnrc_is_not_floating() -> None:
    # the puretome case: `yarn set version berry` fetches the newest berry and points yarnPath at it, but
    # the COPY of the project's .yarnrc.yml right after puts yarnPath back to the committed release, which
    # every later yarn command runs
    project = {
        "/p/package.json": '{"private": true}',
        "/p/yarn.lock": "__metadata:\n  version: 8\n  cacheKey: 10c0\n",
        "/p/.yarnrc.yml": "yarnPath: .yarn/releases/yarn-4.9.1.cjs\nnodeLinker: node-modules\n",
        "/p/.yarn/releases/yarn-4.9.1.cjs": "",
        "/p/.dockerignore": "**/node_modules\n",
    }
    image = (
        "FROM node:20\nWORKDIR /app\nRUN yarn set version berry\nCOPY .yarnrc.yml .\n"
        "COPY .yarn/releases .yarn/releases\nCOPY package.json yarn.lock ./\n"
        "RUN yarn install --immutable\nCOPY . .\nUSER node\nCMD node .\n"
    )
    assert of(codes(project | {"/p/Dockerfile": image}), "package-manager-floating") == []
    # without the project's .yarnrc.yml copied before the install, the fetched release installs
    kept = image.replace("COPY .yarnrc.yml .\n", "")
    assert of(codes(project | {"/p/Dockerfile": kept}), "package-manager-floating") == [
        ("package-manager-floating", "Dockerfile", 3)
    ]
