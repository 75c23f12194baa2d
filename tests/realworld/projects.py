"""Three real projects (packages from the public npm registry, pinned) with the problems of our
incident seeds, and the workloads that show whether they work: a real webpack build, real node.

- ``wrapper`` (seed 002): the app's webpack setup lives in a build-wrapper package (installed from a
  tarball, as a private package would be) that owns webpack, css-loader and style-loader; its config
  names the loaders by string and webpack looks them up from the app's folder.
- ``phantom``: the app requires ``debug`` and ``ms``, which only express depends on.
- ``monorepo``: npm workspaces; ``web`` requires ``ms``, which only its sibling ``lib`` declares.

Each workload prints a JSON list of what failed to load, so one run reports every failure.
"""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path
from typing import Any

__all__ = ["PROJECTS", "Project", "write_project"]

WEBPACK = "5.96.1"
CSS_LOADER = "6.11.0"
STYLE_LOADER = "3.3.4"

BUILD_SCRIPT = """\
#!/usr/bin/env node
// The wrapper's build: its own webpack config, run against the project in the current folder.
// webpack stops at the first loader of a module it cannot resolve; so that one run names every one,
// each loader the config names is then also asked of the same compiler's loader resolver.
const path = require('path');
const webpack = require('webpack');
const config = require('./webpack.config.js');
const compiler = webpack({
  ...config,
  mode: 'development',
  devtool: false,
  context: process.cwd(),
  entry: './src/index.js',
  output: { path: path.join(process.cwd(), 'dist') },
});
compiler.run((error, stats) => {
  if (error) { console.error(error); process.exit(2); }
  const messages = stats.toJson({ all: false, errors: true }).errors.map((item) => item.message);
  const missing = new Set(messages.flatMap((text) => [...text.matchAll(/Can't resolve '([^']+)'/g)].map((m) => m[1])));
  const loaders = config.module.rules.flatMap((rule) => rule.use);
  const resolver = compiler.resolverFactory.get('loader', compiler.options.resolveLoader);
  let pending = loaders.length;
  for (const loader of loaders) {
    resolver.resolve({}, compiler.context, loader, {}, (failure) => {
      if (failure) missing.add(loader);
      if (--pending === 0) console.log(JSON.stringify([...missing].sort()));
    });
  }
});
"""

WEBPACK_CONFIG = """\
module.exports = {
  module: { rules: [{ test: /\\.css$/, use: ['style-loader', 'css-loader'] }] },
};
"""

REQUIRES_SCRIPT = """\
const missing = [];
function load(name, requireIt) {
  try { requireIt(); } catch (error) { if (error.code !== 'MODULE_NOT_FOUND') throw error; missing.push(name); }
}
{loads}
console.log(JSON.stringify(missing.sort()));
"""


def requires_script(names: list[str]) -> str:
    """A script that requires each name by a literal, unguarded ``require`` (an app's plain import:
    a require inside a try block is a feature probe, which check and migrate judge as a note) and
    lists the ones not found: the harness's ``load`` catches the failure so that one run names all."""
    loads = "\n".join(f"load('{name}', () => require('{name}'));" for name in names)
    return REQUIRES_SCRIPT.replace("{loads}", loads)


class Project:
    def __init__(
        self,
        manifest: dict[str, Any],
        files: dict[str, str],
        workload: list[str],
        *,
        pnpm_manifests: dict[str, dict[str, Any]] | None = None,
        pnpm_files: dict[str, str] | None = None,
    ) -> None:
        self.manifest = manifest
        self.files = files
        self.workload = workload  # run with node in the project folder
        self.pnpm_manifests = pnpm_manifests or {}  # package.json files pnpm needs written differently
        self.pnpm_files = pnpm_files or {}


def _wrapper_tarball() -> bytes:
    files = {
        "package.json": json.dumps(
            {
                "name": "app-builder",
                "version": "1.0.0",
                "bin": {"app-builder": "build.js"},
                "dependencies": {"webpack": WEBPACK, "css-loader": CSS_LOADER, "style-loader": STYLE_LOADER},
            }
        ),
        "build.js": BUILD_SCRIPT,
        "webpack.config.js": WEBPACK_CONFIG,
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            info.mode = 0o755 if name == "build.js" else 0o644
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


PROJECTS: dict[str, Project] = {
    "wrapper": Project(
        {"name": "ops-app", "version": "1.0.0", "dependencies": {"app-builder": "file:vendor/app-builder-1.0.0.tgz"}},
        {"src/index.js": "require('./style.css');\n", "src/style.css": "body { color: red; }\n"},
        ["node_modules/app-builder/build.js"],
    ),
    "phantom": Project(
        {"name": "api", "version": "1.0.0", "dependencies": {"express": "4.21.2"}},
        {"src/index.js": requires_script(["express", "debug", "ms"])},
        ["src/index.js"],
    ),
    "monorepo": Project(
        {"name": "mono", "version": "1.0.0", "private": True, "workspaces": ["packages/*"]},
        {
            "packages/lib/package.json": json.dumps(
                {"name": "lib", "version": "1.0.0", "dependencies": {"ms": "2.1.3"}}
            ),
            "packages/lib/index.js": "module.exports = require('ms');\n",
            "packages/web/package.json": json.dumps(
                {"name": "web", "version": "1.0.0", "dependencies": {"lib": "1.0.0"}}
            ),
            "packages/web/index.js": requires_script(["lib", "ms"]),
        },
        ["packages/web/index.js"],
        pnpm_manifests={
            "packages/web/package.json": {"name": "web", "version": "1.0.0", "dependencies": {"lib": "workspace:*"}},
        },
        pnpm_files={"pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n"},
    ),
}


def write_project(project: Project, dest: Path, *, for_pnpm: bool) -> None:
    dest.mkdir(parents=True)
    (dest / "package.json").write_text(json.dumps(project.manifest, indent=2))
    files = {**project.files, **(project.pnpm_files if for_pnpm else {})}
    if for_pnpm:
        files.update({path: json.dumps(manifest) for path, manifest in project.pnpm_manifests.items()})
    for path, text in files.items():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text)
    if "app-builder" in project.manifest.get("dependencies", {}):
        (dest / "vendor").mkdir()
        (dest / "vendor" / "app-builder-1.0.0.tgz").write_bytes(_wrapper_tarball())
