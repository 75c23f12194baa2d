"""What a package.json script runs: its simple commands, as the shell splits them, and the
executables each package links into ``node_modules/.bin``.

Used by the rules that ask what a script runs: which executable (``migrate``'s
script-command-not-linked) and which file it hands to ``node`` or to a module runner (a package's
command that sets ``NODE_PATH`` first).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator

from nmdoctor.model.graph import Instance

__all__ = ["ASSIGNMENT", "bins_of", "simple_commands"]

_OPERATOR_CHARACTERS = frozenset("();<>|&\n")
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")  # a leading ``VAR=value`` of a command


def simple_commands(script: str) -> Iterator[list[str]]:
    """The words of each simple command of ``script``: split as the shell splits them (quotes kept
    whole), a new command after each operator (``&&``, ``||``, ``;``, ``|``, ``&``, parentheses),
    without the leading ``VAR=value`` assignments; redirections and their files left out. A script
    with an unbalanced quote yields nothing."""
    lexer = shlex.shlex(script, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        tokens = list(lexer)
    except ValueError:
        return
    words: list[str] = []
    redirected = False
    for token in [*tokens, ";"]:
        operator = bool(token) and all(character in _OPERATOR_CHARACTERS for character in token)
        if redirected and not operator:
            redirected = False  # the file of a redirection, not a word of the command
            continue
        if operator and ("<" in token or ">" in token):
            redirected = True
            continue
        if operator:
            while words and ASSIGNMENT.match(words[0]):
                words = words[1:]
            if words:
                yield words
            words = []
        else:
            words.append(token)


def bins_of(instance: Instance) -> frozenset[str]:
    """The executables a package links into ``.bin``: its ``bin`` keys, or, for a ``bin`` string,
    its name without the scope; for a package read from a lockfile, those it records."""
    raw = instance.manifest.raw
    if not isinstance(raw, dict):
        return frozenset(name for name, _ in instance.manifest.bins)
    declared = raw.get("bin")
    if isinstance(declared, str) and declared:
        return frozenset({instance.name.rpartition("/")[2]})
    if isinstance(declared, dict):
        return frozenset(str(key) for key, value in declared.items() if isinstance(value, str) and value)
    return frozenset()
