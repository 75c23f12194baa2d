"""The project's own manager settings that decide where packages are installed.

pnpm: ``node-linker``, ``hoist``, ``hoist-pattern``, ``public-hoist-pattern`` and
``shamefully-hoist`` from the project's ``.npmrc`` and (pnpm 10) ``pnpm-workspace.yaml``, which
wins; pnpm 11 and later read them from ``pnpm-workspace.yaml`` alone and ignore them in ``.npmrc``
without a word (checked with real pnpm 11.29.0 and 12.26.0). The node linker an install was made
with comes from ``node_modules/.modules.yaml`` when no setting names one, and so does the pnpm
major when ``packageManager`` does not say; then the defaults of the pnpm that writes the
lockfile (public-hoist-pattern ``*eslint*``, ``*prettier*`` before pnpm 10, none since).
Yarn berry: ``nodeLinker``, ``nmHoistingLimits`` and ``nmSelfReferences`` from ``.yarnrc.yml``
(Plug'n'Play when unset), and its ``supportedArchitectures`` (the platforms whose conditional
packages yarn installs too). Settings in the user's home folder or the environment are not read:
the lockfile model is the project's.
"""

from __future__ import annotations

import fnmatch
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from nmdoctor.linkers.pnpm import PnpmSettings
from nmdoctor.linkers.yarn_berry import BerrySettings
from nmdoctor.model.manifest import declared_package_manager
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath
from nmdoctor.yamlio import YAMLError, load_yaml

__all__ = [
    "PnpmInstall",
    "berry_install",
    "berry_plugins",
    "berry_supported_architectures",
    "bun_linker",
    "npm_install_strategy",
    "npm_omitted",
    "pnpm9_would_hoist",
    "pnpm_extends_node_path",
    "pnpm_install",
    "pnpm_public_hoists",
    "pnpm_reads_package_json_settings",
    "read_npmrc",
]

_PRE_10_PUBLIC = ("*eslint*", "*prettier*")
# pnpm 10 writes node_modules/.modules.yaml as JSON, earlier versions as YAML.
_INSTALLED_LINKER = re.compile(r"^\s*\"?nodeLinker\"?\s*:\s*['\"]?([A-Za-z-]+)", re.MULTILINE)
_INSTALLED_BY = re.compile(r"^\s*\"?packageManager\"?\s*:\s*['\"]?pnpm@(\d+)\.", re.MULTILINE)
# the first pnpm that reads install settings from pnpm-workspace.yaml alone
_WORKSPACE_YAML_ONLY = 11


@dataclass(frozen=True, slots=True)
class PnpmInstall:
    node_linker: str  # "isolated" | "hoisted" | "pnp"
    settings: PnpmSettings


