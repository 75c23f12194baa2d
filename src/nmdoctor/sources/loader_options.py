"""What a webpack config's ``resolveLoader`` tells webpack about where loaders are.

A config may add folders of its own loaders (``modules: ['node_modules', path.resolve(__dirname,
'loaders')]``) or alias a loader name to a file; webpack then finds loaders that no node_modules
holds. The values are read from the file's syntax: string literals, ``__dirname``,
``process.cwd()``, ``path.resolve``/``path.join`` of those, ``+`` of strings, and constants of the
file bound to such values. Anything else is computed at run time: the reading is then incomplete,
and a loader the readable part does not find cannot be judged missing.
"""

from __future__ import annotations

import dataclasses
import posixpath
from dataclasses import dataclass

import tree_sitter

from nmdoctor.resolve.webpack.options import BundlerOptions, webpack_loader_defaults
from nmdoctor.sources.config_refs import _key_name
from nmdoctor.sources.imports import _string_value, language_for, parser_for

__all__ = ["LoaderOptions", "loader_options", "merged"]

_MAX_DEPTH = 8
# resolveLoader keys read as values; any other key (plugins, byDependency, ...) changes the lookup
# in ways not modelled, so the reading is incomplete.
_READ_KEYS = frozenset({"modules", "alias", "extensions", "mainFields", "mainFiles"})


@dataclass(frozen=True, slots=True)
class LoaderOptions:
    """The ``resolveLoader`` settings of one or more configs. ``None`` fields are webpack's
    defaults; ``complete`` is False when some value could not be read from the files."""

    modules: tuple[str, ...] | None = None
    alias: tuple[tuple[str, str], ...] = ()
    extensions: tuple[str, ...] | None = None
    main_fields: tuple[str, ...] | None = None
    main_files: tuple[str, ...] | None = None
    complete: bool = True
    file: str = ""  # where the (first) resolveLoader is
    line: int = 0  # and its line, 1-based

    def bundler_options(self) -> BundlerOptions:
        """webpack 5's resolveLoader defaults with what these settings set (``modules`` replaces
        the default folders, as webpack's config merge does; aliases are added)."""
        defaults = webpack_loader_defaults()
        return dataclasses.replace(
            defaults,
            modules=self.modules or defaults.modules,
            alias=self.alias,
            extensions=self.extensions or defaults.extensions,
            main_fields=self.main_fields or defaults.main_fields,
            main_files=self.main_files or defaults.main_files,
        )


class _Unknown(Exception):
    """A value computed at run time."""


class _Reader:
    def __init__(self, root: tree_sitter.Node, folder: str, cwd: str) -> None:
        self.folder = folder
        self.cwd = cwd
        self.constants: dict[str, tree_sitter.Node] = {}
        for node in _walk(root):
            if node.type == "variable_declarator":
                name = node.child_by_field_name("name")
                value = node.child_by_field_name("value")
                if name is not None and name.type == "identifier" and value is not None:
                    self.constants.setdefault((name.text or b"").decode(), value)

    def string(self, node: tree_sitter.Node | None, depth: int = 0) -> str:
        if node is None or depth > _MAX_DEPTH:
            raise _Unknown
        value = _string_value(node)
        if value is not None:
            return value
        kind = node.type
        if kind == "parenthesized_expression" and node.named_child_count == 1:
            return self.string(node.named_children[0], depth + 1)
        if kind == "identifier":
            text = (node.text or b"").decode("utf-8", "replace")
            if text == "__dirname":
                return self.folder
            return self.string(self.constants.get(text), depth + 1)
        if kind == "binary_expression":
            operator = node.child_by_field_name("operator")
            if operator is None or operator.type != "+":
                raise _Unknown
            left = self.string(node.child_by_field_name("left"), depth + 1)
            return left + self.string(node.child_by_field_name("right"), depth + 1)
        if kind == "call_expression":
            return self._call(node, depth)
        raise _Unknown

    def _call(self, node: tree_sitter.Node, depth: int) -> str:
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or arguments is None:
            raise _Unknown
        name = (function.text or b"").decode()
        if name == "process.cwd" and arguments.named_child_count == 0:
            return self.cwd
        method = name.rsplit(".", 1)[-1]
        if not _path_function(function):
            raise _Unknown
        parts = [self.string(argument, depth + 1) for argument in arguments.named_children]
        if method == "join":
            return posixpath.normpath(posixpath.join(*parts)) if parts else "."
        resolved = self.cwd
        for part in parts:
            resolved = posixpath.join(resolved, part)  # an absolute part starts again, as path.resolve
        return posixpath.normpath(resolved)

    def strings(self, node: tree_sitter.Node | None) -> tuple[str, ...]:
        if node is None or node.type != "array":
            raise _Unknown
        return tuple(self.string(child) for child in node.named_children)

    def alias(self, node: tree_sitter.Node | None) -> tuple[tuple[str, str], ...]:
        if node is None or node.type != "object":
            raise _Unknown  # the array form, or a value built at run time
        entries = []
        for pair in node.named_children:
            if pair.type != "pair":
                raise _Unknown  # a spread of another object
            name = _key_name(pair)
            if name is None:
                raise _Unknown
            entries.append((name, self.string(pair.child_by_field_name("value"))))
        return tuple(entries)


