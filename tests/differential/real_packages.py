"""Real published packages for the differential suite: their manifests, file lists and queries.

``tests/data/real_packages.json.gz`` holds what resolution reads from an ``npm install
--ignore-scripts`` of about 200 popular packages (and their dependencies): every ``package.json``
(only the fields a resolver reads: ``name``, ``version``, ``type``, ``main``, ``exports``,
``imports``), the list of files a query can reach (the rest of each package is dropped) and the
queries. :func:`build_tree` writes that tree back with empty stub files; the test asks real node and
``nmdoctor resolve --batch`` the same queries.

    python -m tests.differential.real_packages snapshot /tmp/rr/pkgs --out tests/data/real_packages.json.gz

makes the file again from an installed folder (see tests/differential/README.md).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tests.differential.generator import Query

__all__ = ["DATA", "DATA_PNPM", "build_tree", "load", "make_queries", "snapshot"]

DATA = Path(__file__).resolve().parents[1] / "data" / "real_packages.json.gz"
DATA_PNPM = DATA.with_name("real_packages_pnpm.json.gz")  # the same kind of data from pnpm 10's symlinked layout

MANIFEST_FIELDS = ("name", "version", "type", "main", "exports", "imports")

# Conditions a query is also asked under when the package's maps mention them.
EXTRA_CONDITIONS = (
    "browser",
    "development",
    "production",
    "react-server",
    "module-sync",
    "worker",
    "deno",
    "react-native",
    "edge-light",
    "workerd",
    "types",
    "module",
    "source",
)

_MAX_SUBPATHS = 24  # exports subpaths asked per package (evenly spread when there are more)
_MAX_EXPANSIONS = 2  # real files asked per "*" pattern target
_MAX_IMPORTS = 12
_CODE = re.compile(r"\.(?:js|cjs|mjs|json|node)$")
_MAX_SOURCES = 4  # files per package whose own require()/import specifiers are asked
_MAX_SPECIFIERS = 12  # specifiers asked per such file
_REQUIRE = re.compile(r"""\brequire(?:\.resolve)?\(\s*(['"])([^'"\n]{1,200})\1\s*\)""")
_IMPORT = re.compile(
    r"""(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+?\s*from\s*)?(['"])([^'"\n]{1,200})\1"""
    r"""|\bimport\(\s*(['"])([^'"\n]{1,200})\3\s*\)""",
    re.MULTILINE,
)


# ------------------------------------------------------------------------------------- snapshot


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _manifest(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        return {}
    return {key: raw[key] for key in MANIFEST_FIELDS if key in raw}


def _walk(root: Path, links: dict[str, str]) -> Iterator[tuple[str, list[str], list[str]]]:
    """Folders under ``root`` (not through links: those go to ``links``, path -> target)."""
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        rel = "" if rel == "." else rel
        for name in [*dirs, *files]:
            path = f"{rel}/{name}" if rel else name
            if os.path.islink(root / path) and name != ".bin" and "/.bin/" not in f"/{path}/":
                links[path] = os.readlink(root / path)
        dirs[:] = sorted(
            d
            for d in dirs
            if d != ".bin" and not (rel == "" and d.startswith(".")) and not os.path.islink(os.path.join(folder, d))
        )
        yield rel, dirs, sorted(name for name in files if not os.path.islink(os.path.join(folder, name)))


def _is_package_folder(folder: str) -> bool:
    parts = folder.split("/")
    if len(parts) >= 2 and parts[-2] == "node_modules":
        return True
    return len(parts) >= 3 and parts[-3] == "node_modules" and parts[-2].startswith("@")


def _packages(manifests: dict[str, dict[str, Any]]) -> list[str]:
    """Package folders (``node_modules/x``, ``node_modules/@s/x``, nested ones too)."""
    return sorted(folder for folder in (rel.rpartition("/")[0] for rel in manifests) if _is_package_folder(folder))


def _strings(target: Any) -> Iterator[str]:
    """Every string target in a conditions / array tree."""
    if isinstance(target, str):
        yield target
    elif isinstance(target, list):
        for item in target:
            yield from _strings(item)
    elif isinstance(target, dict):
        for value in target.values():
            yield from _strings(value)


def _spread(items: list[str], limit: int) -> list[str]:
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(index * step)] for index in range(limit)]


def _expand(key: str, target: Any, files: list[str]) -> list[str]:
    """Subpaths that a ``*`` key turns into, taken from real files its string targets match."""
    star = key.find("*")
    out: list[str] = []
    for text in _strings(target):
        if not text.startswith("./") or text.count("*") < 1:
            continue
        head, _, tail = text[2:].partition("*")
        matches = []
        for name in files:
            if name.startswith(head) and name.endswith(tail) and len(name) > len(head) + len(tail):
                middle = name[len(head) : len(name) - len(tail) if tail else len(name)]
                if text.count("*") > 1 and text[2:].replace("*", middle) != name:
                    continue
                matches.append(middle)
        for middle in _spread(sorted(matches), _MAX_EXPANSIONS):
            out.append(key[:star] + middle + key[star + 1 :])
    if not out:
        out.append(key[:star] + "x" + key[star + 1 :])
    return out


def _subpaths(exports: Any, files: list[str]) -> list[str]:
    if not isinstance(exports, dict) or not all(isinstance(k, str) and k.startswith(".") for k in exports):
        return ["."]
    out = []
    for key, target in exports.items():
        if "*" in key:
            out += _expand(key, target, files)
        elif key.endswith("/"):
            out.append(key + "index.js")
        else:
            out.append(key)
    return out


def _deep_paths(files: list[str], main: Any) -> list[str]:
    """A few paths that ``exports`` may not allow: the main file, a nested file, a folder."""
    out = ["package.json"]
    code = [name for name in files if _CODE.search(name) and name != "package.json"]
    if isinstance(main, str) and main:
        plain = main.removeprefix("./")
        out += [plain, re.sub(r"\.(?:c|m)?js$", "", plain)]
    nested = [name for name in code if "/" in name]
    for name in _spread(nested, 2):
        out += [name, re.sub(r"\.(?:c|m)?js$", "", name)]
        out.append(name.rpartition("/")[0])
    for name in _spread([n for n in code if "/" not in n], 1):
        out.append(name)
    seen: list[str] = []
    for name in out:
        if name and name not in seen:
            seen.append(name)
    return seen


def _conditions_for(manifest: dict[str, Any]) -> list[list[str]]:
    """No extra condition, each condition of EXTRA_CONDITIONS the maps mention, and the pairs
    that pull a map two ways at once (``import`` under require, ``require`` under import,
    ``browser`` with ``development``)."""
    text = json.dumps([manifest.get("exports"), manifest.get("imports")])
    out: list[list[str]] = [[]]
    out += [[name] for name in EXTRA_CONDITIONS if f'"{name}"' in text]
    out += [[name] for name in ("import", "require") if f'"{name}"' in text]
    if '"browser"' in text and '"development"' in text:
        out.append(["browser", "development"])
    return out


def _package_name_from_folder(folder: str) -> str:
    parts = folder.split("/")
    return "/".join(parts[-2:]) if parts[-2].startswith("@") else parts[-1]


def source_specifiers(path: Path) -> list[tuple[str, str]]:
    """``(mode, specifier)`` of the ``require()`` calls and ``import``s written in one file."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:400_000]
    except OSError:
        return []
    found = [("cjs", match.group(2)) for match in _REQUIRE.finditer(text)]
    for match in _IMPORT.finditer(text):
        found.append(("esm", match.group(2) or match.group(4)))
    return list(dict.fromkeys(found))


def _source_files(own: list[str], manifest: dict[str, Any]) -> list[str]:
    """A few of a package's code files: the main file first, then some spread over the rest."""
    code = [name for name in own if re.search(r"\.(?:js|cjs|mjs)$", name) and "/node_modules/" not in name]
    main = manifest.get("main")
    first = [name for name in code if isinstance(main, str) and name == main.removeprefix("./")]
    return first + _spread([name for name in code if name not in first], _MAX_SOURCES - len(first))


def make_queries(
    manifests: dict[str, dict[str, Any]],
    files: dict[str, list[str]],
    sources: dict[str, list[tuple[str, list[tuple[str, str]]]]] | None = None,
) -> list[Query]:
    """Queries (``from`` relative to the tree's root) about every package folder.

    ``files`` maps a package folder to its files (relative to the folder), before any is dropped.
    """
    queries: list[Query] = []
    for folder in _packages(manifests):
        manifest = manifests[folder + "/package.json"]
        name = _package_name_from_folder(folder)
        if manifest.get("name") not in (None, name):
            continue
        own = files.get(folder, [])
        parent = folder.rpartition("/node_modules/")[0] if "/node_modules/" in folder else ""
        referrer = (parent + "/" if parent else "") + "__referrer.js"
        inside = folder + "/__inside.js"
        requests: list[tuple[str, str]] = []
        subpaths = _spread(_subpaths(manifest.get("exports"), own), _MAX_SUBPATHS)
        for subpath in subpaths:
            requests.append((referrer, name + subpath[1:]))
        deep = [(referrer, f"{name}/{path}") for path in _deep_paths(own, manifest.get("main"))]
        imports = manifest.get("imports")
        if isinstance(imports, dict):
            keys = []
            for key, target in imports.items():
                keys += _expand(key, target, own) if "*" in key else [key]
            for key in _spread(keys, _MAX_IMPORTS):
                requests.append((inside, key))
        if manifest.get("exports") is not None:
            requests.append((inside, name))
            if len(subpaths) > 1:
                requests.append((inside, name + subpaths[1][1:]))
        number = 0
        for origin, request in dict.fromkeys(requests):
            for conditions in _conditions_for(manifest):
                for mode in ("cjs", "esm"):
                    queries.append(_query(f"{folder}#{number}", origin, request, mode, conditions))
            number += 1
        # Paths beside the map: the answer does not depend on conditions.
        for origin, request in dict.fromkeys(item for item in deep if item not in requests):
            for mode in ("cjs", "esm"):
                queries.append(_query(f"{folder}#{number}", origin, request, mode, []))
            number += 1
        for source, specifiers in (sources or {}).get(folder, []):
            for mode, request in specifiers[:_MAX_SPECIFIERS]:
                queries.append(_query(f"{folder}#{number}.src", f"{folder}/{source}", request, mode, []))
                number += 1
    return queries


def _query(key: str, origin: str, request: str, mode: str, conditions: list[str]) -> Query:
    tag = ",".join(conditions) or "-"
    return {
        "id": f"{key}.{mode}.{tag}",
        "from": origin,
        "request": request,
        "mode": mode,
        "conditions": conditions,
        "preserveSymlinks": False,
    }


def snapshot(root: Path) -> dict[str, Any]:
    """Manifests, file lists and queries of the installed tree at ``root`` (nothing dropped yet)."""
    manifests: dict[str, dict[str, Any]] = {}
    all_files: list[str] = []
    links: dict[str, str] = {}
    for rel, _dirs, names in _walk(root, links):
        for name in names:
            path = f"{rel}/{name}" if rel else name
            if not rel.startswith("node_modules") and rel != "":
                continue
            if name == "package.json":
                manifests[path] = _manifest(_read_json(root / path))
            all_files.append(path)
    packages = _packages(manifests)
    by_package: dict[str, list[str]] = {folder: [] for folder in packages}
    owners = sorted(packages, key=len, reverse=True)
    for path in all_files:
        for folder in owners:
            if path.startswith(folder + "/"):
                by_package[folder].append(path[len(folder) + 1 :])
                break
    sources = {
        folder: [
            (name, source_specifiers(root / folder / name))
            for name in _source_files(own, manifests[folder + "/package.json"])
        ]
        for folder, own in by_package.items()
    }
    queries = make_queries(manifests, by_package, sources)
    queries += _link_queries(root, links, manifests, sources)
    return {"manifests": manifests, "files": all_files, "links": links, "queries": queries}


def _link_queries(
    root: Path,
    links: dict[str, str],
    manifests: dict[str, dict[str, Any]],
    sources: dict[str, list[tuple[str, list[tuple[str, str]]]]],
) -> list[Query]:
    """Through each link to a package (pnpm's ``node_modules/x``): its name and its first
    ``exports`` subpath from the root, with and without ``preserveSymlinks``; and with
    ``preserveSymlinks``, the specifiers of its own files named by their link path."""
    queries: list[Query] = []
    for link in sorted(links):
        if not _is_package_folder(link):
            continue
        real = os.path.relpath(os.path.realpath(root / link), root)
        manifest = manifests.get(real + "/package.json")
        if manifest is None:
            continue
        name = _package_name_from_folder(link)
        parent = link.rpartition("/node_modules/")[0] if "/node_modules/" in link else ""
        referrer = (parent + "/" if parent else "") + "__referrer.js"
        requests = [name]
        exports = manifest.get("exports")
        if isinstance(exports, dict):
            requests += [name + key[1:] for key in exports if key.startswith("./") and "*" not in key][:2]
        for number, request in enumerate(requests):
            for preserve in (False, True):
                for mode in ("cjs", "esm"):
                    query = _query(f"{link}#link{number}", referrer, request, mode, [])
                    query["id"] += ".P" if preserve else ""
                    query["preserveSymlinks"] = preserve
                    queries.append(query)
        for source, specifiers in sources.get(real, []):
            for index, (mode, request) in enumerate(specifiers[:_MAX_SPECIFIERS]):
                query = _query(f"{link}#linksrc{index}.{source}", f"{link}/{source}", request, mode, [])
                query["preserveSymlinks"] = True
                queries.append(query)
    return queries


# ------------------------------------------------------------------------------------- the tree


def load(path: Path = DATA) -> dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


def build_tree(data: dict[str, Any], root: Path) -> list[Query]:
    """Write the tree under ``root`` (stub files, real manifests); the queries with absolute ``from``."""
    root.mkdir(parents=True, exist_ok=True)
    for rel in data["dirs"]:
        (root / rel).mkdir(parents=True, exist_ok=True)
    for rel in data["files"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    for rel, manifest in data["manifests"].items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest), encoding="utf-8")
    for rel, target in data.get("links", {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)
    return [{**query, "from": str(root / query["from"])} for query in data["queries"]]


def _parents(paths: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for path in paths:
        while "/" in path:
            path = path.rpartition("/")[0]
            if path in out:
                break
            out.add(path)
    return out


def _shape(query: Query, answer: dict[str, Any], manifest: dict[str, Any]) -> tuple[Any, ...]:
    """What makes a query different from another for the resolver (its kind, the package's
    fields, node's outcome), so that a few of each shape stand for all of them."""
    request = str(query["request"])
    if ".src." in query["id"]:
        kind = "src-" + ("relative" if request.startswith(".") else "hash" if request.startswith("#") else "bare")
    elif request.startswith("#"):
        kind = "imports"
    elif query["from"].endswith("__inside.js"):
        kind = "self"
    else:
        kind = "package" if "/" not in request.removeprefix("@").partition("/")[2] else "subpath"
    if "#link" in query["id"]:
        kind = "link-" + kind
    resolved = answer.get("resolved") or ""
    exports = manifest.get("exports")
    return (
        kind,
        query["mode"],
        tuple(query["conditions"]),
        query["preserveSymlinks"],
        answer.get("error") or resolved.rpartition(".")[2][:6],
        type(exports).__name__,
        manifest.get("type"),
        isinstance(manifest.get("imports"), dict),
    )


def select(
    full: dict[str, Any], answers: dict[str, dict[str, Any]], *, per_shape: int, direct: Iterable[str] = ()
) -> list[Query]:
    """Up to ``per_shape`` queries of every shape, taken from as many packages as possible, and
    the bare name of every ``direct`` package (installed by name), both ways, no conditions."""
    manifests = full["manifests"]
    by_shape: dict[tuple[Any, ...], dict[str, list[Query]]] = {}
    for query in full["queries"]:
        folder = query["id"].partition("#")[0]
        shape = _shape(query, answers[query["id"]], manifests.get(folder + "/package.json", {}))
        by_shape.setdefault(shape, {}).setdefault(folder, []).append(query)
    chosen: list[Query] = []
    for packages in by_shape.values():
        lists = list(packages.values())
        picked: list[Query] = []
        depth = 0
        while len(picked) < per_shape and any(depth < len(items) for items in lists):
            picked += [items[depth] for items in lists if depth < len(items)][: per_shape - len(picked)]
            depth += 1
        chosen += picked
    wanted = {f"node_modules/{name}" for name in direct}
    seen = {query["id"] for query in chosen}
    for query in full["queries"]:
        folder = query["id"].partition("#")[0]
        bare = folder in wanted and query["request"] == folder[len("node_modules/") :]
        if bare and not query["conditions"] and query["id"] not in seen and not query["from"].endswith("__inside.js"):
            chosen.append(query)
    order = {query["id"]: index for index, query in enumerate(full["queries"])}
    return sorted(chosen, key=lambda query: order[query["id"]])


def minimize(full: dict[str, Any], queries: list[Query], reached: Iterable[str]) -> dict[str, Any]:
    """The data the test needs: manifests, the files some query resolved to (``reached``,
    relative to the root), the folders no kept file implies, and ``queries``."""
    manifests = full["manifests"]
    keep = sorted(set(reached) - set(manifests))
    all_dirs = _parents(full["files"])
    return {
        "manifests": manifests,
        "files": keep,
        "dirs": sorted(all_dirs - _parents([*keep, *manifests])),
        "links": full.get("links", {}),
        "queries": queries,
    }


def _main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="read an installed tree; write its queries (full, nothing dropped)")
    snap.add_argument("root", type=Path)
    snap.add_argument("--out", type=Path, required=True)
    pick = sub.add_parser("select", help="keep a few queries of each shape and only the files they reach")
    pick.add_argument("full", type=Path, help="the snapshot")
    pick.add_argument("root", type=Path, help="the installed tree the snapshot was read from")
    pick.add_argument("answers", type=Path, nargs="+", help="oracle answers (JSON id -> answer), one per node")
    pick.add_argument("--per-shape", type=int, default=6)
    pick.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.command == "select":
        full = load(args.full)
        answers = [json.loads(path.read_text(encoding="utf-8")) for path in args.answers]
        direct = _read_json(args.root / "package.json").get("dependencies", {})
        queries = select(full, answers[0], per_shape=args.per_shape, direct=direct)
        base = str(args.root.resolve()) + "/"
        # Real paths: an answer under preserveSymlinks names the file through a link.
        reached = {
            os.path.relpath(os.path.realpath(answer["resolved"]), base)
            for table in answers
            for query in queries
            if (answer := table[query["id"]])["resolved"] and answer["resolved"].startswith(base)
        }
        data = {"installed": direct, **minimize(full, queries, reached)}
        with gzip.open(args.out, "wt", encoding="utf-8") as handle:
            json.dump(data, handle, separators=(",", ":"))
        print(f"{len(queries)} queries, {len(data['files'])} files, {len(data['dirs'])} more folders")
    if args.command == "snapshot":
        data = snapshot(args.root.resolve())
        with gzip.open(args.out, "wt", encoding="utf-8") as handle:
            json.dump(data, handle, separators=(",", ":"))
        print(f"{len(data['manifests'])} manifests, {len(data['files'])} files, {len(data['queries'])} queries")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
