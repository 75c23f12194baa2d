"""A throwaway npm registry on loopback, serving packages the tests describe in Python.

Enough of the registry protocol for npm, pnpm and both yarns: packuments (``GET /name``, scoped
names URL-encoded) with ``versions``, ``dist-tags`` and ``dist`` (tarball, shasum, integrity), and
the tarballs themselves, built here from the package specs.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import threading
from collections.abc import Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote

Package = dict[str, Any]  # {"name", "version", "dependencies"?, "peerDependencies"?, "files"?: {path: text}}


def _tarball(package: Package) -> bytes:
    manifest = {key: value for key, value in package.items() if key != "files"}
    files = {
        "package.json": json.dumps(manifest, indent=2),
        **package.get("files", {"index.js": "module.exports = {};\n"}),
    }
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.USTAR_FORMAT) as archive:
        for path, text in sorted(files.items()):
            data = text.encode()
            info = tarfile.TarInfo(f"package/{path}")
            info.size = len(data)
            info.mode = 0o644
            info.mtime = 499162500  # npm's fixed date: tarballs are byte-identical between runs
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class Registry:
    """``with Registry(packages) as registry: registry.url``."""

    def __init__(self, packages: Iterable[Package], port: int = 0) -> None:
        self.tarballs: dict[str, bytes] = {}
        self.packuments: dict[str, dict[str, Any]] = {}
        self._packages = list(packages)
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        for package in self._packages:
            self._add(package)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _add(self, package: Package) -> None:
        name, version = package["name"], package["version"]
        data = _tarball(package)
        file_name = f"{name.rpartition('/')[2]}-{version}.tgz"
        path = f"{name}/-/{file_name}"
        self.tarballs[path] = data
        manifest = {key: value for key, value in package.items() if key != "files"}
        manifest["dist"] = {
            "tarball": f"{self.url}{path}",
            "shasum": hashlib.sha1(data).hexdigest(),  # the registry protocol's checksum
            "integrity": "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode(),
        }
        packument = self.packuments.setdefault(name, {"name": name, "versions": {}, "dist-tags": {}, "time": {}})
        packument["versions"][version] = manifest
        # An old publication date: yarn 4 quarantines versions published moments ago.
        packument["time"].update(
            {
                version: "2020-01-01T00:00:00.000Z",
                "created": "2020-01-01T00:00:00.000Z",
                "modified": "2020-01-01T00:00:00.000Z",
            }
        )
        versions = sorted(packument["versions"], key=lambda item: [int(part) for part in item.split("-")[0].split(".")])
        packument["dist-tags"]["latest"] = versions[-1]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                path = unquote(self.path.split("?", 1)[0]).lstrip("/")
                if path in registry.tarballs:
                    self._send(200, registry.tarballs[path], "application/octet-stream")
                elif path in registry.packuments:
                    self._send(200, json.dumps(registry.packuments[path]).encode(), "application/json")
                else:
                    self._send(404, b'{"error":"not found"}', "application/json")

            def do_HEAD(self) -> None:  # noqa: N802 - the http.server API
                # pnpm 10.34.8 sends HEAD requests while it installs a tarball-URL dependency and
                # retries a 501 with backoff (10 s, then 60 s): a 70 s install without this.
                path = unquote(self.path.split("?", 1)[0]).lstrip("/")
                found = path in registry.tarballs or path in registry.packuments
                self.send_response(200 if found else 404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _send(self, status: int, body: bytes, kind: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return

        return Handler

    def __enter__(self) -> Registry:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
