"""Modules that tool configs name by string: webpack loaders, babel presets and plugins, eslint
plugins and shareable configs, jest presets/transforms/environments, postcss plugins.

Each tool looks such a name up itself, from a place of its own choosing (webpack: its context;
babel: the config file's folder), and expands short names (``env`` -> ``babel-preset-env``), so a
name that node would find from the config file may still be missing for the tool.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

import tree_sitter

from nmdoctor.sources.imports import ImportKind, ImportSite, _string_value, language_for, parser_for
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.vfs.limits import load_json

__all__ = [
    "ConfigRef",
    "Tool",
    "config_refs",
    "expand_name",
    "files_test",
    "is_config_file",
    "is_webpack_config",
    "jest_loads",
    "json_string_position",
    "package_json_refs",
]


class Tool(enum.Enum):
    WEBPACK_LOADER = "webpack loader"
    BABEL_PRESET = "babel preset"
    BABEL_PLUGIN = "babel plugin"
    ESLINT_PLUGIN = "eslint plugin"
    ESLINT_CONFIG = "eslint config"
    ESLINT_PARSER = "eslint parser"
    JEST = "jest module"
    JEST_ENVIRONMENT = "jest environment"
    POSTCSS_PLUGIN = "postcss plugin"


@dataclass(frozen=True, slots=True)
class ConfigRef:
    name: str  # as written
    tool: Tool
    line: int
    column: int
    # A webpack loader's rule `test`, when it is a regular expression literal (its source): webpack
    # resolves the loader only for a module that rule matches. For an eslintrc override's plugin,
    # config or parser, the paths its `files` globs match (``files_test``): eslint loads it only then.
    rule_test: str | None = None

    @property
    def module(self) -> str | None:
        """The package the tool loads for it (short names expanded, subpaths dropped: eslint's
        ``prettier/react`` is the file ``react`` of ``eslint-config-prettier``), or None for paths
        and built-ins."""
        expanded = expand_name(self.name, self.tool)
        if expanded is None:
            return None
        parts = expanded.split("/")
        return "/".join(parts[:2]) if expanded.startswith("@") else parts[0]


_WEBPACK = ("webpack.config.js", "webpack.config.cjs", "webpack.config.mjs", "webpack.config.ts")
# configs that change a wrapper's webpack config in place, whose rules webpack runs from the
# project's folder: react-app-rewired's config-overrides.js, craco's craco.config.* / .cracorc.*
_WEBPACK_OVERRIDES = (
    "config-overrides.js",
    "craco.config.js",
    "craco.config.cjs",
    "craco.config.ts",
    ".cracorc.js",
)
_BABEL = (
    ".babelrc",
    ".babelrc.json",
    ".babelrc.js",
    ".babelrc.cjs",
    "babel.config.js",
    "babel.config.json",
    "babel.config.cjs",
    "babel.config.mjs",
)
_ESLINT = (".eslintrc", ".eslintrc.json", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yaml", ".eslintrc.yml")
_JEST = ("jest.config.js", "jest.config.cjs", "jest.config.mjs", "jest.config.ts", "jest.config.json")
# postcss-load-config's search places (lilconfig): .postcssrc (JSON here), .postcssrc.json and the
# script forms of .postcssrc and postcss.config (vue-cli's templates write .postcssrc.js)
_POSTCSS = (
    "postcss.config.js",
    "postcss.config.cjs",
    "postcss.config.mjs",
    "postcss.config.ts",
    ".postcssrc",
    ".postcssrc.json",
    ".postcssrc.js",
    ".postcssrc.cjs",
    ".postcssrc.mjs",
    ".postcssrc.ts",
)


def is_config_file(name: str) -> bool:
    return name in _BABEL + _ESLINT + _JEST + _POSTCSS or is_webpack_config(name)


def is_webpack_config(name: str) -> bool:
    """A webpack config by its name, or a config that edits a wrapper's (``config-overrides.js``)."""
    return name in _WEBPACK + _WEBPACK_OVERRIDES or (
        name.startswith("webpack")
        and name.endswith((".js", ".cjs", ".mjs", ".ts", ".cts", ".mts"))
        and "config" in name
    )


