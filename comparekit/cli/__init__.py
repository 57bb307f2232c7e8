"""The ``comparekit`` command: thin typer commands around library functions.

Each command parses its arguments, calls one library function and writes the result.
Every :class:`~comparekit.errors.ComparekitError` and every usage error becomes one
line on stderr and a documented exit code (README, "Exit codes"); no traceback reaches
the user unless ``COMPAREKIT_DEBUG=1`` is set.
"""

from __future__ import annotations

import errno
import logging
import os
import sys

import typer

from comparekit.errors import EXIT_CODES, ComparekitError

#: errno values that only a write raises: a full disk or quota, a file over the size limit.
_WRITE_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
#: Exit code when stdout is closed before the output is written (`| head`), silently, as
#: typer does when a command's own write meets the closed pipe.
CLOSED_PIPE = 1
#: Exit code of a run stopped with Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED = 130

app = typer.Typer(
    name="comparekit",
    help="Compare how different outlets tell the same story, across languages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from comparekit import __version__

        typer.echo(f"comparekit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False,
        "--version",
        help="Print comparekit's version and exit.",
        callback=_print_version,
        is_eager=True,
    ),
) -> None:
    """Compare how different outlets tell the same story, across languages."""


def _register() -> None:
    # One module per command; importing them adds the commands to `app`.
    from comparekit.cli import (  # noqa: F401
        align_cmd,
        analyze_cmd,
        compare_cmd,
        corpus_cmd,
        inspect_cmd,
        models_cmd,
        schema_cmd,
    )


def _error(message: str) -> None:
    from comparekit.cli.summary import visible  # a file name can hold terminal escapes too

    sys.stderr.write(f"comparekit: error: {visible(' '.join(str(message).split()))}\n")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    _register()
    logging.basicConfig(
        level=logging.DEBUG if os.environ.get("COMPAREKIT_DEBUG") else logging.WARNING,
        format="comparekit: %(levelname)s: %(message)s",
    )
    # wordfreq warns about languages it has no tokenizer or list for (th, gl ...); the
    # callers already fall back, so it is noise on a run that succeeded
    if not os.environ.get("COMPAREKIT_DEBUG"):
        logging.getLogger("wordfreq").setLevel(logging.ERROR)
    command = typer.main.get_command(app)
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        argv = ["--help"]
    try:
        result = command.main(args=argv, prog_name="comparekit", standalone_mode=False)
        sys.stdout.flush()  # a full disk or a closed pipe shows here, in the handlers below, not at exit
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        _error("interrupted")
        return INTERRUPTED
    except typer.TyperException as exc:  # usage errors: unknown option, missing argument
        if getattr(exc, "exit_code", 2) == 0:  # e.g. `comparekit` alone prints its help
            return 0
        _error(exc.format_message())
        return EXIT_CODES["usage"]
    except KeyboardInterrupt:
        _error("interrupted")
        return INTERRUPTED
    except ComparekitError as exc:
        _error(str(exc))
        return exc.exit_code
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing to report
        _drop_stdout()
        return CLOSED_PIPE
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRNOS:  # stdout (reports raise OutputError)
            _error(f"cannot write the output: {exc.strerror}")
            _drop_stdout()
            return EXIT_CODES["output"]
        if os.environ.get("COMPAREKIT_DEBUG"):
            raise
        _error(f"internal error ({type(exc).__name__}: {exc}); rerun with COMPAREKIT_DEBUG=1 for details")
        return EXIT_CODES["internal"]
    if result == INTERRUPTED:  # typer turns Ctrl-C (KeyboardInterrupt) into Exit(130) and returns it
        _error("interrupted")
    return result if isinstance(result, int) else 0


def _drop_stdout() -> None:
    """Point stdout at /dev/null, so that the exit does not try to flush the rest of the
    output into a full disk again (a second error, as a traceback)."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:
    """Console-script wrapper: exit with main()'s code."""
    sys.exit(main())
