"""Migrate stored documents of an older ``schema_version`` to the current ``Article`` model.

Version 1 kept actors, statements and events as free dicts in two dialects: the quotation
tagger's (``type: "Direct"``, span dicts for cue and speaker, ``speaker_actor``) and the
synthetic demo's (``type: "direct"``, the speaker as a plain string, events with ``plover``,
``source_actor`` …). Both become the typed layers of version 2. Nothing is dropped that the
typed layer can hold; unknown keys are discarded (they were never read by any consumer).
"""

from __future__ import annotations

from typing import Any

_ACTOR_KEYS = {"id", "name", "type", "cameo", "roles", "local", "mentions"}
_ROLE_KEYS = {"role", "org", "start", "end", "noun", "affiliation"}
_MENTION_KEYS = {"start", "end", "text", "kind", "confidence"}


def migrate_article(data: dict[str, Any]) -> dict[str, Any]:
    """A version-2 article dict from a version-1 one (the input is not changed)."""
    out = dict(data)
    text = str(out.get("text", ""))
    actors = [_actor(a) for a in out.get("actors") or [] if isinstance(a, dict)]
    names = {a["id"]: (a["name"], a.get("cameo")) for a in actors}
    out["actors"] = actors
    statements = [migrate_statement(s, text, names) for s in out.get("statements") or []]
    out["statements"] = [s for s in statements if s is not None]
    events = [_event(e, text, names) for e in out.get("events") or []]
    out["events"] = [e for e in events if e is not None]
    out["schema_version"] = 2
    return out


def _actor(actor: dict[str, Any]) -> dict[str, Any]:
    record = {k: v for k, v in actor.items() if k in _ACTOR_KEYS}
    record["roles"] = [{k: v for k, v in r.items() if k in _ROLE_KEYS and v is not None}
                       for r in record.get("roles") or [] if isinstance(r, dict) and "role" in r]
    record["mentions"] = [{k: v for k, v in m.items() if k in _MENTION_KEYS}
                          for m in record.get("mentions") or [] if isinstance(m, dict)]
    record.setdefault("type", "unknown")
    return record


def _span(value: Any, text: str) -> dict[str, Any] | None:
    if isinstance(value, dict) and "start" in value and "end" in value:
        start, end = int(value["start"]), int(value["end"])
        return {"start": start, "end": end, "text": value.get("text") or text[start:end]}
    if isinstance(value, str) and value:
        at = text.find(value)
        if at >= 0:
            return {"start": at, "end": at + len(value), "text": value}
    return None


def _ref(actor_id: Any, fallback: str | None,
         names: dict[str, tuple[str, str | None]]) -> dict[str, Any] | None:
    if not actor_id and not fallback:
        return None
    name, cameo = names.get(str(actor_id), (fallback or str(actor_id), None))
    if actor_id and str(actor_id).isupper() and len(str(actor_id)) >= 3 and cameo is None:
        cameo = str(actor_id)  # v1 used CAMEO codes as ids of states and organisations
    return {"id": str(actor_id) if actor_id else None, "name": name, "cameo": cameo}


def _party(value: Any, actor_id: Any, text: str,
           names: dict[str, tuple[str, str | None]]) -> dict[str, Any] | None:
    span = _span(value, text)
    if span is None:
        return None
    ref = _ref(actor_id, span["text"], names) if actor_id else None
    return {**span, "actor": ref}


def migrate_statement(s: Any, text: str,
                      names: dict[str, tuple[str, str | None]] | None = None,
                      ) -> dict[str, Any] | None:
    """A version-2 statement dict from a version-1 one (the quotation tagger's dialect or
    the demo's); None when it has no quotation span."""
    names = names or {}
    if not isinstance(s, dict):
        return None
    if "quote" in s:  # already the version-2 shape
        return s
    quote = _span(s, text)
    if quote is None:
        return None
    cue = _span(s.get("cue"), text)
    mode = "accurate" if s.get("source") == "teacher" else "fast"
    return {
        "type": str(s.get("type") or "Indirect"),
        "quote": [quote],
        "cue": [cue] if cue else [],
        "frame": _span(s.get("frame"), text),
        "speaker": _party(s.get("speaker"), s.get("speaker_actor"), text, names),
        "addressee": _party(s.get("addressee"), None, text, names),
        "mode": mode,
        "confidence": float(s.get("confidence", 1.0)),
    }


def _event(e: Any, text: str, names: dict[str, tuple[str, str | None]]) -> dict[str, Any] | None:
    if not isinstance(e, dict):
        return None
    if "trigger" in e and isinstance(e["trigger"], dict):  # already the version-2 shape
        return e
    kind = e.get("plover") or e.get("type")
    if not kind or "start" not in e or "end" not in e:
        return None
    start, end = int(e["start"]), int(e["end"])
    trigger = _span(e.get("trigger"), text[start:end])
    if trigger is not None:
        trigger = {**trigger, "start": trigger["start"] + start, "end": trigger["end"] + start}
    else:
        trigger = {"start": start, "end": end, "text": text[start:end]}
    source = _ref(e.get("source_actor"), e.get("source"), names)
    target = _ref(e.get("target_actor"), e.get("target"), names)
    date = e.get("date")
    quad = e.get("quad_class")
    modality = str(e.get("modality") or "asserted").lower()
    return {
        "type": str(kind),
        "cameo": e.get("cameo") or e.get("code"),
        "quad_class": int(quad) if quad else None,
        "source": [source] if source else [],
        "target": [target] if target else [],
        "trigger": trigger,
        "date": {"value": str(date)} if date else None,
        "modality": modality if modality in _MODALITIES else "asserted",
        "sentence": {"start": start, "end": end},
    }


_MODALITIES = {"asserted", "planned", "proposed", "alleged", "negated", "hypothetical"}
