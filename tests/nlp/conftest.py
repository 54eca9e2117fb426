"""Fixtures for the NLP tests: a blank German pipeline with the Lagebild customisations."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from lagebild.nlp.components import SENTER, customize_tokenizer

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("LAGEBILD_SHARED", str(REPO / ".." / "shared"))).resolve()


@pytest.fixture(scope="session")
def blank_de() -> Language:
    nlp = spacy.blank("de")
    customize_tokenizer(nlp)
    return nlp


@pytest.fixture(scope="session")
def rule_nlp() -> Language:
    """Tokenizer + rule senter + an entity ruler: a hand-built stand-in for the model."""
    nlp = spacy.blank("de")
    customize_tokenizer(nlp)
    nlp.add_pipe(SENTER)
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "PER", "pattern": "Kerry"},
            {"label": "PER", "pattern": [{"ORTH": "John"}, {"ORTH": "Kerry"}]},
            {"label": "LOCderiv", "pattern": "russische"},
            {"label": "ORGpart", "pattern": "IS-Kämpfer"},
            {"label": "LOC", "pattern": "Moskau"},
        ]
    )
    return nlp


@pytest.fixture()
def nlp_shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"needs ../shared ({SHARED} missing; set LAGEBILD_SHARED)")
    return SHARED
