"""Rebuild samples/ from the Wikinews quotation corpus (CC BY 2.5 texts; annotations stay out).

    python scripts/make_samples.py --shared ../shared

Writes samples/wikinews.jsonl (JSONL reader), a few samples/*.txt text dumps (text-dump
reader) and samples/NOTICE.md naming Wikinews and every article title.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

KEYWORDS = ("Außenminister", "Regierung", "Präsident", "sagte", "Minister")
NAME = re.compile(r"^(?P<num>\d+) - (?P<title>.+) \((?P<date>\d{4}-\d{2}-\d{2})\)$")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default="samples")
    parser.add_argument("--count", type=int, default=16)
    args = parser.parse_args()
    folder = Path(args.shared) / "data/quotes/wikinews-quotes-2024/train"
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    picked = []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        match = NAME.match(doc["documentName"])
        text = doc["originalText"].strip()
        if not match or not 1200 < len(text) < 4000:
            continue
        if sum(text.count(k) for k in KEYWORDS) < 3:
            continue
        picked.append((match, text))
        if len(picked) == args.count:
            break
    notice = [
        "# Sample articles",
        "",
        "Texts from German Wikinews (https://de.wikinews.org), licensed CC BY 2.5.",
        "Built by `python scripts/make_samples.py`. Articles:",
        "",
    ]
    with (out / "wikinews.jsonl").open("w", encoding="utf-8") as jsonl:
        for index, (match, text) in enumerate(picked):
            title, date = match["title"], match["date"]
            notice.append(f"- {title} ({date})")
            if index < 4:  # a few as text dumps in the n-tv-like layout
                paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
                dump = "\n\n".join(["Politik", title, *paragraphs, "Quelle: Wikinews"])
                (out / f"wikinews-{match['num']}.txt").write_text(dump + "\n", encoding="utf-8")
                continue
            record = {
                "id": f"wikinews-{match['num']}",
                "title": title,
                "published": date,
                "outlet": "Wikinews",
                "url": f"https://de.wikinews.org/wiki/{title.replace(' ', '_')}",
                "text": text,
            }
            jsonl.write(json.dumps(record, ensure_ascii=False) + "\n")
    (out / "NOTICE.md").write_text("\n".join(notice) + "\n", encoding="utf-8")
    print(f"wrote {len(picked)} articles to {out}")


if __name__ == "__main__":
    main()
