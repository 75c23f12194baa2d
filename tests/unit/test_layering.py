"""The layers of docs/architecture.md: a module imports only from its own layer or the ones below,
and the packages kept apart (node's resolver and webpack's) do not import each other.

Only imports that run when a module is loaded count; an import inside a function (made late on
purpose, to keep start-up fast or to reach an upper layer's registry once everything is loaded)
and imports under ``TYPE_CHECKING`` do not.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "nmdoctor"

# Lowest first; a module belongs to the layer of its longest matching prefix.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("nmdoctor.vfs", "nmdoctor.yamlio", "nmdoctor.kept", "nmdoctor"),  # "nmdoctor": the package itself
    ("nmdoctor.resolve", "nmdoctor.resolve.node", "nmdoctor.resolve.webpack", "nmdoctor.model"),
    (
        "nmdoctor.lockfiles",
        "nmdoctor.sources",
        "nmdoctor.linkers",
        "nmdoctor.inspect.workspaces",
        "nmdoctor.project.resolution",
        "nmdoctor.project.install_settings",
    ),
    ("nmdoctor.diagnostics.model", "nmdoctor.diagnostics.catalog", "nmdoctor.diagnostics.explanations"),
    (
        "nmdoctor.inspect",
        "nmdoctor.archive",
        "nmdoctor.docker",
        "nmdoctor.project.cache",
        "nmdoctor.project.lockfile_cache",
    ),
    ("nmdoctor.diagnostics",),
    ("nmdoctor.migrate", "nmdoctor.project"),
    ("nmdoctor.render",),
    ("nmdoctor.api", "nmdoctor.cli", "nmdoctor.fleet"),
)

# Packages of one layer kept apart: none imports another, and their common parent (what they share)
# imports none of them.
APART: tuple[tuple[str, ...], ...] = (("nmdoctor.resolve.node", "nmdoctor.resolve.webpack"),)


def _inside(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer_of(module: str) -> int:
    best, length = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            inside = module == prefix or (prefix != "nmdoctor" and module.startswith(prefix + "."))
            if inside and len(prefix) > length:
                best, length = index, len(prefix)
    return best


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _load_time_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of the imports at module level, outside ``if TYPE_CHECKING:``."""
    found: list[tuple[int, str]] = []

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((node.lineno, node.module))
            elif isinstance(node, ast.Import):
                found.extend((node.lineno, alias.name) for alias in node.names)
            elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    visit(tree.body)
    return [(line, module) for line, module in found if module.startswith("nmdoctor")]


def problems(module: str, imported: str) -> str | None:
    """Why ``module`` may not import ``imported`` at load time, or None when it may."""
    if imported == "nmdoctor":
        return None
    if layer_of(imported) > layer_of(module):
        return "a higher layer"
    for group in APART:
        parent = group[0].rpartition(".")[0]
        own = next((member for member in group if _inside(module, member)), None)
        other = next((member for member in group if _inside(imported, member)), None)
        if other is not None and own != other and (own is not None or _inside(module, parent)):
            return f"{other} is kept apart from {own or parent}"
    return None


def violations() -> list[str]:
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        module = _module_name(path)
        assert layer_of(module) >= 0, f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
        for line, imported in _load_time_imports(ast.parse(path.read_text())):
            why = problems(module, imported)
            if why is not None:
                found.append(f"{path.relative_to(SOURCE.parent)}:{line}: {module} imports {imported} ({why})")
    return found


def test_no_module_imports_a_higher_layer() -> None:
    assert violations() == []


def test_the_check_finds_an_upward_import() -> None:
    tree = ast.parse("from nmdoctor.cli.main import main\nif TYPE_CHECKING:\n    from nmdoctor.api import check\n")
    imports = _load_time_imports(tree)
    assert imports == [(1, "nmdoctor.cli.main")]
    assert layer_of("nmdoctor.cli.main") > layer_of("nmdoctor.vfs.disk")
    assert (
        layer_of("nmdoctor.diagnostics.model")
        < layer_of("nmdoctor.inspect.verify")
        < layer_of("nmdoctor.diagnostics.rules.drift")
    )


def test_the_new_packages_sit_in_their_layers() -> None:
    assert layer_of("nmdoctor.vfs.confined") == layer_of("nmdoctor.vfs.disk")
    assert layer_of("nmdoctor.resolve.node.cjs") == layer_of("nmdoctor.resolve.webpack.plugins.alias")
    assert layer_of("nmdoctor.resolve.errors") == layer_of("nmdoctor.resolve.node.cjs")
    assert layer_of("nmdoctor.archive.compare") == layer_of("nmdoctor.inspect.tree")
    assert layer_of("nmdoctor.archive.mount") < layer_of("nmdoctor.cli.archive_cmd")


def test_the_check_finds_an_import_upward_or_across() -> None:
    assert problems("nmdoctor.archive.compare", "nmdoctor.cli.archive_cmd") == "a higher layer"
    assert problems("nmdoctor.resolve.node.cjs", "nmdoctor.archive.mount") == "a higher layer"
    assert problems("nmdoctor.vfs.confined", "nmdoctor.resolve.node.search_paths") == "a higher layer"
    assert problems("nmdoctor.resolve.webpack.core", "nmdoctor.resolve.node.lookup") is not None
    assert problems("nmdoctor.resolve.node.esm", "nmdoctor.resolve.webpack.fields") is not None
    assert problems("nmdoctor.resolve.fileurl", "nmdoctor.resolve.node.exports") is not None
    assert problems("nmdoctor.resolve.webpack.paths", "nmdoctor.resolve.fileurl") is None
    assert problems("nmdoctor.resolve.webpack.pipeline", "nmdoctor.resolve.webpack.plugins.alias") is None
    assert problems("nmdoctor.archive.imports", "nmdoctor.resolve.node.resolver") is None
    assert problems("nmdoctor.cli.archive_cmd", "nmdoctor.archive.diagnose") is None


def test_the_architecture_page_names_every_layer() -> None:
    page = (SOURCE.parents[1] / "docs" / "architecture.md").read_text()
    for prefixes in LAYERS:
        for prefix in prefixes:
            assert f"`{prefix.removeprefix('nmdoctor.')}" in page, prefix
