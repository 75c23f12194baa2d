"""Reading values out of JS/TS config files: statically (literals, ``path.resolve(__dirname, ...)``,
constants of the file), or by evaluating the config with node when it is on disk.

The node evaluation answers for any module the config requires that is not installed with an inert
stand-in, so that a config still evaluates when only the lockfile is there (``require('webpack')``
then ``new webpack.DefinePlugin(...)`` yields the stand-in; the values read here are strings).
"""

from __future__ import annotations

import json
import posixpath
import shutil
from collections.abc import Iterator
from typing import Any

import tree_sitter

from nmdoctor.sources.imports import _string_value, language_for, parser_for
from nmdoctor.vfs.trace import note_untraceable

__all__ = ["Regex", "evaluate_with_node", "static_properties"]

UNKNOWN = object()


class Regex(str):
    """A regular expression literal's pattern (``/^@\\/(.*)$/`` -> ``^@\\/(.*)$``)."""


_EVAL = r"""
const Module = require('module');
const path = require('path');
function inert() {
  const target = function () {};
  const proxy = new Proxy(target, {
    get(_t, key) {
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'then' || key === 'toJSON') return undefined;
      return proxy;
    },
    apply() { return proxy; },
    construct() { return proxy; },
  });
  return proxy;
}
const load = Module._load;
Module._load = function (request, parent, isMain) {
  try { return load.apply(this, arguments); } catch (error) { return inert(); }
};
function plain(value, depth) {
  if (depth > 6) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (value instanceof RegExp) return {__regex__: value.source};
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) {
      if (key === 'plugins' || key === 'module' || key === 'optimization' || key === 'devServer') continue;
      out[key] = plain(value[key], depth + 1);
    }
    return out;
  }
  return null;
}
(async () => {
  const file = process.argv[1];
  process.chdir(path.dirname(file));
  let config = require(file);
  if (config && config.__esModule && 'default' in config) config = config.default;
  const api = new Proxy({}, {
    get(_t, key) {
      const known = ['cache', 'env', 'caller', 'assertVersion', 'version'];
      if (typeof key !== 'string' || !known.includes(key)) return undefined;
      const call = () => undefined;
      return Object.assign(call, {forever() {}, never() {}, using() {}, invalidate() {}});
    },
  });
  if (typeof config === 'function') config = config(api, {mode: 'development'});
  config = await config;
  process.stdout.write(JSON.stringify(plain(config, 0)));
})().catch((error) => { process.stderr.write(String(error && error.message)); process.exit(3); });
"""