def _scoped_expand(name: str, prefix: str, scope_default: str) -> str:
    """eslint's ``normalizePackageName`` (@eslint/eslintrc's naming.js): ``x`` -> ``PREFIX-x``
    (``eslint-plugin`` itself too: the plugin named ``eslint-plugin`` is ``eslint-plugin-eslint-plugin``),
    ``@s`` and ``@s/PREFIX`` -> ``@s/SCOPE_DEFAULT``, ``@s/x`` -> ``@s/PREFIX-x`` unless ``x`` is
    ``PREFIX`` or starts with ``PREFIX-``; a subpath follows the expanded package (``x/y`` -> ``PREFIX-x/y``)."""
    if name.startswith("@"):
        scope, _, rest = name.partition("/")
        if not rest or rest == prefix:
            return f"{scope}/{scope_default}"
        package = rest.split("/", 1)[0]
        return name if re.match(rf"{re.escape(prefix)}(?:-|$)", package) else f"{scope}/{prefix}-{rest}"
    return name if name.startswith(prefix + "-") else f"{prefix}-{name}"


def _babel_standardized(name: str, kind: str) -> str:
    """babel's ``standardizeName``: ``x`` -> ``babel-KIND-x``, ``@babel/x`` -> ``@babel/KIND-x``,
    ``@s`` -> ``@s/babel-KIND``, ``@s/x`` -> ``@s/babel-KIND-x``; a name whose package part is
    followed by a subpath (``styled-jsx/babel``, ``@s/x/y``) or already holds the prefix is kept."""
    prefix = f"babel-{kind}"
    if not name.startswith("@"):
        return name if "/" in name or name.startswith(f"{prefix}-") else f"{prefix}-{name}"
    scope, _, rest = name.partition("/")
    if not rest:
        return name if scope == "@babel" else f"{scope}/{prefix}"
    if "/" in rest:
        return name
    if scope == "@babel":
        return name if rest.startswith(f"{kind}-") else f"@babel/{kind}-{rest}"
    return name if re.search(rf"{prefix}(?:-|$)", rest) else f"{scope}/{prefix}-{rest}"


def expand_name(name: str, tool: Tool) -> str | None:
    """The module request the tool makes for ``name`` (short names expanded; a subpath is kept)."""
    if not name or name.startswith((".", "/", "<rootDir>")) or "\\" in name:
        return None
    if tool is Tool.WEBPACK_LOADER:
        name = name.split("?", 1)[0].split("!")[-1]
        return name or None
    if tool in (Tool.BABEL_PRESET, Tool.BABEL_PLUGIN):
        kind = "preset" if tool is Tool.BABEL_PRESET else "plugin"
        if name.startswith("module:"):
            return name[len("module:") :]
        return _babel_standardized(name, kind)
    if tool is Tool.ESLINT_PLUGIN:
        return _scoped_expand(name, "eslint-plugin", "eslint-plugin")
    if tool is Tool.ESLINT_CONFIG:
        if name.startswith("eslint:"):
            return None
        if name.startswith("plugin:"):
            plugin = name[len("plugin:") :].rsplit("/", 1)[0]
            return _scoped_expand(plugin, "eslint-plugin", "eslint-plugin")
        return _scoped_expand(name, "eslint-config", "eslint-config")
    if tool is Tool.ESLINT_PARSER and name == "espree":
        # eslintrc loads its own espree when the config's folder has none (@eslint/eslintrc's
        # _loadParser fallback; eslint 7.32.0 and 8.57.1 lint with `parser: "espree"` and no espree
        # there): a built-in, never missing
        return None
    if tool is Tool.JEST_ENVIRONMENT:
        if name in ("node", "jsdom"):
            return f"jest-environment-{name}"
        return name
    return name.split("/", 2)[0] if not name.startswith("@") else "/".join(name.split("/", 2)[:2])


# -- JSON configs (.babelrc, .eslintrc.json, package.json sections) ----------------------------

# jest options whose strings jest loads as modules (from the project's folder), besides preset,
# transform and testEnvironment: ``setupFiles: ['raf/polyfill']`` loads a package like an import.
JEST_MODULE_KEYS = (
    "setupFiles",
    "setupFilesAfterEnv",
    "snapshotSerializers",
    "globalSetup",
    "globalTeardown",
    "testRunner",
    "testSequencer",
    "reporters",
    "watchPlugins",
    "resolver",
    "runner",
)
_JEST_BUILT_INS = frozenset({"default", "summary", "github-actions", "jest-circus/runner"})


