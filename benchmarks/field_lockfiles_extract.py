"""Keep a public repository's lockfile and the manifests it needs, at one commit, as test data.

    python benchmarks/field_lockfiles_extract.py GIT_DIR COMMIT NAME [--repo owner/name]

writes tests/field/lockfiles/NAME/: the lockfile, the root package.json, the workspace settings
(pnpm-workspace.yaml, .yarnrc.yml without yarnPath/plugins, .npmrc), each workspace's package.json
(the folders the lockfile names as importers or workspaces), and SOURCE.json. No other file.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import subprocess
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parents[1] / "tests" / "field" / "lockfiles"
LOCKFILES = ("package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock")
SETTINGS = ("pnpm-workspace.yaml", ".yarnrc.yml", ".npmrc")
# Settings of the plugins that are not kept (yarn refuses settings no loaded plugin defines).
PLUGIN_SETTINGS = ("conditions", "releaseTool")


def _show(git_dir: str, commit: str, path: str) -> str | None:
    result = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True, text=True, check=False
    )
    return result.stdout if result.returncode == 0 else None


def _files(git_dir: str, commit: str) -> list[str]:
    listed = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", "--name-only", commit],
        capture_output=True,
        text=True,
        check=True,
    )
    return listed.stdout.splitlines()


def _workspace_folders(lock_name: str, lock_text: str, root: dict, files: list[str]) -> set[str]:
    folders: set[str] = set()
    if lock_name.endswith(".json"):
        data = json.loads(lock_text)
        for location, entry in (data.get("packages") or {}).items():
            if location and "node_modules/" not in location and not location.startswith(".."):
                folders.add(location)
            if isinstance(entry, dict) and entry.get("link") and isinstance(entry.get("resolved"), str):
                folders.add(entry["resolved"])
    elif lock_name == "pnpm-lock.yaml":
        data = yaml.safe_load(lock_text)
        folders.update(key for key in (data.get("importers") or {}) if key != ".")
    elif "__metadata:" in lock_text:
        for match in re.finditer(r'^  resolution: "(?:@[^@/]+/)?[^@]+@workspace:([^"]+)"', lock_text, re.MULTILINE):
            if match.group(1) != ".":
                folders.add(match.group(1))
    else:
        globs = root.get("workspaces")
        if isinstance(globs, dict):
            globs = globs.get("packages")
        for path in files:
            if path.endswith("/package.json") and "node_modules/" not in path:
                folder = path[: -len("/package.json")]
                if any(fnmatch.fnmatchcase(folder, glob.strip("/")) for glob in globs or ()):
                    folders.add(folder)
    return {folder for folder in folders if not folder.startswith("..")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("git_dir")
    parser.add_argument("commit")
    parser.add_argument("name")
    parser.add_argument("--repo", required=True, help="owner/name on GitHub")
    args = parser.parse_args()
    files = _files(args.git_dir, args.commit)
    lock_name = next(name for name in LOCKFILES if name in files)
    lock_text = _show(args.git_dir, args.commit, lock_name) or ""
    root_text = _show(args.git_dir, args.commit, "package.json") or "{}"
    dest = OUT / args.name
    dest.mkdir(parents=True, exist_ok=True)
    kept = {lock_name: lock_text, "package.json": root_text}
    for name in SETTINGS:
        text = _show(args.git_dir, args.commit, name)
        if text is None:
            continue
        if name == ".yarnrc.yml":  # the yarn release and plugins the project runs are not kept
            data = yaml.safe_load(text) or {}
            for key in ("yarnPath", "plugins", *PLUGIN_SETTINGS):
                data.pop(key, None)
            text = yaml.safe_dump(data, sort_keys=False)
        kept[name] = text
    for folder in sorted(_workspace_folders(lock_name, lock_text, json.loads(root_text), files)):
        text = _show(args.git_dir, args.commit, f"{folder}/package.json")
        if text is not None:
            kept[f"{folder}/package.json"] = text
    for path, text in kept.items():
        (dest / path).parent.mkdir(parents=True, exist_ok=True)
        (dest / path).write_text(text)
    source = {
        "repository": f"https://github.com/{args.repo}",
        "commit": args.commit,
        "kept": sorted(kept),
        "note": "manifests and lockfile only, as the repository has them "
        "(yarnPath, plugins and their settings dropped from .yarnrc.yml)",
    }
    (dest / "SOURCE.json").write_text(json.dumps(source, indent=2) + "\n")
    print(f"{dest}: {len(kept)} files")


if __name__ == "__main__":
    main()
