"""Write the OpenAPI document: ``python -m lagebild.api.openapi [docs/openapi.json]``.

The document describes the full API, including the token-only upload endpoint.
``tests/api/test_openapi.py`` fails when the committed file is out of date.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any


def build_openapi() -> dict[str, Any]:
    from lagebild.api.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(Path(tmp) / "openapi.db", readonly=False, api_token="openapi")
        return app.openapi()


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render(build_openapi())
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
