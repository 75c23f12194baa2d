"""Module specifiers in JS, MJS, CJS, JSX, TS and TSX files, found with tree-sitter grammars.

A real parser, so that strings and comments that merely look like ``require('x')`` are not taken
for imports, and template literals, ``import type`` and re-exports are told apart.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache

import tree_sitter
import tree_sitter_javascript
import tree_sitter_typescript

__all__ = ["ImportKind", "ImportSite", "language_for", "parse_imports"]


class ImportKind(enum.Enum):
    REQUIRE = "require"
    REQUIRE_RESOLVE = "require.resolve"
    IMPORT = "import"
    EXPORT_FROM = "export-from"
    DYNAMIC_IMPORT = "dynamic-import"
    IMPORT_TYPE = "import-type"  # types only: erased at build time


@dataclass(frozen=True, slots=True)
class ImportSite:
    specifier: str
    kind: ImportKind
    line: int  # 1-based
    column: int  # 1-based

    @property
    def types_only(self) -> bool:
        return self.kind is ImportKind.IMPORT_TYPE


_EXTENSIONS = {
    ".js": "javascript",
    ".cjs": "javascript",
    ".mjs": "javascript",
    ".jsx": "javascript",
    ".ts": "typescript",
    ".mts": "typescript",
    ".cts": "typescript",
    ".tsx": "tsx",
}


def language_for(path: str) -> str | None:
    """Grammar for a file name, or None when it is not JS/TS source (``.d.ts`` counts as TypeScript)."""
    dot = path.rfind(".")
    return _EXTENSIONS.get(path[dot:].lower()) if dot != -1 else None


@cache
def _parser(language: str) -> tree_sitter.Parser:
    if language == "javascript":
        grammar = tree_sitter_javascript.language()
    elif language == "typescript":
        grammar = tree_sitter_typescript.language_typescript()
    else:
        grammar = tree_sitter_typescript.language_tsx()
    return tree_sitter.Parser(tree_sitter.Language(grammar))


def _string_value(node: tree_sitter.Node) -> str | None:
    """The value of a string literal, or of a template literal without substitutions."""
    if node.type == "string":
        fragments = [child for child in node.named_children if child.type in ("string_fragment", "escape_sequence")]
        return "".join(_text(child) for child in fragments) if fragments or node.text else ""
    if node.type == "template_string":
        if any(child.type == "template_substitution" for child in node.named_children):
            return None
        return "".join(_text(child) for child in node.named_children if child.type == "string_fragment")
    return None


def _text(node: tree_sitter.Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _is_type_only(node: tree_sitter.Node) -> bool:
    """``import type ...`` / ``export type ... from``: the keyword follows the first token."""
    for child in node.children:
        if child.type == "type" or (not child.is_named and _text(child) == "type"):
            return True
        if child.type in ("import_clause", "export_clause", "string"):
            return False
    return False


def _first_argument(arguments: tree_sitter.Node | None) -> tree_sitter.Node | None:
    if arguments is None:
        return None
    named = [child for child in arguments.named_children if child.type != "comment"]
    return named[0] if named else None


def parse_imports(source: bytes, path: str) -> list[ImportSite]:
    """Every static module specifier of the file, in source order."""
    language = language_for(path)
    if language is None:
        return []
    tree = _parser(language).parse(source)
    sites: list[ImportSite] = []
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        kind = None
        literal = None
        if node.type in ("import_statement", "export_statement"):
            literal = node.child_by_field_name("source")
            if literal is not None:
                if _is_type_only(node):
                    kind = ImportKind.IMPORT_TYPE
                else:
                    kind = ImportKind.IMPORT if node.type == "import_statement" else ImportKind.EXPORT_FROM
        elif node.type == "call_expression":
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            if function is not None:
                name = _text(function)
                if function.type == "import":
                    kind, literal = ImportKind.DYNAMIC_IMPORT, _first_argument(arguments)
                elif name == "require":
                    kind, literal = ImportKind.REQUIRE, _first_argument(arguments)
                elif name == "require.resolve":
                    kind, literal = ImportKind.REQUIRE_RESOLVE, _first_argument(arguments)
        elif node.type == "import_require_clause":  # TypeScript: import x = require("y")
            literal = node.child_by_field_name("source")
            kind = ImportKind.REQUIRE
        if kind is not None and literal is not None:
            value = _string_value(literal)
            if value is not None:
                line, column = literal.start_point
                sites.append(ImportSite(value, kind, line + 1, column + 1))
        stack.extend(reversed(node.children))
    return sites