def _path_function(function: tree_sitter.Node) -> bool:
    """``path.resolve``/``path.join`` (also of ``require('path')``), or ``resolve``/``join`` taken
    from it by destructuring."""
    if function.type == "identifier":
        return function.text in (b"resolve", b"join")
    if function.type != "member_expression":
        return False
    method = function.child_by_field_name("property")
    owner = function.child_by_field_name("object")
    if method is None or owner is None or method.text not in (b"resolve", b"join"):
        return False
    if owner.type == "identifier":
        return owner.text in (b"path", b"Path")
    return owner.type == "call_expression" and (owner.text or b"").replace(b'"', b"'") in (
        b"require('path')",
        b"require('node:path')",
    )


def _walk(root: tree_sitter.Node) -> list[tree_sitter.Node]:
    found = []
    stack = [root]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(reversed(node.named_children))
    return found


def loader_options(source: bytes, path: str, cwd: str) -> LoaderOptions | None:
    """The ``resolveLoader`` settings of the webpack config at ``path`` (run by webpack in ``cwd``),
    or None when it sets none."""
    if b"resolveLoader" not in source:
        return None
    root = parser_for(language_for(path) or "javascript").parse(source).root_node
    reader = _Reader(root, posixpath.dirname(path), cwd)
    found: list[LoaderOptions] = []
    for node in _walk(root):
        if node.type == "pair" and _key_name(node) == "resolveLoader":
            found.append(_read(reader, node.child_by_field_name("value"), path, node.start_point[0] + 1))
        elif node.type == "shorthand_property_identifier" and (node.text or b"") == b"resolveLoader":
            found.append(_read(reader, reader.constants.get("resolveLoader"), path, node.start_point[0] + 1))
        elif node.type == "member_expression" and (node.text or b"").endswith(b".resolveLoader"):
            # config.resolveLoader.modules.push(...), chain-webpack's config.resolveLoader...
            found.append(LoaderOptions(complete=False, file=path, line=node.start_point[0] + 1))
    return merged(found) if found else None


def _read(reader: _Reader, value: tree_sitter.Node | None, path: str, line: int) -> LoaderOptions:
    if value is None or value.type != "object":
        return LoaderOptions(complete=False, file=path, line=line)
    fields: dict[str, object] = {}
    complete = True
    for pair in value.named_children:
        key = _key_name(pair) if pair.type == "pair" else None
        if key == "plugins" and _pnp_plugins_only(pair.child_by_field_name("value")):
            continue
        if key not in _READ_KEYS:
            complete = False
            continue
        assert key is not None
        try:
            item = pair.child_by_field_name("value")
            fields[key] = reader.alias(item) if key == "alias" else reader.strings(item)
        except _Unknown:
            complete = False
    return LoaderOptions(
        modules=fields.get("modules"),  # type: ignore[arg-type]
        alias=fields.get("alias", ()),  # type: ignore[arg-type]
        extensions=fields.get("extensions"),  # type: ignore[arg-type]
        main_fields=fields.get("mainFields"),  # type: ignore[arg-type]
        main_files=fields.get("mainFiles"),  # type: ignore[arg-type]
        complete=complete,
        file=path,
        line=line,
    )


def _pnp_plugins_only(value: tree_sitter.Node | None) -> bool:
    """``plugins: [PnpWebpackPlugin.moduleLoader(module)]`` (create-react-app 4, @rails/webpacker 5):
    pnp-webpack-plugin's resolver, which answers nothing unless node runs under Yarn Plug'n'Play
    (``process.versions.pnp``); a node_modules install resolves loaders without it, and a Plug'n'Play
    one is judged by yarn's own lookup."""
    if value is None or value.type != "array" or not value.named_children:
        return False
    for item in value.named_children:
        function = item.child_by_field_name("function") if item.type == "call_expression" else None
        method = function.child_by_field_name("property") if function is not None else None
        if function is None or function.type != "member_expression" or method is None:
            return False
        if method.text not in (b"moduleLoader", b"topLevelLoader"):
            return False
    return True


def merged(options: list[LoaderOptions]) -> LoaderOptions:
    """The settings of several configs of one project (webpack-merge's common, dev and prod files):
    each folder and alias any of them adds, since a loader one of them finds may be the one run."""

    def union(values: list[tuple[str, ...] | None], default: tuple[str, ...] = ()) -> tuple[str, ...] | None:
        given = [value for value in values if value is not None]
        if not given:
            return None
        if len(given) < len(values):
            given.append(default)  # a config that leaves it unset runs with webpack's default
        return tuple(dict.fromkeys(item for value in given for item in value))

    return LoaderOptions(
        modules=union([item.modules for item in options], ("node_modules",)),
        alias=tuple(entry for item in options for entry in item.alias),
        extensions=union([item.extensions for item in options], (".js",)),
        main_fields=union([item.main_fields for item in options], ("loader", "main")),
        main_files=union([item.main_files for item in options], ("index",)),
        complete=all(item.complete for item in options),
        file=options[0].file,
        line=options[0].line,
    )
