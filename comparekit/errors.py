"""Exceptions raised by comparekit.

Every failure that a user can cause or fix is a subclass of :class:`ComparekitError`,
carrying a one-line message and the exit code the CLI uses for it. Library code never
returns a silent ``None`` for bad input; it raises one of these.
"""

from __future__ import annotations


class ComparekitError(Exception):
    """Base class for every error comparekit raises on purpose."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        # Keep messages on one line: the CLI prints them as-is on stderr.
        super().__init__(" ".join(str(message).split()))


class UsageError(ComparekitError):
    """The call itself is wrong: unknown option, setting or value."""

    exit_code = 2


class InputError(ComparekitError):
    """A source file cannot be read as text: missing, empty, binary, too large, ..."""

    exit_code = 3


class ModelError(ComparekitError):
    """An encoder or other model cannot be loaded, or is not what models.lock pins."""

    exit_code = 4


class OutputError(ComparekitError):
    """A report cannot be written where it was asked for."""

    exit_code = 5


class StageError(ComparekitError):
    """A pipeline stage broke its contract (returned the wrong type, lost text, ...)."""

    exit_code = 70


#: Exit codes documented in the README, by meaning.
EXIT_CODES = {
    "ok": 0,
    "usage": UsageError.exit_code,
    "input": InputError.exit_code,
    "model": ModelError.exit_code,
    "output": OutputError.exit_code,
    # Some sources were skipped (each named on stderr); the report covers the rest.
    "partial": 6,
    "internal": StageError.exit_code,
}
