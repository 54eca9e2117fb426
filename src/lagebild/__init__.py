"""Lagebild: German news in; actors, statements and events out, each linked to evidence."""

from lagebild.model import SCHEMA_VERSION, Article, Block, BlockType, Image, Source

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Article", "Block", "BlockType", "Image", "Source", "__version__"]
