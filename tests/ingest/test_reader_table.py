"""The extension table that lets ``detect_reader`` import one reader module (ingest/dispatch.py)
says what the readers themselves register, and a text file imports no HTML reader."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lagebild.ingest.base import READERS
from lagebild.ingest.dispatch import READER_MODULES, _load_readers


def test_table_lists_every_registered_extension_with_its_module() -> None:
    _load_readers()
    registered = {(ext, spec.read.__module__.rpartition(".")[2])
                  for spec in READERS.values() for ext in spec.extensions}
    assert set(READER_MODULES) == registered
    assert len(READER_MODULES) == len(registered)  # listed once each
    # a name ending in one reader's extension ends in no other reader's
    for ext, module in READER_MODULES:
        owners = {m for other, m in READER_MODULES if ext.endswith(other)}
        assert owners == {module}, ext


def test_a_text_file_is_read_without_the_html_readers(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Ein Satz über Berlin.\n", encoding="utf-8")
    page = tmp_path / "page"  # no extension: every reader sniffs
    page.write_text("<html><body><p>Ein Satz über Berlin.</p></body></html>", encoding="utf-8")
    code = (
        "import sys\nfrom lagebild.ingest import read_path\n"
        "items = list(read_path(sys.argv[1]))\n"
        "print(items[0].origin.reader, 'lxml' in sys.modules,"
        " 'lagebild.ingest.html' in sys.modules)\n"
    )
    text = subprocess.run([sys.executable, "-c", code, str(one)], capture_output=True,
                          text=True, check=True)
    assert text.stdout.split() == ["textdump", "False", "False"]
    html = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True,
                          text=True, check=True)
    assert html.stdout.split() == ["html", "True", "True"]  # (too short: a failure record)
