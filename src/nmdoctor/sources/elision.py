"""Whether TypeScript keeps an ``import`` declaration, or drops it.

TypeScript's emit (and the TypeScript transforms of Babel, esbuild and SWC, which vite, jest's
babel-jest, tsx and next use) removes an import declaration none of whose bindings is referenced as
a value: ``import { ReactWrapper } from 'enzyme'`` used only in ``wrapper: ReactWrapper`` never
loads enzyme. One of whose bindings is used as a value (called, rendered as ``<Route />``, read,
extended by a class) is kept, and node or the bundler resolves it like any other. Nothing is dropped
under ``verbatimModuleSyntax``, ``preserveValueImports`` or ``importsNotUsedAsValues:
preserve|error`` (the rules reading this ask the file's tsconfig), nor by node's own type
stripping, which needs ``import type`` for a type.

Where the files alone cannot tell, the answer is ``UNDECIDED``: a binding declared again in the
file (which uses are the import's is a question of scopes), one only re-exported (``export { A }``:
tsc decides by what ``A`` is, a per-file transform keeps it), decorators (``emitDecoratorMetadata``
emits parameter types as values), the factory of a classic JSX transform (``React``, ``h``), a
statement form this reading does not know. Asked only of an import about to be reported (the file
is parsed again then): a whole-tree walk per file would cost every run.
"""

from __future__ import annotations

import enum

import tree_sitter

from nmdoctor.sources.imports import parser_for, script_of

__all__ = ["ImportUse", "import_use"]


class ImportUse(enum.Enum):
    DROPPED = "dropped"  # its bindings are used only as types (or not at all): TypeScript drops it
    KEPT = "kept"  # a binding is used as a value, or it has none (``import 'x'``): TypeScript keeps it
    # ``import 'x'`` in a file that also says ``declare module 'x' { ... }``: kept, yet there so that
    # the augmentation applies (express-session's documented ``SessionData`` idiom); it loads `x` at
    # run time only when code imports the file itself
    AUGMENTS = "augments"
    UNDECIDED = "undecided"


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
# Declarations that give a name (the field holding it): a binding declared again is shadowed.
_DECLARES = {"required_parameter": "pattern", "optional_parameter": "pattern", "variable_declarator": "name"}
# In a re-export list, what the name is (a type or a value) decides whether the import is kept.
_RE_EXPORTS = frozenset({"export_specifier"})


def import_use(source: bytes, path: str, line: int, column: int) -> ImportUse:
    """What TypeScript does with the ``import`` declaration whose specifier starts at
    ``line``:``column`` (1-based, as ``ImportSite`` gives them) in the file at ``path``.
    ``UNDECIDED`` for a file that is not TypeScript (a ``.d.ts`` included) and for a position where
    no such declaration starts."""
    source, language = script_of(source, path)
    if language not in ("typescript", "tsx") or path.endswith(".d.ts"):
        return ImportUse.UNDECIDED
    tree = parser_for(language).parse(source)
    statement = _import_at(tree.root_node, line - 1, column - 1)
    if statement is None:
        return ImportUse.UNDECIDED
    clause = next((child for child in statement.named_children if child.type == "import_clause"), None)
    if clause is None:  # ``import 'x'``: loaded for its side effects
        return ImportUse.AUGMENTS if _augments(tree.root_node, statement) else ImportUse.KEPT
    names = _bindings(clause)
    if names is None:
        return ImportUse.UNDECIDED
    if not names:
        return ImportUse.DROPPED  # ``import { type A } from 'x'``
    return _use(tree.root_node, statement, names, jsx=language == "tsx")


def _import_at(root: tree_sitter.Node, row: int, column: int) -> tree_sitter.Node | None:
    for node in root.named_children:
        if node.type != "import_statement":
            continue
        source = node.child_by_field_name("source")
        if source is not None and tuple(source.start_point) == (row, column):
            return node
    return None


def _augments(root: tree_sitter.Node, statement: tree_sitter.Node) -> bool:
    """Whether the file declares ``declare module '<the import's specifier>'`` at its top level."""
    source = statement.child_by_field_name("source")
    if source is None:
        return False
    specifier = _text(source)[1:-1]
    for node in root.named_children:
        if node.type != "ambient_declaration":
            continue
        module = next((child for child in node.named_children if child.type == "module"), None)
        name = module.child_by_field_name("name") if module is not None else None
        if name is not None and name.type == "string" and _text(name)[1:-1] == specifier:
            return True
    return False


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


def _use(root: tree_sitter.Node, statement: tree_sitter.Node, names: set[str], *, jsx: bool) -> ImportUse:
    """One walk of the file outside the statement and outside types: how the bindings are used."""
    value = shadowed = re_exported = decorated = has_jsx = False
    cursor = root.walk()
    pending = True
    while pending:
        node = cursor.node
        assert node is not None
        kind = node.type
        if kind == "decorator":
            decorated = True
        elif kind in ("jsx_element", "jsx_self_closing_element"):
            has_jsx = True
        elif kind in ("identifier", "shorthand_property_identifier") and _text(node) in names:
            parent = node.parent
            if _declares(node):
                shadowed = True
            elif parent is not None and parent.type in _RE_EXPORTS:
                re_exported = True
            else:
                value = True
        descend = node.id != statement.id and kind not in _TYPE_NODES
        if descend and cursor.goto_first_child():
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                pending = False
                break
    if shadowed:
        return ImportUse.UNDECIDED
    if value:
        return ImportUse.KEPT
    if decorated or re_exported or (jsx and has_jsx and names & _JSX_FACTORIES):
        return ImportUse.UNDECIDED
    return ImportUse.DROPPED


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


def _text(node: tree_sitter.Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")
