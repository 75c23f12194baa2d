"""The project's own resolution config: path aliases and module folders that tsconfig/jsconfig,
webpack, jest, vite/rollup and babel-plugin-module-resolver add to node's ``node_modules`` lookup.

Every rule that asks "does this import resolve?" asks ``ProjectResolution.decide`` first: a request
an alias or a module folder answers is the project's own code, not a package."""

from nmdoctor.project.resolution.loader import ProjectResolution, configs_in
from nmdoctor.project.resolution.model import Alias, Decision, ModuleFolder, ResolutionConfig

__all__ = ["Alias", "Decision", "ModuleFolder", "ProjectResolution", "ResolutionConfig", "configs_in"]