def _json_refs(data: object, section: str) -> Iterator[ConfigRef]:
    def strings(value: object) -> Iterator[str]:
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str):
                    yield item
                elif isinstance(item, list) and item and isinstance(item[0], str):
                    yield item[0]

    if not isinstance(data, dict):
        return
    if section == "babel":
        yield from (ConfigRef(item, Tool.BABEL_PRESET, 0, 0) for item in strings(data.get("presets")))
        yield from (ConfigRef(item, Tool.BABEL_PLUGIN, 0, 0) for item in strings(data.get("plugins")))
    elif section == "eslint":
        # in the file's order of keys, so that each is placed at its own line (`_placed`): one name is
        # often both a plugin and a config (`"plugins": ["react"]`, `"extends": ["react"]`)
        for key, value in data.items():
            if key == "plugins":
                yield from (ConfigRef(item, Tool.ESLINT_PLUGIN, 0, 0) for item in strings(value))
            elif key == "extends":
                yield from (ConfigRef(item, Tool.ESLINT_CONFIG, 0, 0) for item in strings(value))
            elif key == "parser" and isinstance(value, str) and value:
                # the config's own parser, which eslintrc loads from the config's folder for every file it lints
                yield ConfigRef(value, Tool.ESLINT_PARSER, 0, 0)
            elif key == "overrides":
                # an override's plugins, configs and parser are loaded only for the files it matches
                # (eslint 8.57.0 lints x.js with a missing plugin or parser under an override for *.ts)
                for override in value if isinstance(value, list) else []:
                    if not isinstance(override, dict):
                        continue
                    test = files_test(override.get("files"))
                    for ref in _json_refs(override, "eslint"):
                        yield replace(ref, rule_test=test)
    elif section == "jest":
        yield from (ConfigRef(item, Tool.JEST, 0, 0) for item in strings(data.get("preset")))
        env = data.get("testEnvironment")
        if isinstance(env, str):
            yield ConfigRef(env, Tool.JEST_ENVIRONMENT, 0, 0)
        transform = data.get("transform")
        for value in transform.values() if isinstance(transform, dict) else ():
            yield from (ConfigRef(item, Tool.JEST, 0, 0) for item in strings(value))
        for key in JEST_MODULE_KEYS:
            yield from (
                ConfigRef(item, Tool.JEST, 0, 0) for item in strings(data.get(key)) if item not in _JEST_BUILT_INS
            )
    elif section == "postcss":
        plugins = data.get("plugins")
        names = plugins.keys() if isinstance(plugins, dict) else strings(plugins)
        yield from (ConfigRef(str(item), Tool.POSTCSS_PLUGIN, 0, 0) for item in names)


def files_test(value: object) -> str | None:
    """The regular expression (its source) a path meets when an eslintrc override's ``files`` glob
    matches it, as eslint's minimatch with ``matchBase`` does: a glob without a slash matches the
    file's name in any folder, one with a slash the path below the config's folder (matched here at
    any folder, which can only find more files). None when the globs are not all strings."""
    globs = [value] if isinstance(value, str) else value
    if not isinstance(globs, list) or not globs or not all(isinstance(glob, str) and glob for glob in globs):
        return None
    return "|".join(f"(?:^|/){_glob_source(glob.removeprefix('./'))}$" for glob in globs)


def _glob_source(glob: str) -> str:
    """A glob as a regular expression: ``**/`` any folders, ``*`` and ``?`` within a name, ``{a,b}``
    either (a name without a slash is the file's name)."""
    out: list[str] = []
    index = 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if glob.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{" and "}" in glob[index:]:
            end = glob.index("}", index)
            out.append("(?:" + "|".join(re.escape(part) for part in glob[index + 1 : end].split(",")) + ")")
            index = end + 1
            continue
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _section_for(name: str) -> str | None:
    if name in _BABEL:
        return "babel"
    if name in _ESLINT:
        return "eslint"
    if name in _JEST:
        return "jest"
    if name in _POSTCSS:
        return "postcss"
    if name in _WEBPACK + _WEBPACK_OVERRIDES or name.startswith("webpack"):
        return "webpack"
    return None


# -- JS configs ---------------------------------------------------------------------------------

