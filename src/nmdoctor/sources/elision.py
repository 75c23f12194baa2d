"""Imports TypeScript drops: an ``import { X } from 'y'`` whose names are used only as types.

TypeScript's emit (and the TypeScript transforms of Babel, esbuild and SWC, which vite, jest's
babel-jest, tsx and next use) removes an import declaration none of whose bindings is referenced as
a value: ``import { ReactWrapper } from 'enzyme'`` used only in ``wrapper: ReactWrapper`` never
loads enzyme. Nothing is dropped under ``verbatimModuleSyntax``, ``preserveValueImports`` or
``importsNotUsedAsValues: preserve|error`` (the rule reading this asks the file's tsconfig), nor by
node's own type stripping, which needs ``import type`` for a type.

Asked only of an import about to be reported (the file is parsed again then): a whole-tree walk per
file would cost every run.
"""

from __future__ import annotations

import tree_sitter

from nmdoctor.sources.imports import language_for, parser_for

__all__ = ["import_only_types"]

# Nodes whose identifiers name types: ``typeof X`` in a type, ``X.Y`` as a type, a type's arguments.
_TYPE_NODES = frozenset(
    {
        "type_annotation",
        "type_arguments",
        "type_parameters",
        "type_alias_declaration",
        "interface_declaration",
        "type_query",
        "nested_type_identifier",
        "generic_type",
        "implements_clause",
        "extends_type_clause",
        "type_predicate",
        "type_predicate_annotation",
        "asserts_annotation",
        "opting_type_annotation",
        "omitting_type_annotation",
        "adding_type_annotation",
        "ambient_declaration",
    }
)
# Names a classic JSX transform references for every element (``React.createElement``, ``h``).
_JSX_FACTORIES = frozenset({"React", "h"})


def import_only_types(source: bytes, path: str, line: int, column: int) -> bool:
    """Is the ``import`` declaration whose specifier starts at ``line``:``column`` (1-based) one
    TypeScript drops: it binds names, and none of them is used as a value (a type-only specifier,
    ``import { type T }``, binds none)? False for anything else (a side-effect import, a
    ``require``, a JavaScript file, a file with decorators, whose types ``emitDecoratorMetadata``
    may emit as values)."""
    language = language_for(path)
    if language not in ("typescript", "tsx") or path.endswith(".d.ts"):
        return False
    tree = parser_for(language).parse(source)
    statement = _import_at(tree.root_node, line - 1, column - 1)
    if statement is None:
        return False
    clause = next((child for child in statement.named_children if child.type == "import_clause"), None)
    if clause is None:
        return False  # ``import 'x'``: loaded for its side effects
    names = _bindings(clause)
    if names is None:
        return False
    if not names:
        return True  # ``import { type A } from 'x'``
    jsx = language == "tsx"
    return not _used_as_value(tree.root_node, statement, names, jsx)


def _import_at(root: tree_sitter.Node, row: int, column: int) -> tree_sitter.Node | None:
    for node in root.named_children:
        if node.type != "import_statement":
            continue
        source = node.child_by_field_name("source")
        if source is not None and tuple(source.start_point) == (row, column):
            return node
    return None


def _bindings(clause: tree_sitter.Node) -> set[str] | None:
    """The local names a value import binds (type-only specifiers left out); None for a form this
    reading does not know."""
    names: set[str] = set()
    for child in clause.named_children:
        if child.type == "identifier":  # import D from
            names.add(_text(child))
        elif child.type == "namespace_import":  # import * as NS from
            identifier = next((item for item in child.named_children if item.type == "identifier"), None)
            if identifier is None:
                return None
            names.add(_text(identifier))
        elif child.type == "named_imports":
            for specifier in child.named_children:
                if specifier.type != "import_specifier":
                    continue
                if any(not item.is_named and _text(item) == "type" for item in specifier.children):
                    continue
                identifiers = [item for item in specifier.named_children if item.type == "identifier"]
                if not identifiers:
                    return None
                names.add(_text(identifiers[-1]))  # ``X as Y`` binds Y
        else:
            return None
    return names


def _used_as_value(root: tree_sitter.Node, statement: tree_sitter.Node, names: set[str], jsx: bool) -> bool:
    has_jsx = False
    cursor = root.walk()
    pending = True
    while pending:
        node = cursor.node
        assert node is not None
        kind = node.type
        if kind == "decorator":
            return True
        if kind in ("jsx_element", "jsx_self_closing_element"):
            has_jsx = True
        descend = node.id != statement.id and kind not in _TYPE_NODES
        if kind in ("identifier", "shorthand_property_identifier") and _text(node) in names:
            return True
        if descend and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                pending = False
                break
    return jsx and has_jsx and bool(names & _JSX_FACTORIES)


def _text(node: tree_sitter.Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
