"""Sub-commands whose modules are imported only when they are needed.

``lagebild`` has two dozen commands; ``analyze`` and ``ingest`` are the ones run per batch, and
a short run of them is mostly start-up. Importing every other command's module (the API
server's, the brief's, evaluation and training, the store's query commands) and turning every
command's signature into click options cost ≈ 0.1 s of CPU that ``analyze`` never used.

:class:`LazyTyper` is a Typer app with two additions:

* :meth:`LazyTyper.defer` registers a function that mounts some commands (imports their
  module, calls ``app.command``/``app.add_typer``) together with the names it mounts. The
  mount functions run, in the order given, the first time anything reads the app's
  ``registered_commands`` or ``registered_groups`` (Typer building the whole command tree for
  ``lagebild --help``, a test listing the commands), so the app looks exactly as if they had
  been mounted at import, in the same order.
* Run as ``lagebild NAME …``, where ``NAME`` is one command (not a group, not an option), the
  app builds the click group with that one command only: the group's own options and callback
  stay, and nothing else is imported or converted. What click does with ``NAME …`` (parsing,
  help of ``lagebild NAME --help``, usage errors, exit status) depends only on the group
  callback and that command, so output is the same. Anything else (no arguments, ``--help``,
  ``--version``, a group such as ``lagebild eval …``, an unknown name) takes the full tree.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Sequence
from typing import Any

import typer
from typer.main import get_command_name
from typer.models import CommandInfo, TyperInfo


class LazyTyper(typer.Typer):
    """A Typer app whose sub-commands may be mounted on first use (see the module doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._deferred: list[tuple[tuple[str, ...], Callable[[], None]]] = []
        self._mounting = False
        super().__init__(*args, **kwargs)

    # Typer itself assigns and appends to these two lists; reading them mounts what is deferred.
    @property
    def registered_commands(self) -> list[CommandInfo]:
        self._mount_all()
        return self._commands

    @registered_commands.setter
    def registered_commands(self, value: list[CommandInfo]) -> None:
        self._commands = value

    @property
    def registered_groups(self) -> list[TyperInfo]:
        self._mount_all()
        return self._groups

    @registered_groups.setter
    def registered_groups(self, value: list[TyperInfo]) -> None:
        self._groups = value

    def defer(self, names: Sequence[str], mount: Callable[[], None]) -> None:
        """Run ``mount`` (which adds the commands or groups ``names`` to this app) when the
        command tree is first needed, or when ``names`` holds the command being run."""
        self._deferred.append((tuple(names), mount))

    def _mount_all(self) -> None:
        if self._mounting or not self._deferred:
            return
        self._mounting = True  # the mount functions append to the lists through this class
        try:
            while self._deferred:
                _, mount = self._deferred.pop(0)
                mount()
        finally:
            self._mounting = False

    def _one_command(self, name: str) -> LazyTyper | None:
        """A copy of this app holding only command ``name`` (mounted if deferred), or ``None``
        when ``name`` is not one plain command of this app."""
        if any(name in names for names, _ in self._deferred):
            # mount in order up to the one that holds it: the lists keep their final order
            self._mounting = True
            try:
                while True:
                    names, mount = self._deferred.pop(0)
                    mount()
                    if name in names:
                        break
            finally:
                self._mounting = False
        if any(g.name == name for g in self._groups):
            return None
        found = [c for c in self._commands if _name(c) == name]
        if len(found) != 1:
            return None
        view = copy.copy(self)
        view._deferred = []
        view._commands = found
        view._groups = []
        return view

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        argv = kwargs.get("args", args[0] if args else None)
        argv = sys.argv[1:] if argv is None else list(argv)
        view = self._one_command(argv[0]) if argv and not argv[0].startswith("-") else None
        if view is None:
            return super().__call__(*args, **kwargs)
        return typer.Typer.__call__(view, *args, **kwargs)


def _name(info: CommandInfo) -> str:
    if info.name:
        return info.name
    return get_command_name(info.callback.__name__) if info.callback else ""
