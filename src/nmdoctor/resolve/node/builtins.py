"""Node's builtin module names per version (``require('module').builtinModules``).

``BUILTINS`` and ``SCHEME_ONLY`` are node v20.20.2's; ``builtins_for`` applies the version rules
of ``versions`` (``node:sqlite``, ``node:ffi``, the ``_stream_*`` removal). ``SCHEME_ONLY``
are the builtins that exist only with the ``node:`` prefix: plain ``require('test')`` looks in
node_modules.
"""

import functools

from nmdoctor.resolve.node.versions import (
    DEFAULT_NODE_VERSION,
    FFI_BUILTIN,
    NO_LEGACY_STREAM_BUILTINS,
    SQLITE_BUILTIN,
    NodeVersion,
)

__all__ = ["BUILTINS", "SCHEME_ONLY", "builtin_name", "builtins_for"]

BUILTINS: frozenset[str] = frozenset(
    {
        "_http_agent",
        "_http_client",
        "_http_common",
        "_http_incoming",
        "_http_outgoing",
        "_http_server",
        "_stream_duplex",
        "_stream_passthrough",
        "_stream_readable",
        "_stream_transform",
        "_stream_wrap",
        "_stream_writable",
        "_tls_common",
        "_tls_wrap",
        "assert",
        "assert/strict",
        "async_hooks",
        "buffer",
        "child_process",
        "cluster",
        "console",
        "constants",
        "crypto",
        "dgram",
        "diagnostics_channel",
        "dns",
        "dns/promises",
        "domain",
        "events",
        "fs",
        "fs/promises",
        "http",
        "http2",
        "https",
        "inspector",
        "inspector/promises",
        "module",
        "net",
        "os",
        "path",
        "path/posix",
        "path/win32",
        "perf_hooks",
        "process",
        "punycode",
        "querystring",
        "readline",
        "readline/promises",
        "repl",
        "stream",
        "stream/consumers",
        "stream/promises",
        "stream/web",
        "string_decoder",
        "sys",
        "timers",
        "timers/promises",
        "tls",
        "trace_events",
        "tty",
        "url",
        "util",
        "util/types",
        "v8",
        "vm",
        "wasi",
        "worker_threads",
        "zlib",
    }
)

SCHEME_ONLY: frozenset[str] = frozenset({"test", "test/reporters", "sea"})


_LEGACY_STREAMS = frozenset(name for name in BUILTINS if name.startswith("_stream_"))


@functools.cache
def builtins_for(version: NodeVersion) -> tuple[frozenset[str], frozenset[str]]:
    """(builtins usable without the prefix, ``node:``-only builtins) of node at ``version``."""
    plain = BUILTINS - _LEGACY_STREAMS if version.has(NO_LEGACY_STREAM_BUILTINS) else BUILTINS
    scheme_only = set(SCHEME_ONLY)
    if version.has(SQLITE_BUILTIN):
        scheme_only.add("sqlite")
    if version.has(FFI_BUILTIN):
        scheme_only.add("ffi")
    return plain, frozenset(scheme_only)


def builtin_name(request: str, version: NodeVersion = DEFAULT_NODE_VERSION) -> str | None:
    """The builtin a request names (``fs``, ``node:fs``, ``node:test``) for node at ``version``, or None."""
    plain, scheme_only = builtins_for(version)
    if request.startswith("node:"):
        name = request[5:]
        return name if name in plain or name in scheme_only else None
    return request if request in plain else None