def read_npmrc(text: str) -> dict[str, str | list[str]]:
    """``key=value`` lines (``key[]=value`` collects a list); ``#``/``;`` comments; quotes removed."""
    found: dict[str, str | list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")) or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip().strip("'\"")
        if key.endswith("[]"):
            listed = found.setdefault(key[:-2], [])
            if isinstance(listed, list):
                listed.append(value)
        else:
            found[key] = value
    return found


def _text(fs: FileSystem, path: VPath) -> str | None:
    try:
        return fs.read_bytes(path).decode("utf-8-sig", "replace")
    except FileSystemError:
        return None


def berry_supported_architectures(
    fs: FileSystem, project: VPath, machine: dict[str, str]
) -> dict[str, tuple[str, ...]] | None:
    """``supportedArchitectures`` of the project's ``.yarnrc.yml``: os, cpu and libc values (``current``
    read as ``machine``'s; a field left out is this machine's alone), or None when unset."""
    supported = _yaml(fs, f"{project}/.yarnrc.yml").get("supportedArchitectures")
    if not isinstance(supported, dict):
        return None
    found: dict[str, tuple[str, ...]] = {}
    for key in ("os", "cpu", "libc"):
        values = supported.get(key)
        listed = [str(value) for value in values] if isinstance(values, list) else ["current"]
        found[key] = tuple(dict.fromkeys(machine.get(key, "") if value == "current" else value for value in listed))
    return found


def _yaml(fs: FileSystem, path: VPath) -> dict[str, Any]:
    text = _text(fs, path)
    if text is None:
        return {}
    try:
        data = load_yaml(text)
    except YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def _patterns(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return None


def _flag(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _pnpm_major(manifest: dict[str, Any] | None, lockfile_version: str, modules_yaml: str) -> int:
    """The pnpm major that installs: ``packageManager``'s (``devEngines.packageManager``'s without
    it), else the one that made node_modules
    (its ``.modules.yaml``), else the newest that writes this lockfile format and reads .npmrc."""
    known = _known_pnpm_major(manifest, modules_yaml)
    if known is not None:
        return known
    return 10 if lockfile_version.startswith("9") else 8


def _known_pnpm_major(manifest: dict[str, Any] | None, modules_yaml: str) -> int | None:
    """The pnpm major package.json pins, else the one that made node_modules; None when neither says."""
    declared = declared_package_manager(manifest, dev_engines=True)
    if declared is not None and declared[0] == "pnpm" and declared[1] is not None:
        return declared[1]
    installed = _INSTALLED_BY.search(modules_yaml)
    return int(installed.group(1)) if installed is not None else None


_LOCKFILE_VERSION = re.compile(r"^lockfileVersion:\s*['\"]?(\d+)", re.MULTILINE)


def pnpm9_would_hoist(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None, name: str) -> bool:
    """Would pnpm 9 put ``name`` in the project's own ``node_modules`` where pnpm 10 does not?
    pnpm 9's default ``public-hoist-pattern`` is ``*eslint*``, ``*prettier*``; pnpm 10 and later
    hoist nothing there. Both write ``lockfileVersion: '9.0'``: when neither ``packageManager``
    nor node_modules says which pnpm installs and the project sets no ``public-hoist-pattern`` or
    ``shamefully-hoist``, an import of such a name from the project's files works with one and
    fails with the other."""
    if not any(fnmatch.fnmatchcase(name, pattern) for pattern in _PRE_10_PUBLIC):
        return False
    version = _LOCKFILE_VERSION.search((_text(fs, f"{project}/pnpm-lock.yaml") or "")[:4096])
    if version is None or version.group(1) != "9":
        return False
    if _known_pnpm_major(manifest, _text(fs, f"{project}/node_modules/.modules.yaml") or "") is not None:
        return False
    workspace = _yaml(fs, f"{project}/pnpm-workspace.yaml")
    npmrc = read_npmrc(_text(fs, f"{project}/.npmrc") or "")
    set_in_yaml = any(key in workspace for key in ("publicHoistPattern", "shamefullyHoist"))
    return not set_in_yaml and not any(key in npmrc for key in ("public-hoist-pattern", "shamefully-hoist"))


def pnpm_public_hoists(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None, name: str) -> bool:
    """Does pnpm put ``name`` in the project's own ``node_modules`` by its ``public-hoist-pattern``?
    The pattern in effect (the project's, else the default of the pnpm that installs: ``*eslint*``,
    ``*prettier*`` up to pnpm 9, none from pnpm 10), or pnpm 9's default when the lockfile does not
    say which of pnpm 9 and 10 installs (``pnpm9_would_hoist``)."""
    version = _LOCKFILE_VERSION.search((_text(fs, f"{project}/pnpm-lock.yaml") or "")[:4096])
    install = pnpm_install(fs, project, manifest, version.group(1) if version is not None else "")
    patterns = install.settings.public_hoist_pattern
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
        return True
    return pnpm9_would_hoist(fs, project, manifest, name)


def pnpm_reads_package_json_settings(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None) -> bool:
    """Does the pnpm that installs the project read package.json's ``pnpm`` field (overrides,
    packageExtensions...) and ``resolutions``? Up to pnpm 10 (10.34.8) it does; pnpm 11.29.0 and
    12.26.0 ignore both. The pnpm is the one package.json pins, else the one that made node_modules;
    when neither says, the lockfile: pnpm 10 records the overrides it applied (``overrides:``), so a
    pnpm-lock.yaml without a record of the overrides package.json declares was written by a pnpm
    that ignored them. pnpm 10 when nothing says."""
    known = _known_pnpm_major(manifest, _text(fs, f"{project}/node_modules/.modules.yaml") or "")
    if known is None:
        return _lockfile_records_package_json_settings(fs, project, manifest)
    return known < _WORKSPACE_YAML_ONLY


_LOCKFILE_OVERRIDES = re.compile(r"^overrides:\n((?:[ \t]+.*\n?)*)", re.MULTILINE)


def _lockfile_records_package_json_settings(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None) -> bool:
    """False when package.json declares overrides (``pnpm.overrides``, ``resolutions``) and the
    project's pnpm-lock.yaml (format 9) records none of their keys under ``overrides:`` (which
    also holds pnpm-workspace.yaml's); True otherwise."""
    if not isinstance(manifest, dict):
        return True
    pnpm = manifest.get("pnpm") if isinstance(manifest.get("pnpm"), dict) else {}
    declared = [
        str(key)
        for field in (pnpm.get("overrides"), manifest.get("resolutions"))
        if isinstance(field, dict)
        for key in field
    ]
    if not declared:
        return True
    lockfile = _text(fs, f"{project}/pnpm-lock.yaml")
    if lockfile is None or not re.match(r"\s*lockfileVersion:\s*['\"]?9\.", lockfile):
        return True
    block = _LOCKFILE_OVERRIDES.search(lockfile)
    if block is None:
        return False
    try:
        recorded = load_yaml(block.group(1))
    except YAMLError:
        return True
    return not isinstance(recorded, dict) or any(key in recorded for key in declared)


def _hoist_workspace_packages(value: bool | None, major: int) -> bool:
    """pnpm's ``hoist-workspace-packages``: the setting when given, else its default, on from pnpm 9
    and off in pnpm 8 (8.15.9 links no workspace package into ``node_modules/.pnpm/node_modules``)."""
    return value if value is not None else major >= 9


def pnpm_install(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None, lockfile_version: str) -> PnpmInstall:
    modules_yaml = _text(fs, f"{project}/node_modules/.modules.yaml") or ""
    workspace = _yaml(fs, f"{project}/pnpm-workspace.yaml")
    major = _pnpm_major(manifest, lockfile_version, modules_yaml)
    npmrc = read_npmrc(_text(fs, f"{project}/.npmrc") or "") if major < _WORKSPACE_YAML_ONLY else {}

    def setting(npmrc_key: str, yaml_key: str) -> object:
        value = workspace.get(yaml_key) if major >= 10 else None
        return value if value is not None else npmrc.get(npmrc_key)

    linker = setting("node-linker", "nodeLinker")
    if not isinstance(linker, str) or not linker:
        # Given on the command line: the installed tree's .modules.yaml still says which.
        installed = _INSTALLED_LINKER.search(modules_yaml)
        linker = installed.group(1) if installed else None
    hoist_pattern = _patterns(setting("hoist-pattern", "hoistPattern"))
    public = _patterns(setting("public-hoist-pattern", "publicHoistPattern"))
    settings = PnpmSettings(
        hoist_pattern=("*",) if hoist_pattern is None else hoist_pattern,
        public_hoist_pattern=(_PRE_10_PUBLIC if major < 10 else ()) if public is None else public,
        shamefully_hoist=_flag(setting("shamefully-hoist", "shamefullyHoist")) or False,
        hoist=_flag(setting("hoist", "hoist")) is not False,
        pnpm_major=major,
        hoist_workspace_packages=_hoist_workspace_packages(
            _flag(setting("hoist-workspace-packages", "hoistWorkspacePackages")), major
        ),
    )
    return PnpmInstall(str(linker) if isinstance(linker, str) and linker else "isolated", settings)


def pnpm_extends_node_path(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None) -> bool:
    """Do the shims pnpm writes in ``node_modules/.bin`` put ``node_modules/.pnpm/node_modules`` on
    ``NODE_PATH``? They do unless ``extend-node-path=false`` (``.npmrc``, read before pnpm 11) or
    ``extendNodePath: false`` (``pnpm-workspace.yaml``) says not: real pnpm 10.34.8 honours the
    ``.npmrc`` line, pnpm 11.29.0 ignores it and honours only the YAML key."""
    if _flag(_yaml(fs, f"{project}/pnpm-workspace.yaml").get("extendNodePath")) is False:
        return False
    modules_yaml = _text(fs, f"{project}/node_modules/.modules.yaml") or ""
    if _pnpm_major(manifest, "", modules_yaml) >= _WORKSPACE_YAML_ONLY:
        return True
    return _flag(read_npmrc(_text(fs, f"{project}/.npmrc") or "").get("extend-node-path")) is not False


def npm_install_strategy(fs: FileSystem, project: VPath) -> str:
    """npm's ``install-strategy`` from the project's ``.npmrc`` (``hoisted`` when unset). The
    lockfile records the places of the hoisted tree whatever the strategy; ``npm ci`` with
    ``install-strategy=linked`` lays the packages out in ``node_modules/.store`` instead (real npm
    11.19.1)."""
    strategy = read_npmrc(_text(fs, f"{project}/.npmrc") or "").get("install-strategy")
    return strategy if isinstance(strategy, str) and strategy else "hoisted"


_NPM_OMITTABLE = ("dev", "optional")  # what the lockfile model marks


def _listed(value: str | list[str] | None) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def npm_omitted(fs: FileSystem, project: VPath) -> frozenset[str]:
    """The kinds of packages ``npm ci`` leaves out as the project's ``.npmrc`` says (``omit``, less
    ``include``; ``optional=false`` omits optional ones, ``production=true`` dev ones, as npm's
    config flattens them). The lockfile still locks them: npm 11.19.1 with ``omit=optional`` installs
    none of the entries marked ``optional`` and keeps the ``devOptional`` ones."""
    npmrc = read_npmrc(_text(fs, f"{project}/.npmrc") or "")
    omit = set(_listed(npmrc.get("omit")))
    include = set(_listed(npmrc.get("include")))
    if _flag(npmrc.get("production")):
        omit.add("dev")
    optional = _flag(npmrc.get("optional"))
    if optional is False:
        omit.add("optional")
    elif optional:
        include.add("optional")
    return frozenset(kind for kind in omit - include if kind in _NPM_OMITTABLE)


# bun.lock's "configVersion": 1 for projects bun 1.3.2 and later created (a top-level key near the
# start of the file; read without parsing the whole lockfile)
_BUN_CONFIG_VERSION = re.compile(r'^\s*"configVersion"\s*:\s*(\d+)', re.MULTILINE)


def _names(fs: FileSystem, folder: VPath) -> Sequence[str]:
    try:
        return fs.listdir(folder)
    except FileSystemError:
        return []


def bun_linker(fs: FileSystem, project: VPath, manifest: dict[str, Any] | None) -> str:
    """``isolated`` or ``hoisted``: what ``bun install`` uses for the project. bunfig.toml's
    ``[install] linker`` when set, else package.json's ``workspaces.nodeLinker``, else bun's default
    (its documentation, and real bun 1.4.5): isolated for a workspace project whose bun.lock has
    ``configVersion: 1``, hoisted otherwise (older lockfiles, single-package projects). A linker
    given on the command line (``bun install --linker hoisted``) is recorded nowhere: an installed
    node_modules tells which it was (``.bun`` holds the isolated linker's packages)."""
    try:
        bunfig = tomllib.loads(_text(fs, f"{project}/bunfig.toml") or "")
    except tomllib.TOMLDecodeError:
        bunfig = {}
    install = bunfig.get("install")
    linker = install.get("linker") if isinstance(install, dict) else None
    workspaces = manifest.get("workspaces") if isinstance(manifest, dict) else None
    if linker is None and isinstance(workspaces, dict):
        linker = workspaces.get("nodeLinker")
    if linker in ("isolated", "hoisted"):
        return str(linker)
    if fs.lstat(f"{project}/node_modules/.bun") is not None:
        return "isolated"
    if any(not name.startswith(".") for name in _names(fs, f"{project}/node_modules")):
        return "hoisted"
    version = _BUN_CONFIG_VERSION.search((_text(fs, f"{project}/bun.lock") or "")[:4096])
    listed = workspaces.get("packages") if isinstance(workspaces, dict) else workspaces
    if version is not None and int(version.group(1)) >= 1 and isinstance(listed, list) and listed:
        return "isolated"
    return "hoisted"


def berry_plugins(fs: FileSystem, project: VPath) -> tuple[str, ...]:
    """The plugins the project's ``.yarnrc.yml`` loads (``plugins:``, each a path or a ``{path,
    spec}`` record), by path. yarn 4 bundles its own plugins without listing them; a listed one is
    code of the project's or a third party's, whose hooks (``reduceDependency``) may rewrite a
    dependency's range before yarn resolves it, which the lockfile does not record."""
    listed = _yaml(fs, f"{project}/.yarnrc.yml").get("plugins")
    if not isinstance(listed, list):
        return ()
    paths = (item.get("path") if isinstance(item, dict) else item for item in listed)
    return tuple(str(path) for path in paths if isinstance(path, str) and path)


def berry_install(fs: FileSystem, project: VPath) -> tuple[str, BerrySettings]:
    """(nodeLinker, settings) of the project's ``.yarnrc.yml``, and of the yarn that installs."""
    yarnrc = _yaml(fs, f"{project}/.yarnrc.yml")
    linker = yarnrc.get("nodeLinker")
    limits = yarnrc.get("nmHoistingLimits")
    self_references = _flag(yarnrc.get("nmSelfReferences"))
    version = berry_version(fs, project, yarnrc)
    return (
        str(linker) if isinstance(linker, str) else "pnp",
        BerrySettings(
            hoisting_limits=limits if limits in ("none", "workspaces", "dependencies") else "none",
            self_references=self_references is not False,
            virtual_last=version is not None and (4, 0, 0) <= version < (4, 8, 0),
        ),
    )


_YARN_MANAGER = re.compile(r"^yarn@(\d+)\.(\d+)\.(\d+)")
_YARN_RELEASE = re.compile(r"yarn-(\d+)\.(\d+)\.(\d+)\.c?js$")


def berry_version(fs: FileSystem, project: VPath, yarnrc: dict[str, Any]) -> tuple[int, int, int] | None:
    """The yarn release that installs: the file ``yarnPath`` names (yarn runs it whatever
    ``packageManager`` says), else ``packageManager``'s (what corepack runs); None when neither says."""
    path = yarnrc.get("yarnPath")
    found = _YARN_RELEASE.search(str(path)) if isinstance(path, str) else None
    if found is None:
        try:
            manifest = json.loads(_text(fs, f"{project}/package.json") or "{}")
        except ValueError:
            manifest = {}
        manager = manifest.get("packageManager") if isinstance(manifest, dict) else None
        found = _YARN_MANAGER.match(manager) if isinstance(manager, str) else None
    if found is None:
        return None
    major, minor, patch = (int(part) for part in found.groups())
    return major, minor, patch