_PROPERTIES = {
    "webpack": {"loader": Tool.WEBPACK_LOADER, "loaders": Tool.WEBPACK_LOADER, "use": Tool.WEBPACK_LOADER},
    "babel": {"presets": Tool.BABEL_PRESET, "plugins": Tool.BABEL_PLUGIN},
    "eslint": {"plugins": Tool.ESLINT_PLUGIN, "extends": Tool.ESLINT_CONFIG, "parser": Tool.ESLINT_PARSER},
    "jest": {
        "preset": Tool.JEST,
        "transform": Tool.JEST,
        "testEnvironment": Tool.JEST_ENVIRONMENT,
        **dict.fromkeys(JEST_MODULE_KEYS, Tool.JEST),
    },
    "postcss": {"plugins": Tool.POSTCSS_PLUGIN},
}


def _key_name(node: tree_sitter.Node) -> str | None:
    key = node.child_by_field_name("key")
    if key is None:
        return None
    if key.type in ("property_identifier", "identifier"):
        return (key.text or b"").decode()
    return _string_value(key)


def _values(node: tree_sitter.Node | None, tool: Tool, depth: int = 0) -> Iterator[tuple[str, tree_sitter.Node]]:
    """String literals that name modules in a property value: a string, an array of them, objects
    with ``loader`` (webpack), ``[name, options]`` pairs (babel, jest, postcss: the options are not
    names), the keys of postcss's ``plugins`` object, the values of jest's ``transform`` map."""
    if node is None or depth > 5:
        return
    node = _guarded(node)
    value = _string_value(node)
    if value is not None:
        yield value, node
    elif node.type in ("ternary_expression", "parenthesized_expression"):
        # `use: isProd ? [...] : [...]`: each branch is what the tool runs in one mode
        for branch in ("consequence", "alternative"):
            yield from _values(node.child_by_field_name(branch), tool, depth + 1)
        for child in node.named_children if node.type == "parenthesized_expression" else ():
            yield from _values(child, tool, depth + 1)
    elif node.type == "call_expression":
        yield from _loader_call(node, tool, depth)
    elif node.type == "array":
        for child in map(_guarded, node.named_children):
            if child.type == "array" and tool is not Tool.WEBPACK_LOADER:
                # a [name, options, instanceName] entry (babel's third item names the instance:
                # ['import', {libraryName: 'vant'}, 'vant']): only its first item is a module
                first = next((item for item in child.named_children if item.type != "comment"), None)
                yield from _values(first, tool, depth + 1)
                continue
            if tool in (Tool.JEST, Tool.POSTCSS_PLUGIN) and child.type == "object":
                # the options of a ["ts-jest", {tsconfig: "tsconfig.json"}] or a
                # ["postcss-preset-env", {stage: 3}] pair (or a plugin object in postcss's array)
                continue
            yield from _values(child, tool, depth + 1)
    elif node.type == "object" and tool in (Tool.WEBPACK_LOADER, Tool.POSTCSS_PLUGIN, Tool.JEST):
        for pair in node.named_children:
            if pair.type != "pair":
                continue
            key = _key_name(pair)
            if tool is Tool.WEBPACK_LOADER and key == "loader":
                yield from _values(pair.child_by_field_name("value"), tool, depth + 1)
            elif tool is Tool.POSTCSS_PLUGIN and key is not None:
                yield key, pair
            elif tool is Tool.JEST:
                yield from _values(pair.child_by_field_name("value"), tool, depth + 1)


def _guarded(node: tree_sitter.Node) -> tree_sitter.Node:
    """The value of ``condition && value`` (webpacker's babel.config.js: ``isTestEnv &&
    ["@babel/preset-env", {...}]``, filtered out with ``.filter(Boolean)`` when the condition fails):
    what the tool loads whenever the condition holds."""
    while node.type == "binary_expression" and (node.child_by_field_name("operator") or node).type == "&&":
        right = node.child_by_field_name("right")
        if right is None:
            break
        node = right
    return node


