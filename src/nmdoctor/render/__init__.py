"""Turning models into what people and scripts read: JSON documents and terminal text."""
