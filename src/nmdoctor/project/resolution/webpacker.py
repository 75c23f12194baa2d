"""The module folders of a Rails app's webpack config made by @rails/webpacker or shakapacker.

webpacker builds webpack's config itself (webpacker 5: package/environments/base.js) with
``resolve.modules: [<source_path>, ...<additional_paths>, 'node_modules']``, read from
config/webpacker.yml (shakapacker 7 and later: config/shakapacker.yml), so ``import "styles"`` in a
pack is app/javascript/styles. Every environment's section is read: each builds the app.
"""

from __future__ import annotations

import posixpath
from typing import Any

from nmdoctor.project.resolution.model import ModuleFolder, ResolutionConfig
from nmdoctor.vfs.base import FileSystem, FileSystemError
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = ["WRAPPERS", "read_webpacker"]

WRAPPERS = ("@rails/webpacker", "shakapacker")
_CONFIGS = ("config/shakapacker.yml", "config/webpacker.yml")
_DEFAULT_SOURCE = "app/javascript"  # webpacker's own lib/install/config/webpacker.yml


def read_webpacker(fs: FileSystem, folder: str) -> ResolutionConfig:
    """The folders webpack searches for bare names in the Rails app at ``folder``."""
    config = ResolutionConfig()
    for name in _CONFIGS:
        path = f"{folder}/{name}"
        try:
            data: Any = load_yaml(fs.read_bytes(path))
        except FileSystemError:
            continue
        except (YAMLError, ValueError):
            config.unread.append(path)
            return config
        sections = [value for value in data.values() if isinstance(value, dict)] if isinstance(data, dict) else []
        found: list[str] = []
        for section in sections or [{}]:
            source = section.get("source_path")
            found.append(source if isinstance(source, str) and source else _DEFAULT_SOURCE)
            for key in ("additional_paths", "resolved_paths"):
                extra = section.get(key)
                found += [item for item in extra if isinstance(item, str)] if isinstance(extra, list) else []
        for entry in dict.fromkeys(found):
            config.folders.append(ModuleFolder(posixpath.normpath(posixpath.join(folder, entry)), "webpacker", path))
        return config
    return config