def _loader_call(node: tree_sitter.Node, tool: Tool, depth: int) -> Iterator[tuple[str, tree_sitter.Node]]:
    """Modules a call stands for: an array filtered in place (``[...].filter(Boolean)``), and in a
    rule's ``use``, extract-text-webpack-plugin's ``ExtractTextPlugin.extract({use, fallback})``
    (its ``fallback`` is a loader too)."""
    function = node.child_by_field_name("function")
    arguments = node.child_by_field_name("arguments")
    if function is None or function.type != "member_expression" or arguments is None:
        return
    method = (function.child_by_field_name("property") or function).text or b""
    if method == b"filter":
        yield from _values(function.child_by_field_name("object"), tool, depth + 1)
    elif method == b"extract" and tool is Tool.WEBPACK_LOADER:
        for argument in arguments.named_children:
            for pair in argument.named_children if argument.type == "object" else ():
                if pair.type == "pair" and _key_name(pair) in ("use", "loader", "fallback"):
                    yield from _values(pair.child_by_field_name("value"), tool, depth + 1)


def _rule_test(pair: tree_sitter.Node) -> str | None:
    """The ``test`` regular expression of the webpack rule holding ``pair`` (``use``/``loader``),
    as its source text; None when the rule has none or another kind of test."""
    rule = pair.parent
    if rule is None or rule.type != "object":
        return None
    for sibling in rule.named_children:
        if sibling.type == "pair" and _key_name(sibling) == "test":
            value = sibling.child_by_field_name("value")
            if value is not None and value.type == "regex":
                pattern = value.child_by_field_name("pattern")
                return (pattern.text or b"").decode() if pattern is not None else None
            return None
    return None


