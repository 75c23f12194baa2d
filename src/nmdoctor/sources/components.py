"""The code of single-file components: Vue's and Svelte's ``<script>`` blocks and Astro's frontmatter.

A component file is JavaScript or TypeScript only inside those parts; its bundler plugin
(``@vitejs/plugin-vue``, ``vue-loader``, ``svelte-loader``, Astro's compiler) hands them to the
bundler, which resolves their imports as it resolves any module's. The rest of the file (template,
styles) is blanked byte for byte, newlines kept, so the parser's lines and columns are the file's.
A block with a ``src`` attribute is another file's code; a block in another language (``lang="coffee"``)
is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["COMPONENT_SUFFIXES", "code_blocks", "component_code"]

COMPONENT_SUFFIXES = (".vue", ".svelte", ".astro")

_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_LANG = re.compile(rb"""\blang\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_SRC = re.compile(rb"""\bsrc\s*=""", re.IGNORECASE)
_INLINE = re.compile(rb"\bis:inline\b", re.IGNORECASE)
_FRONTMATTER = re.compile(rb"\A(\s*---[ \t]*\r?\n)(.*?)(\r?\n---)", re.DOTALL)
_LANGUAGES = {
    b"js": "javascript",
    b"javascript": "javascript",
    b"jsx": "javascript",
    b"ts": "typescript",
    b"tsx": "tsx",
}
_BLANK = re.compile(rb"[^\r\n]")


def code_blocks(source: bytes, path: str) -> list[tuple[int, int, str]]:
    """The code of a component file: (start, end, grammar) byte ranges, in file order; none when
    ``path`` is not a component file. Vue and Svelte take the ``<script>`` elements at the top level
    of the file (one inside the template, or in a string, is not the component's code); Astro takes
    its frontmatter and every ``<script>`` it bundles (not ``is:inline`` ones)."""
    lower = path.lower()
    if not lower.endswith(COMPONENT_SUFFIXES):
        return []
    kept: list[tuple[int, int, str]] = []
    astro = lower.endswith(".astro")
    if astro and (frontmatter := _FRONTMATTER.match(source)) is not None:
        kept.append((frontmatter.start(2), frontmatter.end(2), "typescript"))  # Astro's frontmatter is TypeScript
    after = kept[-1][1] if kept else 0  # the markup after Astro's frontmatter
    elements = _scripts(source, after, top_level_only=not astro)
    for block in elements:
        attributes = block.group(1)
        if _SRC.search(attributes) or (astro and _INLINE.search(attributes)):
            continue
        lang = _LANG.search(attributes)
        default = "typescript" if astro else "javascript"  # Astro's scripts are TypeScript
        language = _LANGUAGES.get(lang.group(1).lower()) if lang else default
        if language is not None:
            kept.append((block.start(2), block.end(2), language))
    return kept


_TAG = re.compile(rb"<(/?)([A-Za-z][\w:.-]*)")
_CLOSE = {name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE) for name in (b"script", b"style")}
_VOID = frozenset(b"area base br col embed hr img input link meta param source track wbr".split())


def _scripts(source: bytes, position: int, *, top_level_only: bool) -> Iterator[re.Match[bytes]]:
    """The ``<script>`` elements from ``position`` on (outside any other element, with
    ``top_level_only``), as ``_SCRIPT`` matches them: the elements are followed by depth (quoted
    attribute values, comments, and the raw text of scripts and styles skipped); a ``<`` that
    opens no tag (``{a < b}``) is text. One pass: an unclosed script, style, comment or quote ends
    the scan."""
    depth = 0
    while (start := source.find(b"<", position)) != -1:
        if source.startswith(b"<!--", start):
            end = source.find(b"-->", start + 4)
            position = len(source) if end == -1 else end + 3
            continue
        tag = _TAG.match(source, start)
        if tag is None:
            position = start + 1
            continue
        closing, name = tag.group(1), tag.group(2).lower()
        end = _tag_end(source, tag.end())
        if closing:
            depth = max(0, depth - 1)
            position = end
            continue
        if name in (b"script", b"style"):
            close = _CLOSE[name].search(source, end)
            stop = len(source) if close is None else close.end()
            if name == b"script" and (depth == 0 or not top_level_only) and close is not None:
                block = _SCRIPT.match(source, start, close.end())
                if block is not None:
                    yield block
            position = stop
            continue
        if not source[start:end].rstrip(b">").endswith(b"/") and name not in _VOID:
            depth += 1
        position = end


def _tag_end(source: bytes, position: int) -> int:
    """Just past the ``>`` that ends a tag begun before ``position`` (quoted values skipped)."""
    quote = 0
    for index in range(position, len(source)):
        char = source[index]
        if quote:
            if char == quote:
                quote = 0
        elif char in b"\"'":
            quote = char
        elif char == 62:  # ">"
            return index + 1
    return len(source)


def component_code(source: bytes, path: str) -> tuple[bytes, str] | None:
    """(the file with everything but its code blanked, the grammar of that code), or None when
    ``path`` is not a component file or holds no code."""
    kept = code_blocks(source, path)
    if not kept:
        return None
    blanked = bytearray(_BLANK.sub(b" ", source))
    for start, end, _language in kept:
        blanked[start:end] = source[start:end]
    languages = {language for _start, _end, language in kept}
    language = "tsx" if "tsx" in languages else "typescript" if "typescript" in languages else "javascript"
    return bytes(blanked), language
