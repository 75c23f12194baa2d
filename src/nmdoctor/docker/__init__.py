"""Containers: what Dockerfiles, compose files and entrypoints do to node_modules."""

from nmdoctor.docker.hazards import docker_findings

__all__ = ["docker_findings"]
