"""The layers of docs/architecture.md: a module imports only from its own layer or the ones below.

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
    ("nmdoctor.vfs", "nmdoctor.yamlio", "nmdoctor"),  # "nmdoctor": the package itself (its version)
    ("nmdoctor.resolve", "nmdoctor.model"),
    (
        "nmdoctor.lockfiles",
        "nmdoctor.sources",
        "nmdoctor.linkers",
        "nmdoctor.inspect.workspaces",
        "nmdoctor.project.resolution",
    ),
    ("nmdoctor.diagnostics.model", "nmdoctor.diagnostics.catalog", "nmdoctor.diagnostics.explanations"),
    ("nmdoctor.inspect", "nmdoctor.archive", "nmdoctor.docker", "nmdoctor.project.cache"),
    ("nmdoctor.diagnostics",),
    ("nmdoctor.migrate", "nmdoctor.project"),
    ("nmdoctor.render",),
    ("nmdoctor.api", "nmdoctor.cli", "nmdoctor.fleet"),
)


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


def violations() -> list[str]:
    problems = []
    for path in sorted(SOURCE.rglob("*.py")):
        module = _module_name(path)
        own = layer_of(module)
        assert own >= 0, f"{module} is in no layer: add it to LAYERS and docs/architecture.md"
        for line, imported in _load_time_imports(ast.parse(path.read_text())):
            if imported == "nmdoctor":
                continue
            if layer_of(imported) > own:
                problems.append(
                    f"{path.relative_to(SOURCE.parent)}:{line}: {module} imports {imported} (a higher layer)"
                )
    return problems


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


def test_the_architecture_page_names_every_layer() -> None:
    page = (SOURCE.parents[1] / "docs" / "architecture.md").read_text()
    for prefixes in LAYERS:
        for prefix in prefixes:
            assert f"`{prefix.removeprefix('nmdoctor.')}" in page, prefix
