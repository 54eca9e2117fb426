"""The dashboard: static HTML, CSS and JavaScript modules served by the API process."""

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