def evaluate_with_node(path: str, timeout: float = 15.0) -> Any:
    """The config module's exported value as plain data (strings, lists, objects; regexes as
    ``{"__regex__": source}``), or None when node is missing or the config does not evaluate."""
    node = shutil.which("node")
    if node is None or not path.endswith((".js", ".cjs")):
        return None
    import subprocess  # only a config that must be evaluated pays for it

    note_untraceable()  # node may read any file: a run that evaluates a config is not replayed

    try:
        done = subprocess.run(
            [node, "-e", _EVAL, path],
            capture_output=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
            env={"PATH": "", "NODE_ENV": "development", "HOME": "/nonexistent"},
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    try:
        return json.loads(done.stdout)
    except ValueError:
        return None


# -- static reading -----------------------------------------------------------------------------


def _key_name(node: tree_sitter.Node) -> str | None:
    key = node.child_by_field_name("key")
    if key is None:
        return None
    if key.type in ("property_identifier", "identifier"):
        return (key.text or b"").decode()
    return _string_value(key)


class _Reader:
    def __init__(self, source: bytes, path: str) -> None:
        self.folder = posixpath.dirname(path)
        self.tree = parser_for(language_for(path) or "javascript").parse(source)
        self.constants: dict[str, tree_sitter.Node] = {}
        for node in self._walk(self.tree.root_node):
            if node.type == "variable_declarator":
                name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
                if name is not None and value is not None and name.type == "identifier":
                    self.constants.setdefault((name.text or b"").decode(), value)

    @staticmethod
    def _walk(root: tree_sitter.Node) -> Iterator[tree_sitter.Node]:
        stack = [root]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.named_children))

    def value(self, node: tree_sitter.Node | None, depth: int = 0) -> Any:
        if node is None or depth > 8:
            return UNKNOWN
        text = _string_value(node)
        if text is not None:
            return text
        kind = node.type
        if kind in ("parenthesized_expression", "as_expression", "satisfies_expression"):
            return self.value(node.named_children[0] if node.named_children else None, depth + 1)
        if kind == "regex":
            pattern = node.child_by_field_name("pattern")
            return Regex((pattern.text or b"").decode()) if pattern is not None else UNKNOWN
        if kind == "identifier":
            name = (node.text or b"").decode()
            if name == "__dirname":
                return self.folder
            bound = self.constants.get(name)
            return self.value(bound, depth + 1) if bound is not None and bound != node else UNKNOWN
        if kind == "binary_expression":
            left = self.value(node.child_by_field_name("left"), depth + 1)
            right = self.value(node.child_by_field_name("right"), depth + 1)
            return left + right if isinstance(left, str) and isinstance(right, str) else UNKNOWN
        if kind == "array":
            return [self.value(child, depth + 1) for child in node.named_children]
        if kind == "object":
            result: dict[str, Any] = {}
            for pair in node.named_children:
                if pair.type == "pair":
                    key = _key_name(pair)
                    if key is not None:
                        result[key] = self.value(pair.child_by_field_name("value"), depth + 1)
            return result
        if kind == "call_expression":
            return self._call(node, depth)
        if kind == "member_expression" and (node.text or b"") in (b"import.meta.dirname",):
            return self.folder
        return UNKNOWN

    def _call(self, node: tree_sitter.Node, depth: int) -> Any:
        callee = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        name = (callee.text or b"").decode() if callee is not None else ""
        if name in ("process.cwd",):
            return self.folder
        if name in ("require", "require.resolve") and arguments is not None and arguments.named_children:
            # the module's name stands for it (``[require.resolve('babel-plugin-module-resolver'), {...}]``)
            return self.value(arguments.named_children[0], depth + 1)
        if name.endswith(("resolve", "join")) and arguments is not None:
            parts = [self.value(child, depth + 1) for child in arguments.named_children]
            if not parts or not all(isinstance(part, str) for part in parts):
                return UNKNOWN
            if name.endswith("resolve"):
                joined = self.folder
                for part in parts:
                    joined = posixpath.join(joined, part)
            else:
                joined = posixpath.join(*parts)
            return posixpath.normpath(joined)
        if name in ("fileURLToPath", "url.fileURLToPath") and arguments is not None and arguments.named_children:
            inner = arguments.named_children[0]
            # fileURLToPath(new URL('./src', import.meta.url))
            if inner.type == "new_expression":
                args = inner.child_by_field_name("arguments")
                if args is not None and args.named_children:
                    relative = self.value(args.named_children[0], depth + 1)
                    if isinstance(relative, str):
                        return posixpath.normpath(posixpath.join(self.folder, relative))
        return UNKNOWN

    def properties(self, keys: frozenset[str]) -> Iterator[tuple[str, Any]]:
        for node in self._walk(self.tree.root_node):
            if node.type == "pair":
                key = _key_name(node)
                if key in keys:
                    yield key, self.value(node.child_by_field_name("value"))


def static_properties(source: bytes, path: str, keys: frozenset[str]) -> list[tuple[str, Any]]:
    """Every ``key: value`` pair of the file whose key is one of ``keys``, its value read statically
    (``UNKNOWN`` where it is not a literal nmdoctor can follow)."""
    return list(_Reader(source, path).properties(keys))
