"""REST API and dashboard server over a Lagebild store (``lagebild serve``)."""

from lagebild.api.app import create_app

__all__ = ["create_app"]
