"""Pick the sentences that were annotated by hand for eval/time-dev.jsonl (eval/README.md).

    python scripts/time_gold_pick.py --shared ../shared [--seed 23] [--out cand.json]

Samples Wikinews training articles per year (seeded), cuts them into sentences and keeps up to
four sentences with a temporal cue word and one without per article. The second batch of the
gold used ``--seed 2323`` with a smaller quota (one or two articles for each of 11 years).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

QUOTA = {"2004": 2, "2005": 6, "2006": 6, "2007": 4, "2008": 4, "2009": 3, "2010": 3,
         "2011": 3, "2012": 2, "2013": 1, "2014": 1, "2015": 1, "2016": 1, "2017": 2,
         "2018": 1, "2019": 1, "2020": 1, "2021": 1}
DATE = re.compile(r"\((\d{4})-(\d\d)-(\d\d)\)")
CUE = re.compile(
    r"\d|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|tag\b|tags\b|woch|monat|jahr|Jahr|heute|gestern|morgen|Uhr|Stunde|Minute|Frühjahr"
    r"|Sommer|Herbst|Winter|Anfang|Ende|Mitte|seit|bald|damals|derzeit|zurzeit|jetzt|früher"
    r"|nacht|Nacht|abend|Abend"
)
SENTENCE_END = re.compile(r"(?<![0-9])(?<!\bDr)(?<!\bca)(?<!\bSt)[.!?][“\"]?(?=\s+[A-ZÄÖÜ„\"])")


def sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end in SENTENCE_END.finditer(line.group()):
            out.append((start, line.start() + end.end()))
            start = line.start() + end.end()
            while text[start] == " ":
                start += 1
        if line.end() > start:
            out.append((start, line.end()))
    return [(s, e) for s, e in out if e - s > 30]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--out", default="cand.json")
    args = parser.parse_args()
    folder = Path(args.shared) / "data/quotes/wikinews-quotes-2024/train"
    by_year: dict[str, list[Path]] = {}
    for path in sorted(folder.glob("*.json")):
        match = DATE.search(path.name)
        if match and match.group(1) != "0001":
            by_year.setdefault(match.group(1), []).append(path)
    rng = random.Random(args.seed)
    picked = [p for year, n in QUOTA.items() for p in rng.sample(by_year[year], n)]
    out = []
    for path in picked:
        text = json.loads(path.read_text(encoding="utf-8"))["originalText"]
        published = "-".join(DATE.search(path.name).groups())  # type: ignore[union-attr]
        doc = path.name.split(" - ")[0]
        spans = sentences(text)
        with_cue = [x for x in spans if CUE.search(text[x[0]:x[1]])]
        without = [x for x in spans if not CUE.search(text[x[0]:x[1]])]
        for s, e in sorted(with_cue[:4] + without[:1]):
            out.append({"id": f"{doc}-{s}", "doc": doc, "published": published,
                        "text": text[s:e].strip()})
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    for i, item in enumerate(out):
        print(i, item["published"], item["text"])


if __name__ == "__main__":
    main()