def _text_of(node: tree_sitter.Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _filtered_array(value: tree_sitter.Node | None) -> tree_sitter.Node | None:
    """The array of ``[...].filter(Boolean)`` (Semantic-UI-React's .babel-preset.js ``plugins``, whose
    conditional entries ``cond && [...]`` the filter drops); any other value as it is."""
    if value is None or value.type != "call_expression":
        return value
    function = value.child_by_field_name("function")
    if function is None or function.type != "member_expression":
        return value
    method = function.child_by_field_name("property")
    target = function.child_by_field_name("object")
    return target if method is not None and method.text == b"filter" and target is not None else value


def _declared_value(root: tree_sitter.Node, name: str) -> tree_sitter.Node | None:
    """The value a ``const``/``let``/``var`` of the file named ``name`` is declared with, when one
    declaration of that name gives it an array (the first such, in source order)."""
    stack = [root]
    found = []
    while stack:
        node = stack.pop()
        if node.type == "variable_declarator":
            key = node.child_by_field_name("name")
            value = _filtered_array(node.child_by_field_name("value"))
            if key is not None and _text_of(key) == name and value is not None and value.type == "array":
                found.append(value)
        stack.extend(node.named_children)
    return min(found, key=lambda item: item.start_byte) if found else None


def _js_refs(source: bytes, path: str, section: str) -> Iterator[ConfigRef]:
    language = language_for(path) or "javascript"
    tree = parser_for(language).parse(source)
    stack: list[tuple[tree_sitter.Node, dict[str, Tool], str | None]] = [(tree.root_node, _PROPERTIES[section], None)]
    while stack:
        node, wanted, within = stack.pop()
        if node.type == "shorthand_property_identifier" and (tool := wanted.get(_text_of(node))) is not None:
            # `return { plugins, presets }` (a babel.config.js function): the array a variable of
            # the file holds
            for literal_text, literal in _values(_declared_value(tree.root_node, _text_of(node)), tool):
                line, column = literal.start_point
                yield ConfigRef(literal_text, tool, line + 1, column + 1, within)
            continue
        if node.type == "pair":
            key = _key_name(node)
            if section == "eslint" and key == "parserOptions":
                # what an eslint parser reads: only @babel/eslint-parser's `babelOptions` names modules,
                # and those are babel's (its `plugins` are babel plugins, not eslint's)
                stack.extend(
                    (pair, _BABEL_OPTIONS, None)
                    for pair in _pairs_named(node.child_by_field_name("value"), "babelOptions")
                )
                continue
            if section == "eslint" and key == "overrides":
                # an override's plugins, configs and parser are loaded only for the files it matches
                value = node.child_by_field_name("value")
                for item in value.named_children if value is not None and value.type == "array" else []:
                    files = _pairs_named(item, "files")
                    files_value = files[0].child_by_field_name("value") if files else None
                    globs = [text for text, _literal in _values(files_value, Tool.ESLINT_CONFIG)]
                    stack.append((item, wanted, files_test(globs) if globs else None))
                continue
            tool = wanted.get(key or "")
            if tool is not None:
                test = _rule_test(node) if tool is Tool.WEBPACK_LOADER else within
                for text, literal in _values(node.child_by_field_name("value"), tool):
                    if tool is Tool.JEST and text in _JEST_BUILT_INS:
                        continue
                    line, column = literal.start_point
                    yield ConfigRef(text, tool, line + 1, column + 1, test)
                continue
        stack.extend((child, wanted, within) for child in node.named_children)


_BABEL_OPTIONS = _PROPERTIES["babel"]


def _pairs_named(node: tree_sitter.Node | None, key: str) -> list[tree_sitter.Node]:
    """The pairs of an object literal whose key is ``key``."""
    if node is None or node.type != "object":
        return []
    return [pair for pair in node.named_children if pair.type == "pair" and _key_name(pair) == key]


def config_refs(source: bytes, file_name: str, section: str | None = None) -> list[ConfigRef]:
    """Every module a config file names by string (``require.resolve(...)`` values are not strings).
    ``section`` reads the file as that tool's config whatever its name (``"webpack"``: a module a
    build wrapper builds its rules in)."""
    section = section or _section_for(file_name)
    if section is None:
        return []
    if file_name.endswith((".js", ".cjs", ".mjs", ".ts")):
        refs = list(_js_refs(source, file_name, section))
    elif section == "eslint" and (
        file_name.endswith((".yaml", ".yml")) or (file_name == ".eslintrc" and not _is_json(source))
    ):
        # eslint reads .eslintrc.yaml/.yml, and the legacy .eslintrc (JSON or YAML), with a YAML parser
        data = _yaml_data(source)
        if data is None:
            return []
        refs = _yaml_placed(list(_json_refs(data, section)), source)
    else:
        try:
            data = load_json(source)
        except ValueError:
            return []
        refs = list(_json_refs(data, section))
        if section in ("babel", "eslint"):
            refs = _placed(refs, source)
    # one literal reached twice (a `loader:` pair inside the array a returned `{ use }` holds) is one name
    return sorted(set(refs), key=lambda ref: (ref.line, ref.column, ref.name, ref.tool.value))


def _is_json(source: bytes) -> bool:
    try:
        load_json(source)
    except ValueError:
        return False
    return True


def _yaml_data(source: bytes) -> object | None:
    from nmdoctor.yamlio import YAMLError, load_yaml  # only a YAML eslintrc needs it

    try:
        return load_yaml(source)
    except (YAMLError, ValueError):
        return None


def _yaml_placed(refs: list[ConfigRef], text: bytes) -> list[ConfigRef]:
    """``refs`` read from a YAML config, each at the line and column of the first scalar of its
    value (plain or quoted, a list item or a key's value) not yet given to an earlier ref of that name."""
    placed: list[ConfigRef] = []
    taken: dict[str, int] = {}
    for ref in refs:
        pattern = re.compile(
            rb"(?:^|(?<=[\s\[,:-]))(['\"]?)" + re.escape(ref.name.encode()) + rb"\1(?=\s*(?:$|[,\]#]))", re.MULTILINE
        )
        match = pattern.search(text, taken.get(ref.name, 0))
        if match is None:
            placed.append(ref)
            continue
        start = match.start() + len(match.group(1))
        taken[ref.name] = match.end()
        before = text[:start]
        placed.append(replace(ref, line=before.count(b"\n") + 1, column=start - (before.rfind(b"\n") + 1) + 1))
    return placed


def _placed(refs: list[ConfigRef], text: bytes) -> list[ConfigRef]:
    """``refs`` read from a JSON config, each at the line and column where the file names it (the
    first string of that value not yet given to an earlier ref of the same name: a preset and a
    plugin may share a name)."""
    placed: list[ConfigRef] = []
    taken: dict[str, int] = {}
    for ref in refs:
        line, column, end = _json_string_at(text, ref.name, taken.get(ref.name, 0))
        taken[ref.name] = end
        placed.append(replace(ref, line=line, column=column))
    return placed


def package_json_refs(manifest: dict[str, object], text: bytes | None = None) -> list[ConfigRef]:
    """The ``babel``, ``eslintConfig``, ``jest`` and ``postcss`` sections of a package.json; with the
    file's ``text``, each at the line and column where its section names it."""
    refs: list[ConfigRef] = []
    for key, section in (("babel", "babel"), ("eslintConfig", "eslint"), ("jest", "jest"), ("postcss", "postcss")):
        for ref in _json_refs(manifest.get(key), section):
            if text is not None:
                line, column = json_string_position(text, ref.name, key)
                ref = replace(ref, line=line, column=column)
            refs.append(ref)
    return refs


# Of JEST_MODULE_KEYS, those jest loads from the project's rootDir like a require of the project:
# an undeclared package there works only by hoisting. (testRunner, testSequencer, runner and
# resolver fall back to jest's own dependencies, so a name of jest's is found without the project.)
_JEST_LOADS = frozenset(
    {"setupFiles", "setupFilesAfterEnv", "snapshotSerializers", "globalSetup", "globalTeardown", "watchPlugins"}
)
_JEST_FILES = tuple(f"{folder}{name}" for folder in ("", "config/") for name in _JEST)


def json_string_position(text: bytes, value: str, section: str | None = None) -> tuple[int, int]:
    """Where a JSON string value first appears (1-based line and column; 0, 0 when it does not), for
    configs read as data; with ``section``, the first time after that key's object (package.json's
    ``"jest": {``, so that a name also listed in ``devDependencies`` is found in the config, not there)."""
    start = 0
    if section is not None:
        key = re.search(rb'"' + re.escape(section.encode()) + rb'"\s*:\s*\{', text)
        if key is None:
            return 0, 0
        start = key.end()
    line, column, _end = _json_string_at(text, value, start, keys=True)
    return line, column


def _json_string_at(text: bytes, value: str, start: int, *, keys: bool = False) -> tuple[int, int, int]:
    """The 1-based line and column of the first JSON string ``value`` at or after byte ``start``
    (the column of its first character, past the quote), and the byte where it ends; 0, 0, start
    when there is none. A key of that name counts only with ``keys`` (callers that place a key)."""
    quoted = json.dumps(value).encode()
    index = text.find(quoted, start)
    while not keys and index != -1 and re.match(rb"\s*:", text[index + len(quoted) : index + len(quoted) + 64]):
        index = text.find(quoted, index + len(quoted))  # a key of that name (`"env": {...}`), not a value
    if index == -1:
        return 0, 0, start
    before = text[:index]
    return before.count(b"\n") + 1, index - (before.rfind(b"\n") + 1) + 2, index + len(quoted)


def jest_loads(fs: FileSystem, folder: str) -> list[tuple[str, ImportSite]]:
    """The packages a jest config of ``folder`` (jest.config.*, config/jest.config.*, the ``jest``
    section of package.json) loads from the project: ``setupFiles: ['raf/polyfill']`` and the like,
    each as an import site of the config file."""
    found: list[tuple[str, ImportSite]] = []
    candidates = [f"{folder}/{name}" for name in _JEST_FILES] + [f"{folder}/package.json"]
    for path in candidates:
        try:
            source = fs.read_bytes(path)
        except FileSystemError:
            continue
        names: list[tuple[str, int, int]] = []
        if path.endswith((".js", ".cjs", ".mjs", ".ts")):
            tree = parser_for(language_for(path) or "javascript").parse(source)
            stack = [tree.root_node]
            while stack:
                node = stack.pop()
                if node.type == "pair" and _key_name(node) in _JEST_LOADS:
                    for text, literal in _values(node.child_by_field_name("value"), Tool.JEST):
                        names.append((text, literal.start_point[0] + 1, literal.start_point[1] + 1))
                    continue
                stack.extend(node.named_children)
        else:
            try:
                data = load_json(source)
            except ValueError:
                continue
            section = data.get("jest") if path.endswith("package.json") and isinstance(data, dict) else data
            if not isinstance(section, dict):
                continue
            within = "jest" if data is not section else None  # package.json's section, or the whole file
            for key in sorted(_JEST_LOADS):
                value = section.get(key)
                for item in value if isinstance(value, list) else [value] if isinstance(value, str) else []:
                    if isinstance(item, str):
                        names.append((item, *json_string_position(source, item, within)))
        for text, line, column in names:
            if expand_name(text, Tool.JEST) is not None and text not in _JEST_BUILT_INS:
                found.append((path, ImportSite(text, ImportKind.REQUIRE, line, column)))
    return found
