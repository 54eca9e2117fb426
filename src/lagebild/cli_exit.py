"""End the ``lagebild`` process without freeing every object, once a command has finished.

A loaded analysis pipeline is millions of Python objects (the spaCy model and vocabulary, the
actor KB, the lexicon); Python's shutdown frees them one by one, ≈ 0.4 s of CPU after
``lagebild analyze`` or ``ingest`` has written its last line — a fifth of the 2 s start-up
budget of a short run. Those commands call :func:`allow_quick_exit`; when the program then
ends, :class:`Program` flushes standard output and error, runs the ``atexit`` handlers (as a
normal exit does) and leaves with ``os._exit`` and the same exit status.

Only when it is safe: the command asked for it (it has closed its store and files), the app
runs as the program (a test or library calling it in-process gets the normal ``SystemExit``),
no other thread is alive (normal shutdown would wait for it), and the flushes succeed (a closed
pipe takes the normal path, with its usual message).

:func:`running_as_program` tells commands the same thing for other process-wide settings (the
garbage collector's, :func:`lagebild.cache.batch_gc`).
"""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import Any

from lagebild.cli_lazy import LazyTyper

_allowed = False
_program = False


def running_as_program() -> bool:
    """Whether the app runs as the process's program (the ``lagebild`` command, ``python -m
    lagebild.cli``), not called by a test or library: process-wide settings are its call."""
    return _program


def allow_quick_exit() -> None:
    """Called by a command whose work ends with its output written and its store closed."""
    global _allowed
    _allowed = True


def quick_exit(code: object) -> None:
    """Leave now with ``code`` if the conditions above hold; return otherwise."""
    if not _allowed or threading.active_count() > 1:
        return
    if code is None:
        code = 0
    if not isinstance(code, int) or isinstance(code, bool):
        return  # a message or odd value: let Python print and map it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    atexit._run_exitfuncs()
    os._exit(code)


class Program(LazyTyper):
    """The ``lagebild`` app: a Typer app whose sub-commands may be mounted on first use
    (:mod:`lagebild.cli_lazy`) and whose run as the program may end with :func:`quick_exit`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        global _program
        as_program = sys._getframe(1).f_globals.get("__name__") == "__main__"
        _program = _program or as_program
        try:
            return super().__call__(*args, **kwargs)
        except SystemExit as exc:
            if as_program:
                quick_exit(exc.code)
            raise
