"""Whether TypeScript (tsc, or Babel's and esbuild's TypeScript transforms) keeps an import.

Each of them drops an ``import`` whose bindings are used only in type positions, and keeps one of
which a binding is used as a value: called (``useLocation()``), rendered (``<Route />``), read,
extended by a class. An import kept in the output is resolved by node or the bundler like any
other; one dropped never is.
"""

from __future__ import annotations

import tree_sitter

from nmdoctor.sources.imports import language_for, parser_for

__all__ = ["import_used_as_value"]

# A binding met below one of these is used as a type (``typeof x`` in a type is a type query,
# which the transforms drop too).
_TYPE_CONTEXTS = frozenset(
    {
        "type_annotation",
        "type_arguments",
        "type_parameters",
        "type_alias_declaration",
        "interface_declaration",
        "implements_clause",
        "extends_type_clause",
        "nested_type_identifier",
        "type_query",
        "type_predicate",
        "ambient_declaration",
    }
)
# Declarations that give a name (the field holding it): a binding declared again is shadowed.
# In a re-export list what the name is decides whether the import is kept.
_DECLARES = {"required_parameter": "pattern", "optional_parameter": "pattern", "variable_declarator": "name"}
_UNDECIDED = frozenset({"export_specifier", "import_specifier"})


def _bindings(statement: tree_sitter.Node) -> set[bytes]:
    """The local names an ``import`` statement makes, less those marked ``type`` one by one."""
    names: set[bytes] = set()
    for clause in statement.named_children:
        if clause.type != "import_clause":
            continue
        for part in clause.named_children:
            if part.type == "identifier":
                names.add(part.text or b"")
            elif part.type == "namespace_import":
                names.update(child.text or b"" for child in part.named_children if child.type == "identifier")
            elif part.type == "named_imports":
                for specifier in part.named_children:
                    if specifier.type != "import_specifier":
                        continue
                    if any(child.type == "type" for child in specifier.children):
                        continue
                    alias = specifier.child_by_field_name("alias") or specifier.child_by_field_name("name")
                    if alias is not None:
                        names.add(alias.text or b"")
    return names


def _as_type(node: tree_sitter.Node) -> bool:
    parent = node.parent
    if parent is not None and parent.type in _UNDECIDED:
        return True
    while parent is not None:
        if parent.type in _TYPE_CONTEXTS:
            return True
        parent = parent.parent
    return False


def import_used_as_value(source: bytes, path: str, line: int, specifier: str) -> bool:
    """Is a binding of the ``import ... from 'specifier'`` whose string is on ``line`` (1-based) used
    as a value in the file? False when none is, when the statement is not found, and for a file that
    is not TypeScript."""
    language = language_for(path)
    if language not in ("typescript", "tsx") or path.endswith(".d.ts"):
        return False
    tree = parser_for(language).parse(source)
    statement = None
    for node in tree.root_node.named_children:
        found = node.child_by_field_name("source") if node.type == "import_statement" else None
        if found is not None and found.start_point[0] == line - 1:
            fragment = [child for child in found.named_children if child.type == "string_fragment"]
            if fragment and (fragment[0].text or b"").decode("utf-8", "replace") == specifier:
                statement = node
                break
    if statement is None:
        return False
    names = _bindings(statement)
    if not names:
        return False
    stack = [child for child in tree.root_node.named_children if child != statement]
    used = False
    while stack:
        node = stack.pop()
        if node.type in ("identifier", "shorthand_property_identifier") and node.text in names:
            if _declares(node):
                # the name is declared again in some scope: which uses are the import's is a
                # question of scopes, not answered here
                return False
            used = used or not _as_type(node)
        stack.extend(node.named_children)
    return used


def _declares(node: tree_sitter.Node) -> bool:
    """Is ``node`` the name a declaration gives (a parameter, a variable, a function, a class, a
    caught error)?"""
    parent = node.parent
    if parent is None:
        return False
    if parent.type in _DECLARES:
        return parent.child_by_field_name(_DECLARES[parent.type]) == node
    if parent.type in ("function_declaration", "class_declaration", "function_expression"):
        return parent.child_by_field_name("name") == node
    if parent.type == "arrow_function":
        return parent.child_by_field_name("parameter") == node
    return parent.type == "catch_clause"
