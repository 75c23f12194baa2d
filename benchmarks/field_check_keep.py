"""Keep a real project for the `check` field set: its manifests, lockfiles and resolution/tool
configs as they are, and an *import skeleton* of its source (same paths; each line holding an
import, require or export-from kept at its line number, with the ``try {`` / ``} catch`` lines of
guarded ones; every other line blank), so that no application code is committed.

    python benchmarks/field_check_keep.py /tmp/src/project tests/field/check/NAME \\
        --repo owner/name --commit SHA [--subdir apps/web]

The skeleton is checked: parsed again, it must yield the same import sites (specifier, line,
guarded) as the original file, or the script stops.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

import tree_sitter

from nmdoctor.sources.files import IGNORED_FOLDERS
from nmdoctor.sources.imports import language_for, parse_imports, parser_for

DATA = re.compile(
    r"^(package\.json|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|pnpm-workspace\.yaml|"
    r"\.gitignore|\.npmrc|\.yarnrc(\.yml)?|\.env(\..+)?|[tj]sconfig(\.[\w.-]+)?\.json|\.babelrc(\.json|\.js|\.cjs)?|"
    r"\.eslintrc(\.json|\.ya?ml|\.js|\.cjs)?|\.postcssrc(\.json)?|\.prettierrc(\.json|\.ya?ml)?|"
    r"(webpack|jest|vite|vitest|rollup|babel|postcss|eslint|tsup|tsdown|craco|vue|next|nuxt|svelte|astro|quasar)"
    r"(\.[\w-]+)*\.config\.[cm]?[jt]s|config-overrides\.js|"
    r"webpack(\.[\w-]+)*\.[cm]?js|"
    r"[\w.-]*(jest|config|cli|rc)[\w.-]*\.json)$"  # tool configs in JSON (test/jest-e2e.json, nest-cli.json)
)
ASSETS = re.compile(r"\.(css|scss|sass|less|styl|svg|png|jpe?g|gif|ico|json|vue|html|md|mdx|woff2?|ttf)$")
MAX_BYTES = 2_000_000


def _sites(source: bytes, path: str) -> list[tuple[str, int, bool]]:
    return [(site.specifier, site.line, site.guarded) for site in parse_imports(source, path)]


def _statement_lines(tree: tree_sitter.Tree, line: int, column: int) -> set[int]:
    """The lines of the smallest statement holding the literal at (line, column), 1-based."""
    node = tree.root_node.named_descendant_for_point_range((line - 1, column - 1), (line - 1, column - 1))
    while node is not None and not node.type.endswith(("statement", "declaration")):
        node = node.parent
    if node is None:
        return {line}
    return set(range(node.start_point[0] + 1, node.end_point[0] + 2))


def _try_lines(tree: tree_sitter.Tree, line: int, column: int) -> set[int]:
    """``try {``, ``} catch (e) {`` and the closing ``}`` lines around a guarded site."""
    lines: set[int] = set()
    node = tree.root_node.named_descendant_for_point_range((line - 1, column - 1), (line - 1, column - 1))
    chain: set[int] = set()
    while node is not None:
        chain |= {node.start_point[0] + 1, node.end_point[0] + 1}
        prop = node.child_by_field_name("property") if node.type == "member_expression" else None
        if prop is not None and prop.text == b"catch":  # import(...).catch: the lines that make the chain
            lines |= chain | {prop.start_point[0] + 1}
            break
        if node.type == "try_statement":
            lines.add(node.start_point[0] + 1)
            for child in node.named_children:
                if child.type in ("catch_clause", "finally_clause"):
                    lines.add(child.start_point[0] + 1)
                    lines.add(child.end_point[0] + 1)
        node = node.parent
    return lines


def skeleton(source: bytes, path: str) -> bytes:
    language = language_for(path)
    assert language is not None
    tree = parser_for(language).parse(source)
    original = parse_imports(source, path)
    lines = source.decode("utf-8", errors="replace").split("\n")
    keep: set[int] = set()
    for site in original:
        keep.add(site.line)
        if site.guarded:
            keep |= _try_lines(tree, site.line, site.column)
    for widen in (False, True):
        if widen:
            for site in original:
                keep |= _statement_lines(tree, site.line, site.column)
        text = "\n".join(line if number + 1 in keep else "" for number, line in enumerate(lines)).encode()
        if _sites(text, path) == [(site.specifier, site.line, site.guarded) for site in original]:
            return text
    raise SystemExit(f"{path}: skeleton does not keep the same imports; keep this file by hand")


def keep(source: Path, dest: Path) -> list[str]:
    kept = []
    for folder, names, files in os.walk(source):
        skipped = (IGNORED_FOLDERS - {"build", "scripts"}) | {".git"}
        names[:] = sorted(name for name in names if name not in skipped)
        for name in sorted(files):
            path = Path(folder) / name
            relative = path.relative_to(source).as_posix()
            target = dest / relative
            if DATA.match(name):
                data = path.read_bytes()
            elif language_for(name) is not None and path.stat().st_size <= MAX_BYTES and not name.endswith(".min.js"):
                data = skeleton(path.read_bytes(), relative)
            elif ASSETS.search(name):
                data = b""  # an empty placeholder: imports of it resolve, its content is not ours
            else:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            kept.append(relative)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--commit", required=True)
    parser.add_argument("--subdir", default="")
    arguments = parser.parse_args()
    source = arguments.source / arguments.subdir if arguments.subdir else arguments.source
    if arguments.dest.exists():
        shutil.rmtree(arguments.dest)
    arguments.dest.mkdir(parents=True)
    files = keep(source, arguments.dest / "project")
    record = {
        "repository": f"https://github.com/{arguments.repo}",
        "commit": arguments.commit,
        "subdir": arguments.subdir,
        "kept": "manifests, lockfiles and tool configs as they are; JS/TS source as import skeletons "
        "(benchmarks/field_check_keep.py); style and asset files as empty placeholders",
        "files": len(files),
    }
    (arguments.dest / "SOURCE.json").write_text(json.dumps(record, indent=2) + "\n")
    print(f"{arguments.dest}: {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main()
