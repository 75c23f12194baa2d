"""Module specifiers in JS, MJS, CJS, JSX, TS and TSX files, found with tree-sitter grammars.

A real parser, so that strings and comments that merely look like ``require('x')`` are not taken
for imports, and template literals, ``import type`` and re-exports are told apart.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import tree_sitter

from nmdoctor.resolve.node.builtins import builtin_name
from nmdoctor.sources.components import component_code

__all__ = [
    "SOURCE_SUFFIXES",
    "UNCALLED",
    "ImportKind",
    "ImportSite",
    "language_for",
    "package_of",
    "parse_imports",
    "parser_for",
    "script_of",
]


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
    guarded: bool = False  # inside a ``try`` block (or an ``import().catch``): a feature probe
    elsewhere: bool = False  # ``require.resolve(x, {paths})``: looked up from other folders, not this file's
    skipped: bool = False  # a ``require``/``import()`` in the callback of ``test.skip``/``xit``: never runs
    # a ``require``/``import()`` in a branch of an ``if`` (or ``?:``) whose test reads ``process.env``:
    # it runs only in some environments (metro's ``if (process.env.FBSOURCE_ENV === '1')``)
    env_guarded: bool = False
    # a ``require``/``import()`` inside a function declaration that nothing else in the file names:
    # nothing can call it, so it never runs (Babel's lazy interop helper ``function _jestResolve()
    # { const data = require('jest-resolve'); _jestResolve = ...; return data; }``, left for an
    # import used only as a type)
    uncalled: bool = False
    # a ``require``/``import()`` in a branch of an ``if`` (or ``?:``) whose test asks ``typeof exports``
    # or ``typeof module`` (the UMD guard ``if (typeof exports === "object") require('x')``): whether it
    # runs depends on the file's module format, which an ES module settles (both are undefined there)
    commonjs_guarded: bool = False

    @property
    def types_only(self) -> bool:
        return self.kind is ImportKind.IMPORT_TYPE


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Path aliases of bundlers and TypeScript ("@/components", "~/lib"), and "#imports": not packages.
_ALIAS_PREFIXES = ("@/", "~/", "~", "#")

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

SOURCE_SUFFIXES = tuple(_EXTENSIONS)  # what ``language_for`` knows, for the walk in C


def package_of(specifier: str) -> str | None:
    """The package a bare specifier names, or None for paths, builtins, URLs and aliases."""
    if not specifier or specifier.startswith((".", "/")) or specifier.startswith(_ALIAS_PREFIXES):
        return None
    if _SCHEME.match(specifier) or builtin_name(specifier) is not None:
        return None
    if builtin_name(specifier.split("/", 1)[0]) is not None:
        return None  # "fs/promises" and friends
    parts = specifier.split("/")
    if specifier.startswith("@"):
        return "/".join(parts[:2]) if len(parts) > 1 and parts[1] else None
    return parts[0]


def language_for(path: str) -> str | None:
    """Grammar for a file name, or None when it is not JS/TS source (``.d.ts`` counts as TypeScript)."""
    dot = path.rfind(".")
    return _EXTENSIONS.get(path[dot:].lower()) if dot != -1 else None


def script_of(source: bytes, path: str) -> tuple[bytes, str | None]:
    """The code of a source file and its grammar: a Vue, Svelte or Astro component's code in place
    (``components.component_code``), else the file; no grammar when it is neither."""
    language = language_for(path)
    if language is None and (component := component_code(source, path)) is not None:
        return component
    return source, language


@cache
def parser_for(language: str) -> tree_sitter.Parser:
    """The tree-sitter parser of a grammar named by ``language_for``, made once."""
    # The grammars load with the first parser (a warm `check` of installed packages parses nothing).
    import tree_sitter_javascript
    import tree_sitter_typescript

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


# TypeScript nodes whose contents are types: ``typeof import('x')`` or ``import('x').T`` there is an
# import type, erased before anything runs.
_TYPE_CONTEXTS = frozenset(
    {"type_query", "type_annotation", "type_alias_declaration", "type_arguments", "interface_declaration"}
)
_STATEMENT_ENDS = frozenset({"program", "statement_block", "class_body"})


def _in_type(node: tree_sitter.Node) -> bool:
    """Is ``node`` inside a type (walks up to the enclosing statement; only asked of a TypeScript
    ``import()``, which is rare)."""
    parent = node.parent
    while parent is not None and parent.type not in _STATEMENT_ENDS:
        if parent.type in _TYPE_CONTEXTS:
            return True
        parent = parent.parent
    return False


_GUARD_QUERY_TEXT = """
(try_statement body: (statement_block) @try)
(member_expression object: (_) @caught property: (property_identifier) @property (#eq? @property "catch"))
(function_declaration) @function
(call_expression
  function: (member_expression object: (identifier) @runner property: (property_identifier) @skip)
  arguments: (arguments) @skipped
  (#match? @runner "^(test|it|describe|suite|bench)$") (#match? @skip "^(skip|todo)$"))
(call_expression
  function: (identifier) @xrunner arguments: (arguments) @skipped (#match? @xrunner "^x(it|test|describe)$"))
"""
# The tests of ``if`` and ``?:``: a site in a branch lies outside its test, so these are asked of
# the whole file (a query restricted to a site's bytes would not return them), and only of a file
# whose text holds such a test's words.
_BRANCH_QUERY_TEXT = """
(if_statement condition: (_) @envtest)
(ternary_expression condition: (_) @envtest)
"""


# A test of the module system: ``typeof exports`` or ``typeof module`` (CommonJS defines both).
_COMMONJS_TEST = re.compile(rb"\btypeof\s*\(?\s*(?:exports|module)\b")


def _captures(query: tree_sitter.Query, tree: tree_sitter.Tree, near: list[int] | None) -> dict[str, list[Any]]:
    """The query's captures in the whole tree, or (``near``) in the matches overlapping one of
    these bytes."""
    cursor = tree_sitter.QueryCursor(query)
    if near is None:
        return cursor.captures(tree.root_node)
    found: dict[str, list[Any]] = {}
    for at in sorted(set(near)):
        cursor.set_byte_range(at, at + 1)
        for name, nodes in cursor.captures(tree.root_node).items():
            found.setdefault(name, []).extend(nodes)
    return found


def _matches(query: tree_sitter.Query, tree: tree_sitter.Tree, near: list[int] | None) -> list[dict[str, Any]]:
    """The query's matches' captures in the whole tree, or (``near``) those overlapping one of
    these bytes, each once."""
    cursor = tree_sitter.QueryCursor(query)
    if near is None:
        return [captures for _pattern, captures in cursor.matches(tree.root_node)]
    found: dict[tuple[int, ...], dict[str, Any]] = {}
    for at in sorted(set(near)):
        cursor.set_byte_range(at, at + 1)
        for _pattern, captures in cursor.matches(tree.root_node):
            found.setdefault(tuple(node.start_byte for nodes in captures.values() for node in nodes), captures)
    return list(found.values())


@cache
def _guard_query(language: str) -> tree_sitter.Query:
    grammar = parser_for(language).language
    assert grammar is not None
    return tree_sitter.Query(grammar, _GUARD_QUERY_TEXT)


@cache
def _branch_query(language: str) -> tree_sitter.Query:
    grammar = parser_for(language).language
    assert grammar is not None
    return tree_sitter.Query(grammar, _BRANCH_QUERY_TEXT)


class _Guards:
    """Byte ranges where a failure to load is handled: ``try`` bodies, and promise chains that get a
    ``.catch``; a function declared inside one runs later, unguarded. Found once per file (walking
    up from each import with ``Node.parent`` costs a walk from the root each time)."""

    def __init__(
        self, tree: tree_sitter.Tree, language: str, near: list[int] | None = None, *, source: bytes | None = None
    ) -> None:
        """``near``: only the ranges that hold one of these bytes are wanted (each site's).
        ``source``: the parsed text, to find the branches of environment and module-system tests
        too (without it, none are)."""
        captures = _captures(_guard_query(language), tree, near)
        if source is not None and (b"process.env" in source or _COMMONJS_TEST.search(source)):
            captures = {**captures, **_captures(_branch_query(language), tree, None)}
        self.tries = [(node.start_byte, node.end_byte) for node in captures.get("try", [])]
        self.caught = [(node.start_byte, node.end_byte) for node in captures.get("caught", [])]
        self.functions = [(node.start_byte, node.end_byte) for node in captures.get("function", [])]
        self.skipped = [(node.start_byte, node.end_byte) for node in captures.get("skipped", [])]
        # The branches (what follows the test) of an ``if`` or ``?:`` whose test reads process.env:
        # those of the statement or expression the test belongs to, not of any around it.
        self.env_branches = [
            (test.end_byte, test.parent.end_byte)
            for test in captures.get("envtest", [])
            if test.parent is not None and b"process.env" in (test.text or b"")
        ]
        self.commonjs_branches = [
            (test.end_byte, test.parent.end_byte)
            for test in captures.get("envtest", [])
            if test.parent is not None and _COMMONJS_TEST.search(test.text or b"")
        ]
        self.probes = _Probes(tree, captures.get("try", []))

    def never_runs(self, node: tree_sitter.Node, kind: ImportKind) -> bool:
        """A ``require`` or ``import()`` inside the arguments of a skipped test (``test.skip('...',
        () => require('x'))``, ``xit``, ``describe.skip``): the runner never calls the callback."""
        return _call_within(node, kind, self.skipped)

    def env_dependent(self, node: tree_sitter.Node, kind: ImportKind) -> bool:
        """A ``require`` or ``import()`` that runs only when an environment test holds (or fails):
        whether it runs cannot be told from the files."""
        return _call_within(node, kind, self.env_branches)

    def commonjs_dependent(self, node: tree_sitter.Node, kind: ImportKind) -> bool:
        """A ``require`` or ``import()`` that runs only when ``exports`` or ``module`` has the type the
        test asks: in CommonJS or in none."""
        return _call_within(node, kind, self.commonjs_branches)

    def __call__(self, node: tree_sitter.Node, kind: ImportKind) -> bool:
        """``import()`` never throws, it rejects: a ``.catch`` on the chain holding it handles that;
        a ``require`` throws, and only a ``try`` around it catches."""
        at = node.start_byte
        ranges = self.tries + (self.caught if kind is ImportKind.DYNAMIC_IMPORT else [])
        for start, end in ranges:
            if start <= at < end and not any(start <= low <= at < high for low, high in self.functions):
                return True
        if self.probes and kind in (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE):
            names = self.probes.names(_string_value(node) or "")
            return bool(names) and _only_when_found(node, names)
        return False


class _Probes:
    """The variables a ``try`` body sets from a ``require`` of a string, by the string, when no
    statement outside a ``try`` body sets them (vue-template-compiler's ``try { var vueVersion =
    require('vue').version } catch (e) {}``): each is unset where the module is not found. The
    assignments outside the ``try`` bodies are counted only for a string some site asks about."""

    def __init__(self, tree: tree_sitter.Tree, tries: list[tree_sitter.Node]) -> None:
        self.tree = tree
        self.inside: dict[str, int] = {}
        self.candidates: dict[str, set[str]] = {}
        self.counted: dict[str, int] = {}
        for body in tries:
            for name, value in _assignments(body):
                if value is None:
                    continue
                self.inside[name] = self.inside.get(name, 0) + 1
                for specifier in _required(value):
                    self.candidates.setdefault(specifier, set()).add(name)

    def __bool__(self) -> bool:
        return bool(self.candidates)

    def names(self, specifier: str) -> set[str]:
        """The variables set only in ``try`` bodies from a ``require`` of ``specifier``."""
        found: set[str] = set()
        for name in self.candidates.get(specifier, ()):
            if name not in self.counted:
                self.counted[name] = _assignment_count(self.tree, name)
            if self.counted[name] == self.inside.get(name):
                found.add(name)
        return found


def _assignments(root: tree_sitter.Node) -> Iterator[tuple[str, tree_sitter.Node | None]]:
    """(name, value) of every declarator and plain assignment of an identifier under ``root``."""
    pending = [root]
    while pending:
        node = pending.pop()
        if node.type == "variable_declarator":
            name = node.child_by_field_name("name")
            if name is not None and name.type == "identifier":
                yield _text(name), node.child_by_field_name("value")
        elif node.type in ("assignment_expression", "augmented_assignment_expression"):
            left = node.child_by_field_name("left")
            if left is not None and left.type == "identifier":
                yield _text(left), node.child_by_field_name("right")
        pending.extend(node.named_children)


def _assignment_count(tree: tree_sitter.Tree, name: str) -> int:
    """How many declarators and plain assignments of the identifier ``name`` with a value the file
    holds (what ``_assignments`` of the whole tree counts for it, `let v;` left out: it leaves ``v``
    unset, as a failed require does). Asked at the name's occurrences in the text only, so that a
    bundle's other nodes are not visited."""
    root = tree.root_node
    text, offset = root.text or b"", root.start_byte
    word = name.encode("utf-8", "surrogatepass")
    count = 0
    for match in re.finditer(rb"(?<![\w$\x80-\xff])" + re.escape(word) + rb"(?![\w$\x80-\xff])", text):
        start, end = offset + match.start(), offset + match.end()
        node = root.named_descendant_for_byte_range(start, end)
        if node is None or node.type != "identifier" or node.start_byte != start or node.end_byte != end:
            continue
        parent = node.parent
        if parent is None:
            continue
        if parent.type == "variable_declarator":
            named, value = parent.child_by_field_name("name"), parent.child_by_field_name("value")
        elif parent.type in ("assignment_expression", "augmented_assignment_expression"):
            named, value = parent.child_by_field_name("left"), parent.child_by_field_name("right")
        else:
            continue
        if named is not None and named == node and value is not None:
            count += 1
    return count


def _required(value: tree_sitter.Node | None) -> Iterator[str]:
    """The strings ``value`` passes to ``require`` (``require('vue').version`` gives vue)."""
    pending = [value] if value is not None else []
    while pending:
        node = pending.pop()
        if node.type == "call_expression":
            callee = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            if callee is not None and _text(callee) == "require" and arguments is not None:
                first = arguments.named_children[0] if arguments.named_children else None
                specifier = _string_value(first) if first is not None else None
                if specifier is not None:
                    yield specifier
        pending.extend(node.named_children)


def _operator(node: tree_sitter.Node) -> str | None:
    operator = node.child_by_field_name("operator")
    return _text(operator) if operator is not None else None


def _only_when_found(node: tree_sitter.Node, names: set[str]) -> bool:
    """Whether ``node`` lies in the consequence of an ``if`` whose test holds only when one of
    ``names`` is set (it, or a conjunct of an ``&&`` chain, is the bare variable): the branch runs
    only where the ``require`` in the ``try`` found the module."""
    child, parent = node, node.parent
    while parent is not None:
        if parent.type == "if_statement" and parent.child_by_field_name("consequence") == child:
            test = parent.child_by_field_name("condition")
            pending = [test] if test is not None else []
            while pending:
                item = pending.pop()
                if item.type == "parenthesized_expression":
                    pending.extend(item.named_children)
                elif item.type == "binary_expression" and _operator(item) == "&&":
                    pending.extend(filter(None, (item.child_by_field_name("left"), item.child_by_field_name("right"))))
                elif item.type == "identifier" and _text(item) in names:
                    return True
        if parent.type in ("function_declaration", "function_expression", "arrow_function", "method_definition"):
            return False
        child, parent = parent, parent.parent
    return False


_CALLS = (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE, ImportKind.DYNAMIC_IMPORT)
_SITES = ("import", "export", "dynamic", "require", "call")  # the import query's captures of a site's string
# how a finding names a site whose ``uncalled`` is set
UNCALLED = "inside a function that nothing in its file calls (it never runs)"

_WORD = re.compile(rb"[A-Za-z_$][\w$]*")
_DECLARATION_QUERY_TEXT = """
(function_declaration name: (identifier) @name) @function
(generator_function_declaration name: (identifier) @name) @function
"""


@cache
def _declaration_query(language: str) -> tree_sitter.Query:
    grammar = parser_for(language).language
    assert grammar is not None
    return tree_sitter.Query(grammar, _DECLARATION_QUERY_TEXT)


def _uncalled_functions(
    tree: tree_sitter.Tree, language: str, source: bytes, near: list[int] | None = None
) -> list[tuple[int, int]]:
    """The byte ranges of the function declarations whose name appears nowhere else in the file
    (not exported, not called, not passed on: only their own body may name them). Any other
    occurrence of the name, in a comment or a string included, counts as a use. One pass over the
    file's words, whatever the number of declarations. ``near``: only the declarations holding
    one of these bytes."""
    declared: list[tuple[bytes, int, int]] = []
    for captures in _matches(_declaration_query(language), tree, near):
        function, name = captures["function"][0], captures["name"][0]
        parent = function.parent
        if parent is None or parent.type != "export_statement":
            declared.append((name.text or b"", function.start_byte, function.end_byte))
    if not declared:
        return []
    names = {name for name, _start, _end in declared}
    places: dict[bytes, list[int]] = {}
    for word in _WORD.finditer(source):
        if word.group() in names:
            places.setdefault(word.group(), []).append(word.start())
    return [
        (start, end) for name, start, end in declared if all(start <= place < end for place in places.get(name, ()))
    ]


def _call_within(node: tree_sitter.Node, kind: ImportKind, ranges: list[tuple[int, int]]) -> bool:
    """A ``require`` or ``import()`` (which load when the call runs; a static import runs with the
    module, whatever code around it does) inside one of ``ranges``."""
    return kind in _CALLS and any(start <= node.start_byte < end for start, end in ranges)


def _first_argument(arguments: tree_sitter.Node | None) -> tree_sitter.Node | None:
    if arguments is None:
        return None
    named = [child for child in arguments.named_children if child.type != "comment"]
    return named[0] if named else None


_QUERY_TEXT = """
(import_statement source: (string) @import)
(export_statement source: (string) @export)
(call_expression function: (identifier) @callee arguments: (arguments . [(string) (template_string)] @call))
(call_expression function: (member_expression) @callee arguments: (arguments . [(string) (template_string)] @call))
(call_expression function: (import) arguments: (arguments . [(string) (template_string)] @dynamic))
"""
_TS_QUERY_TEXT = _QUERY_TEXT + "(import_require_clause source: (string) @require)\n"


@cache
def _query(language: str) -> tree_sitter.Query:
    grammar = parser_for(language).language
    assert grammar is not None
    return tree_sitter.Query(grammar, _QUERY_TEXT if language == "javascript" else _TS_QUERY_TEXT)


# ``const require = createRequire(BASE)``: the file's ``require`` looks up from BASE
_CREATE_REQUIRE = re.compile(rb"\brequire\s*=\s*(?:module\.)?createRequire\s*\(([^)]*)\)")
_OWN_PLACE = re.compile(rb"import\.meta\.(?:url|filename|dirname)|__filename|__dirname")


def _require_from_elsewhere(source: bytes) -> bool:
    """Does the file's ``require`` come from ``createRequire`` of another place than the file itself
    (``createRequire(process.env.X ? path.resolve(process.env.X) : import.meta.url)`` written as
    ``createRequire(requireFrom)``, TanStack router's benchmarks/memory/flame-control.ts, which the
    runner points into the workspace that declares the package)? Its requests are then looked up from
    that place, not this file's folder. Only when every such ``require`` has a foreign base: a file
    that also makes one from its own place keeps its requests judged from here."""
    bases = _CREATE_REQUIRE.findall(source)
    return bool(bases) and not any(_OWN_PLACE.search(base) for base in bases)


# Each guard the query finds needs one of these in the text: ``try``, ``.catch``, ``.skip`` or
# ``.todo``, ``xit``/``xtest``/``xdescribe``, a test reading ``process.env`` or asking ``typeof``
# of ``exports``/``module``. A file with none has
# no guard; its query is not run.
_GUARD_WORDS = (b"try", b"catch", b"skip", b"todo", b"xit", b"xtest", b"xdescribe", b"process.env", b"typeof")


def _may_guard(source: bytes) -> bool:
    return any(word in source for word in _GUARD_WORDS)


def parse_imports(
    source: bytes, path: str, *, guards: bool = True, held: Callable[[str], bool] | None = None
) -> list[ImportSite]:
    """Every static module specifier of the file, in source order.

    ``guards=False`` leaves ``guarded`` False on every site and skips the query that finds ``try``
    bodies and ``.catch`` chains (a caller that does not read it saves about a fifth of the parse).
    With ``held`` (and ``guards=False``), the sites whose specifier ``held`` accepts get one flag,
    ``guarded``: nothing fails where the module is not found, for the site is inside a ``try``
    block (or an ``import().catch`` chain) or inside a function nothing in its file calls; found
    by queries restricted to those sites' bytes (``_held``), not the whole file's."""
    source, language = script_of(source, path)  # a component file: its script blocks, in place
    if language is None:
        return []
    tree = parser_for(language).parse(source)
    guard: _Guards | None = None
    foreign_require = b"createRequire" in source and _require_from_elsewhere(source)
    uncalled: list[tuple[int, int]] | None = None
    sites: list[ImportSite] = []
    asked: list[tuple[int, tree_sitter.Node, ImportKind]] = []  # the sites ``held`` asks about
    matches = tree_sitter.QueryCursor(_query(language)).matches(tree.root_node)
    # the guards are asked of the sites' own bytes only (a bundle's other nodes are not visited)
    near = [nodes[0].start_byte for _pattern, captures in matches for name, nodes in captures.items() if name in _SITES]
    for _pattern, captures in matches:
        kind = None
        literal = None
        if "import" in captures:
            literal = captures["import"][0]
            statement = literal.parent
            kind = ImportKind.IMPORT_TYPE if statement is not None and _is_type_only(statement) else ImportKind.IMPORT
        elif "export" in captures:
            literal = captures["export"][0]
            statement = literal.parent
            kind = (
                ImportKind.IMPORT_TYPE
                if statement is not None and _is_type_only(statement)
                else (ImportKind.EXPORT_FROM)
            )
        elif "dynamic" in captures:
            literal = captures["dynamic"][0]
            typed = language != "javascript" and _in_type(literal)
            kind = ImportKind.IMPORT_TYPE if typed else ImportKind.DYNAMIC_IMPORT
        elif "require" in captures:
            literal, kind = captures["require"][0], ImportKind.REQUIRE
        elif "call" in captures:
            callee = _text(captures["callee"][0])
            if callee == "require":
                kind = ImportKind.REQUIRE
            elif callee == "require.resolve":
                kind = ImportKind.REQUIRE_RESOLVE
            literal = captures["call"][0]
        if kind is None or literal is None:
            continue
        value = _string_value(literal)
        if value is not None:
            line, column = literal.start_point
            elsewhere = (kind is ImportKind.REQUIRE_RESOLVE and literal.next_named_sibling is not None) or (
                foreign_require and "call" in captures and kind in (ImportKind.REQUIRE, ImportKind.REQUIRE_RESOLVE)
            )
            if guards and guard is None and _may_guard(source):
                guard = _Guards(tree, language, near, source=source)
            guarded = guard is not None and guard(literal, kind)
            skipped = guard is not None and guard.never_runs(literal, kind)
            env_guarded = guard is not None and guard.env_dependent(literal, kind)
            commonjs_guarded = guard is not None and guard.commonjs_dependent(literal, kind)
            if guards and uncalled is None and kind in _CALLS and b"function" in source:
                uncalled = _uncalled_functions(tree, language, source, near)
            never_called = uncalled is not None and _call_within(literal, kind, uncalled)
            if held is not None and held(value):
                asked.append((len(sites), literal, kind))
            sites.append(
                ImportSite(
                    value,
                    kind,
                    line + 1,
                    column + 1,
                    guarded,
                    elsewhere,
                    skipped,
                    env_guarded,
                    never_called,
                    commonjs_guarded,
                )
            )
    if asked:
        for index in _held(tree, language, source, asked):
            site = sites[index]
            sites[index] = ImportSite(site.specifier, site.kind, site.line, site.column, guarded=True)
    sites.sort(key=lambda site: (site.line, site.column))
    return sites


def _held(
    tree: tree_sitter.Tree, language: str, source: bytes, asked: list[tuple[int, tree_sitter.Node, ImportKind]]
) -> Iterator[int]:
    """Which of the ``asked`` sites (index, string literal, kind) nothing fails at: inside a ``try``
    body or a ``.catch`` chain (``_Guards.__call__``), or inside a function nothing in the file calls
    (``_uncalled_functions``). The queries run on the bytes of those sites only: a node that holds
    a site overlaps it, and a bundle's other thousands of nodes are not visited."""
    if b"try" not in source and b".catch" not in source and b"function" not in source:
        return
    near = [literal.start_byte for _index, literal, _kind in asked]
    guard = _Guards(tree, language, near) if _may_guard(source) else None
    uncalled = _uncalled_functions(tree, language, source, near) if b"function" in source else []
    for index, literal, kind in asked:
        if (guard is not None and guard(literal, kind)) or _call_within(literal, kind, uncalled):
            yield index
