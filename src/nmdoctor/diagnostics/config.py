"""The project's nmdoctor settings: ``"nmdoctor"`` in package.json, or ``.nmdoctor.json``.

{"ignore": ["extraneous-package"], "singletons": ["my-design-system"],
 "ignorePackages": ["fsevents"]}
"""

from __future__ import annotations

from dataclasses import dataclass

from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath
from nmdoctor.vfs.limits import load_json

__all__ = ["ConfigError", "Settings", "load_settings"]


class ConfigError(ValueError):
    """Settings that are not what nmdoctor understands; the message names the file."""


@dataclass(frozen=True, slots=True)
class Settings:
    ignore: frozenset[str] = frozenset()
    singletons: frozenset[str] = frozenset()
    ignore_packages: frozenset[str] = frozenset()
    source: str = ""  # the file (and key) the settings were read from, for messages


def _strings(value: object, where: str, key: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f'{where}: "{key}" must be a list of strings')
    return frozenset(value)


def load_settings(fs: FileSystem, project: VPath) -> Settings:
    data: object = None
    where = f"{project}/.nmdoctor.json"
    try:
        data = load_json(fs.read_bytes(where))
    except FileSystemError:
        where = f"{project}/package.json"
        try:
            manifest = load_json(fs.read_bytes(where))
        except (FileSystemError, ValueError):
            manifest = None
        data = manifest.get("nmdoctor") if isinstance(manifest, dict) else None
        where += ' ("nmdoctor")'
    except ValueError as error:
        raise ConfigError(f"{where}: not valid JSON ({error})") from None
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected an object")
    unknown = set(data) - {"ignore", "singletons", "ignorePackages"}
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
    return Settings(
        ignore=_strings(data.get("ignore"), where, "ignore"),
        singletons=_strings(data.get("singletons"), where, "singletons"),
        ignore_packages=_strings(data.get("ignorePackages"), where, "ignorePackages"),
        source=where,
    )
