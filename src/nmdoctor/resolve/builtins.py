"""Node v20's builtin module names (``require('module').builtinModules`` on v20.20.2).

``SCHEME_ONLY`` are the builtins that exist only with the ``node:`` prefix: plain ``require('test')``
looks in node_modules.
"""

__all__ = ["BUILTINS", "SCHEME_ONLY", "builtin_name"]

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


def builtin_name(request: str) -> str | None:
    """The builtin a request names (``fs``, ``node:fs``, ``node:test``), or None."""
    if request.startswith("node:"):
        name = request[5:]
        return name if name in BUILTINS or name in SCHEME_ONLY else None
    return request if request in BUILTINS else None
