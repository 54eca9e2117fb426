"""Build samples-archive/: a few hundred German Wikinews articles (CC BY 2.5 texts from the
quotation corpus's train and dev splits; the annotations stay out) so that relations over
several years show on a fresh machine.

    python scripts/make_wikinews_archive.py --shared ../shared

Articles naming both the USA and Russia come first (the relation the README shows), then
the most political others (by keyword count), in date order. Articles already in samples/
are left out. Writes
samples-archive/wikinews-archive.jsonl (id, title, published from the file name, outlet,
url, text) and samples-archive/NOTICE.md naming Wikinews and every title.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

NAME = re.compile(r"^(?P<num>\d+) - (?P<title>.+) \((?P<date>\d{4}-\d{2}-\d{2})\)$")
USA = re.compile(r"\b(USA|Vereinigten Staaten|Washington|Bush|Obama|Kerry|Clinton|Rice)\b")
RUS = re.compile(r"\b(Russland|Russlands|Moskau|Putin|Lawrow|Medwedew|Kreml)\b")
POLITICS = ("Regierung", "Präsident", "Minister", "Außenminister", "sagte")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default="samples-archive")
    parser.add_argument("--samples", default="samples")
    parser.add_argument("--count", type=int, default=320)
    args = parser.parse_args()
    corpus = Path(args.shared) / "data/quotes/wikinews-quotes-2024"
    shipped = {json.loads(line)["id"] for line in
               (Path(args.samples) / "wikinews.jsonl").read_text("utf-8").splitlines()}
    shipped |= {p.stem for p in Path(args.samples).glob("wikinews-*.txt")}
    both: list[tuple[str, str, str, str]] = []
    other: list[tuple[int, str, str, str, str]] = []
    for split in ("train", "dev"):
        for path in sorted((corpus / split).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            match = NAME.match(doc["documentName"])
            text = doc["originalText"].strip()
            if not match or f"wikinews-{match['num']}" in shipped or not 300 < len(text) < 8000:
                continue
            item = (match["date"], match["num"], match["title"], text)
            if USA.search(text) and RUS.search(text):
                both.append(item)
            else:
                # political articles first: they carry the events
                other.append((-sum(text.count(k) for k in POLITICS), *item))
    rest = [tuple(o[1:]) for o in sorted(other)[: max(0, args.count - len(both))]]
    picked = sorted(both + rest)[: args.count]
    out = Path(args.out)
    out.mkdir(exist_ok=True)
    notice = ["# Wikinews archive", "",
              "Texts from German Wikinews (https://de.wikinews.org), licensed CC BY 2.5 "
              "(https://creativecommons.org/licenses/by/2.5/).",
              "Built by `python scripts/make_wikinews_archive.py`; the publication date is "
              "taken from each article's file name. Articles:", ""]
    with (out / "wikinews-archive.jsonl").open("w", encoding="utf-8") as jsonl:
        for date, num, title, text in picked:
            notice.append(f"- {title} ({date})")
            jsonl.write(json.dumps({
                "id": f"wikinews-{num}", "title": title, "published": date,
                "outlet": "Wikinews",
                "url": f"https://de.wikinews.org/wiki/{title.replace(' ', '_')}",
                "text": text}, ensure_ascii=False) + "\n")
    (out / "NOTICE.md").write_text("\n".join(notice) + "\n", encoding="utf-8")
    print(f"wrote {len(picked)} articles ({len(both)} naming the USA and Russia) to {out}")


if __name__ == "__main__":
    main()
