"""Hostile trees, generated: each builder writes one into a folder and names the commands to run on it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

Builder = Callable[[Path], None]

DEEP = 100_000
HOSTILE_STRINGS = [
    "\x1b]0;pwned\x07",  # OSC: sets the terminal's title
    "\x1b[2J\x1b[31mred",  # clears the screen, colours
    "x\nok: no problems in 0 installed packages",  # a forged line
    "a\rb\x08c\x00d",
    "\u202egnp.exe",  # right-to-left override
    "<!--<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "\u2028\u2029",
    "\udc80\udcff",  # undecodable bytes of a file name, as Python holds them
    "&amp;&lt;\\u003c",
    "\ud83d",  # a lone high surrogate
]


def write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    else:
        path.write_bytes(content)


def manifest(name: str = "app", **fields: object) -> str:
    return json.dumps({"name": name, "version": "1.0.0", **fields})


def npm_lock(packages: dict[str, str]) -> str:
    entries: dict[str, object] = {"": {"name": "app", "version": "1.0.0", "dependencies": dict.fromkeys(packages, "*")}}
    entries.update({f"node_modules/{name}": {"version": version} for name, version in packages.items()})
    return json.dumps({"name": "app", "version": "1.0.0", "lockfileVersion": 3, "packages": entries})


def installed(root: Path, name: str, version: str = "1.0.0", **fields: object) -> None:
    write(root / "node_modules" / name / "package.json", json.dumps({"name": name, "version": version, **fields}))
    write(root / "node_modules" / name / "index.js", "module.exports = 1;\n")


def deep_json(depth: int = DEEP) -> str:
    return '{"a":' * depth + "1" + "}" * depth


# -- JSON ----------------------------------------------------------------------------------------
def deep_package_json(root: Path) -> None:
    write(root / "package.json", deep_json())


def deep_installed_package_json(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "1"}))
    write(root / "node_modules/x/package.json", '{"name":"x","version":"1.0.0","exports":' + deep_json(5000) + "}")


def moderately_deep_exports(root: Path) -> None:
    """Under the JSON bound, but deep enough to exhaust a recursive walk of conditions."""
    write(root / "package.json", manifest(dependencies={"x": "1"}))
    nested = '{"node":' * 190 + '"./i.js"' + "}" * 190
    write(root / "node_modules/x/package.json", '{"name":"x","version":"1.0.0","exports":' + nested + "}")
    write(root / "src/index.js", "require('x');\n")


def workspaces_number(root: Path) -> None:
    write(root / "package.json", manifest(workspaces=5))


def workspaces_object_number(root: Path) -> None:
    write(root / "package.json", manifest(workspaces={"packages": 5}))


def workspaces_escaping(root: Path) -> None:
    write(root / "package.json", manifest(workspaces=["../../../../**", "../../usr/lib/node_modules/*"]))


def workspaces_escaping_from_lockfile(root: Path) -> None:
    """No node_modules: the tree comes from yarn.lock, whose reader looks the workspaces up itself."""
    write(root / "package.json", manifest(workspaces=["../../*"]))
    write(root / "yarn.lock", "# yarn lockfile v1\n\n")


def workspaces_absolute(root: Path) -> None:
    write(root / "package.json", manifest(workspaces=["/usr/lib/*"]))


def workspaces_linked_out(root: Path) -> None:
    write(root / "package.json", manifest(workspaces=["packages/**"]))
    (root / "packages").mkdir()
    os.symlink("/", root / "packages/root")


def deep_npm_lock(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "package-lock.json", deep_json())


def wrong_types_everywhere(root: Path) -> None:
    write(
        root / "package.json",
        json.dumps({"name": 5, "version": [], "dependencies": "x", "devDependencies": {"a": 5}, "workspaces": None}),
    )
    write(root / "package-lock.json", json.dumps({"lockfileVersion": "x", "packages": {"": 5, "node_modules/a": []}}))
    write(root / "node_modules/a/package.json", json.dumps({"name": {"x": 1}, "version": 1.5, "exports": 7}))


def npm_lock_version_number(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "^1"}))
    packages = {"": {"dependencies": {"x": "^1"}}, "node_modules/x": {"version": 5}}
    write(root / "package-lock.json", json.dumps({"lockfileVersion": 3, "packages": packages}))


def pnpm_lock_packages_number(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "^1"}))
    importer = "importers:\n  .:\n    dependencies:\n      x: {specifier: ^1, version: 1.0.0}\n"
    write(root / "pnpm-lock.yaml", f"lockfileVersion: '9.0'\n{importer}packages: 7\n")


def pnpm_lock_importer_number(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "^1"}))
    write(root / "pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .: 5\n")


def pnpm_lock_dependency_list(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "^1"}))
    write(root / "pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      x: [1]\n")


def berry_lock_resolution_number(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "^1"}))
    write(root / "yarn.lock", '__metadata:\n  version: 8\n"x@npm:^1":\n  version: 1.0.0\n  resolution: 5\n')


def berry_lock_dependencies_number(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "^1"}))
    entry = '"x@npm:^1":\n  version: 1.0.0\n  resolution: "x@npm:1.0.0"\n  dependencies: 7\n'
    write(root / "yarn.lock", f"__metadata:\n  version: 8\n{entry}")


def berry_lock_without_the_project(root: Path) -> None:
    """A yarn.lock with no entry for the project itself (no ``app@workspace:.``)."""
    write(root / "package.json", manifest(dependencies={"x": "^1.0.0"}))
    entry = '"x@npm:^1.0.0":\n  version: 1.0.0\n  resolution: "x@npm:1.0.0"\n  languageName: node\n  linkType: hard\n'
    write(root / "yarn.lock", f"__metadata:\n  version: 8\n\n{entry}")


def not_json(root: Path) -> None:
    write(root / "package.json", b"\xff\xfe{\x00")
    write(root / "node_modules/a/package.json", b"\xef\xbb\xbf{")


# -- YAML ----------------------------------------------------------------------------------------
def deep_pnpm_lock(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters: " + "[" * 50_000 + "]" * 50_000 + "\n")


def deep_block_pnpm_lock(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "pnpm-lock.yaml", "lockfileVersion: '9.0'\nimporters:\n  " + "- " * 30_000 + "x\n")


def aliased_pnpm_lock(root: Path) -> None:
    write(root / "package.json", manifest())
    deps = "".join(f"      d{index}: 1.0.0\n" for index in range(1000))
    packages = "".join(f"  p{index}@1.0.0:\n    dependencies: *deps\n" for index in range(1000))
    text = (
        "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: {}\n"
        f"snapshots:\n  base@1.0.0:\n    dependencies: &deps\n{deps}{packages}"
    )
    write(root / "pnpm-lock.yaml", text)


def billion_laughs(root: Path) -> None:
    write(root / "package.json", manifest())
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 12):
        previous, name = chr(96 + index), chr(97 + index)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    write(root / "pnpm-lock.yaml", "\n".join(lines) + "\nlockfileVersion: '9.0'\n")


def deep_berry_lock(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "yarn.lock", "__metadata:\n  version: 8\nx: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n")


def yarn_v1_bad_escape(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"a": "^1"}))
    write(root / "yarn.lock", '# yarn lockfile v1\n\n"a@^1":\n  version "1.0\\q"\n  resolved "x"\n')


def yarn_v1_bad_key_escape(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"a": "^1"}))
    write(root / "yarn.lock", '# yarn lockfile v1\n\n"a@^1\\x":\n  version "1.0.0"\n')


def deep_pnpm_workspace(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "pnpm-workspace.yaml", "packages: " + "[" * 50_000 + "]" * 50_000 + "\n")


def escaping_pnpm_workspace(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "pnpm-workspace.yaml", "packages:\n  - '../../**'\n")


def pnpm_workspace_packages_number(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "pnpm-workspace.yaml", "packages: 7\n")  # pnpm 10.34.8: "packages field is not an array"


def deep_compose(root: Path) -> None:
    write(root / "Dockerfile", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n")
    write(root / "compose.yaml", "services: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n")


def aliased_compose(root: Path) -> None:
    write(root / "Dockerfile", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n")
    lines = ["x-a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for index in range(1, 12):
        previous, name = chr(96 + index), chr(97 + index)
        lines.append(f"x-{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    write(root / "compose.yaml", "\n".join(lines) + "\nservices:\n  app:\n    build: .\n    volumes: *l\n")


# -- Dockerfile and sources ----------------------------------------------------------------------
def dockerfile_fifo(root: Path) -> None:
    os.mkfifo(root / "Dockerfile")


def dockerfile_hostile(root: Path) -> None:
    write(
        root / "Dockerfile",
        "FROM node:20\nWORKDIR /app\x1b]0;t\x07\nCMD " + "[" * 100_000 + "\nENTRYPOINT ['/x\\\n" + "\\\n" * 50_000,
    )
    write(root / "compose.yaml", "services:\n  app:\n    build: .\n    volumes: [5, {}, '::::', null]\n")


def compose_wrong_types(root: Path) -> None:
    write(root / "Dockerfile", "FROM node:20\n")
    write(root / "compose.yaml", "services: [1, 2]\nvolumes: 7\n")
    write(root / "docker-compose.yml", "- 1\n")


def source_fifo(root: Path) -> None:
    write(root / "package.json", manifest())
    (root / "src").mkdir()
    os.mkfifo(root / "src/index.js")


def source_hostile(root: Path) -> None:
    write(root / "package.json", manifest())
    write(root / "src/deep.js", "x = " + "[" * 100_000 + "]" * 100_000 + ";\nrequire('a\x1b]0;t\x07');\n")
    write(root / "src/strings.ts", "import x from '\\u{1b}]0;t\\u{7}';\nimport y from '<!--';\n")
    write(root / "src/bad.js", b"\xff\xfe\x00require('x')\n")


def components_hostile(root: Path) -> None:
    """Component files of 1.9 MB (under the source size limit) that open script, style, comment and
    quote without closing them: read in one pass (a scan from each opening took minutes)."""
    write(root / "package.json", manifest())
    write(root / "src/Open.astro", "---\nimport a from 'left-padz'\n---\n" + "<script>\n" * 200_000)
    write(root / "src/Open.vue", "<template>\n" + "<div\n" * 200_000 + "<script>import x from 'y'</script>")
    write(root / "src/Open.svelte", "<style>\n" + "<script>\n" * 200_000)
    write(root / "src/Quote.svelte", '<p title="\n' + "<script>\n" * 200_000)
    write(root / "src/Comment.vue", "<!--\n" + "<script>\n" * 200_000)


def manifest_fifo(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "1"}))
    (root / "node_modules/x").mkdir(parents=True)
    os.mkfifo(root / "node_modules/x/package.json")


def project_manifest_fifo(root: Path) -> None:
    os.mkfifo(root / "package.json")


def manifest_device(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "1"}))
    (root / "node_modules/x").mkdir(parents=True)
    os.symlink("/dev/zero", root / "node_modules/x/package.json")
    os.symlink("/dev/zero", root / "package-lock.json")


def symlink_tricks(root: Path) -> None:
    write(root / "package.json", manifest(dependencies={"x": "1", "loop": "1", "up": "1"}))
    (root / "node_modules/.bin").mkdir(parents=True)
    os.symlink("/", root / "node_modules/x")
    os.symlink("loop", root / "node_modules/loop")
    os.symlink("..", root / "node_modules/up")
    os.symlink("/proc/self/fd/0", root / "node_modules/.bin/stdin")
    os.symlink("../../..", root / "node_modules/@scope")


def hostile_names(root: Path) -> None:
    """Every hostile string as a package name, a version and a folder name."""
    write(root / "package.json", manifest(dependencies={f"p{index}": "1.0.0" for index in range(len(HOSTILE_STRINGS))}))
    for index, text in enumerate(HOSTILE_STRINGS):
        folder = root / "node_modules" / f"p{index}"
        write(
            folder / "package.json",
            json.dumps({"name": text, "version": text, "dependencies": {text: text}}),
        )
    write(root / "src/index.js", "".join(f"require({json.dumps(text)});\n" for text in HOSTILE_STRINGS[:4]))


def hostile_folder_names(root: Path) -> None:
    """Folder names no package manager writes: control characters and bytes that are not UTF-8."""
    write(root / "package.json", manifest(dependencies={"a": "1"}))
    for raw in (b"q\x1b]0;t\x07\nok: fine", b"\xff\xfe", "r\u202eevil".encode()):
        folder = os.path.join(os.fsencode(root / "node_modules"), raw)
        os.makedirs(folder)
        with open(os.path.join(folder, b"package.json"), "wb") as handle:
            handle.write(json.dumps({"name": os.fsdecode(raw), "version": "1.0.0"}).encode("utf-8", "surrogateescape"))
