"""The part of the WHATWG URL standard that ESM resolution depends on, for ``file:`` URLs.

Node's ESM resolver works on URLs, not paths: ``new URL(specifier, parentURL)`` decides how
``..``, ``%2e``, backslashes, ``?`` and ``#`` behave, and ``fileURLToPath`` turns the result back
into a path. A ``FileUrl`` keeps the percent-encoded pathname so that those rules apply exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from nmdoctor.resolve.errors import InvalidFileUrlHost, InvalidFileUrlPath, InvalidModuleSpecifier

__all__ = ["FileUrl", "file_url_to_path", "parse_scheme", "path_to_file_url", "url_resolve"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SPECIAL_NEEDS_HOST = frozenset({"http:", "https:", "ws:", "wss:", "ftp:"})
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
_ENCODED_SLASH = re.compile(r"%2f", re.IGNORECASE)
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SINGLE_DOTS = frozenset({".", "%2e", "%2E"})
_DOUBLE_DOTS = frozenset({"..", ".%2e", ".%2E", "%2e.", "%2E.", "%2e%2e", "%2E%2E", "%2e%2E", "%2E%2e"})
# The WHATWG "path percent-encode set": C0 controls, space, ", #, <, >, ?, `, {, } and non-ASCII.
_PATH_ENCODE = frozenset(' "#<>?`{}')


@dataclass(frozen=True, slots=True)
class FileUrl:
    """A ``file:`` URL: percent-encoded ``pathname`` plus ``search`` and ``hash`` (with their sigils)."""

    pathname: str
    search: str = ""
    hash: str = ""

    @property
    def href(self) -> str:
        return "file://" + self.pathname + self.search + self.hash


def _encode_segment(segment: str) -> str:
    if segment.isascii() and not any(ch in _PATH_ENCODE or ord(ch) < 0x20 or ch == "\x7f" for ch in segment):
        return segment
    out = []
    for ch in segment:
        code = ord(ch)
        if ch in _PATH_ENCODE or code < 0x20 or code >= 0x7F:
            out.extend(f"%{byte:02X}" for byte in ch.encode("utf-8", "surrogatepass"))
        else:
            out.append(ch)
    return "".join(out)


def _parse_path(segments: list[str], text: str) -> None:
    """Append the segments of ``text`` (already split of query and fragment) to ``segments``."""
    parts = text.split("/")
    last = len(parts) - 1
    for index, part in enumerate(parts):
        if part in _DOUBLE_DOTS:
            if segments:
                segments.pop()
            if index == last:
                segments.append("")
        elif part in _SINGLE_DOTS:
            if index == last:
                segments.append("")
        else:
            segments.append(_encode_segment(part))


def _split_query_fragment(text: str) -> tuple[str, str, str]:
    fragment = ""
    hash_at = text.find("#")
    if hash_at != -1:
        text, fragment = text[:hash_at], text[hash_at:]
    query = ""
    query_at = text.find("?")
    if query_at != -1:
        text, query = text[:query_at], text[query_at:]
    return text, query, fragment


def parse_scheme(specifier: str) -> str | None:
    """The scheme (``"node:"``) if ``new URL(specifier)`` parses it as an absolute URL, else None."""
    text = _TAB_OR_NEWLINE.sub(
        "",
        specifier.strip(
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r"
            "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
            "\x1a\x1b\x1c\x1d\x1e\x1f "
        ),
    )
    match = _SCHEME.match(text)
    if match is None:
        return None
    scheme = match.group(0).lower()
    if scheme in _SPECIAL_NEEDS_HOST:
        rest = text[match.end() :].replace("\\", "/").lstrip("/")
        host = re.split(r"[/?#]", rest, maxsplit=1)[0]
        if not host or ("@" in host and not host.rpartition("@")[2]):
            return None
    return scheme


def url_resolve(reference: str, base: FileUrl) -> FileUrl:
    """``new URL(reference, base)`` for a ``file:`` base, where the result is a file URL."""
    text = _TAB_OR_NEWLINE.sub("", reference.strip("".join(chr(c) for c in range(0x21))))
    text = text.replace("\\", "/")
    if text[:5].lower() == "file:":
        text = text[5:]
        if text.startswith("//"):
            return _with_authority(text[2:])
        if not text.startswith("/"):
            return _relative(text, base)
        path, query, fragment = _split_query_fragment(text)
        segments: list[str] = []
        _parse_path(segments, path[1:])
        return FileUrl("/" + "/".join(segments), query, fragment)
    if text.startswith("//"):
        return _with_authority(text[2:])
    return _relative(text, base)


def _with_authority(text: str) -> FileUrl:
    host, slash, rest = text.partition("/")
    host, _, _ = _split_query_fragment(host)
    if host and host.lower() != "localhost":
        raise InvalidFileUrlHost(f'File URL host must be "localhost" or empty on linux: {host}')
    path, query, fragment = _split_query_fragment(slash + rest)
    segments: list[str] = []
    _parse_path(segments, path[1:])
    return FileUrl("/" + "/".join(segments), query, fragment)


def _relative(text: str, base: FileUrl) -> FileUrl:
    if text == "":
        return FileUrl(base.pathname, base.search)
    if text.startswith("?"):
        _, query, fragment = _split_query_fragment(text)
        return FileUrl(base.pathname, query, fragment)
    if text.startswith("#"):
        return FileUrl(base.pathname, base.search, text)
    path, query, fragment = _split_query_fragment(text)
    segments: list[str]
    if path.startswith("/"):
        segments = []
        path = path[1:]
    else:
        segments = base.pathname.split("/")[1:]
        segments.pop()  # drop the base's last segment (its file name)
    _parse_path(segments, path)
    return FileUrl("/" + "/".join(segments), query, fragment)


def path_to_file_url(path: str) -> FileUrl:
    """Node's ``pathToFileURL`` for an absolute POSIX path (a trailing ``/`` is kept)."""
    encoded = (
        path.replace("%", "%25")
        .replace("\\", "%5C")
        .replace("\n", "%0A")
        .replace("\r", "%0D")
        .replace("\t", "%09")
        .replace("?", "%3F")
        .replace("#", "%23")
    )
    segments: list[str] = []
    _parse_path(segments, encoded[1:] if encoded.startswith("/") else encoded)
    return FileUrl("/" + "/".join(segments))


def file_url_to_path(url: FileUrl) -> str:
    """Node's ``fileURLToPath`` on POSIX: decode the pathname, refusing an encoded ``/``."""
    pathname = url.pathname
    if "%" not in pathname:
        return pathname
    if _ENCODED_SLASH.search(pathname):
        raise InvalidFileUrlPath("File URL path must not include encoded / characters")
    if _BAD_ESCAPE.search(pathname):
        raise InvalidModuleSpecifier(f"URI malformed: {pathname}")
    try:
        return unquote_to_bytes(pathname).decode("utf-8")
    except UnicodeDecodeError:
        # decodeURIComponent throws a URIError (no code) on malformed UTF-8.
        raise InvalidModuleSpecifier(f"URI malformed: {pathname}") from None
