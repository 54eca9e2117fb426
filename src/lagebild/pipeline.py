"""The library API: analyse inputs, ingest them into a store. The CLI and the REST API call these.

Analysis runs registered stages (``lagebild.stages``) over each ``Article`` in order. The
registry checks the order before anything loads; a stage that cannot load is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lagebild.cache import gc_paused, models_loaded
from lagebild.errors import ErrorCode
from lagebild.ingest import Failure, Item, read_inputs, read_path
from lagebild.ingest.dispatch import STDIN, expand_paths
from lagebild.model import Article
from lagebild.settings import Options
from lagebild.stages import DEFAULT_MODE, MODES, StageFunc, load_stages, mode_stages
from lagebild.store import AddStatus, Store
from lagebild.store.minhash import Signature

#: the stage lists of the common modes (``lagebild.stages.MODES`` is the one place they live)
DEFAULT_STAGES: tuple[str, ...] = MODES[DEFAULT_MODE]
ACCURATE_STAGES: tuple[str, ...] = MODES["accurate"]


def choose_stages(structure_only: bool = False, accurate: bool = False) -> tuple[str, ...]:
    """The stages for the common modes: structure only, fast (default), accurate."""
    return mode_stages("structure" if structure_only else "accurate" if accurate else "fast")


class Analyzer:
    """Applies the chosen stages to articles, preserving order; failures pass through."""

    def __init__(self, stages: Sequence[str] = DEFAULT_STAGES) -> None:
        """Check the order and load every stage. Raises ``StageError`` (unknown stage, wrong
        order) or ``StageUnavailableError`` (extra or model missing) before any work."""
        self.stage_names = list(stages)
        with gc_paused():  # models and indexes: many objects, no garbage (start-up −0.2 s)
            self._funcs: list[StageFunc] = [func for _, func in load_stages(stages)]
        models_loaded()

    def run(self, items: Iterable[Item], chunk: int = 32) -> Iterator[Item]:
        """Analyse articles in chunks (stages batch across articles), keeping input order."""
        buffer: list[Article] = []
        for item in items:
            if isinstance(item, Failure):
                yield from self._run_chunk(buffer)
                buffer = []
                yield item
                continue
            buffer.append(item)
            if len(buffer) >= chunk:
                yield from self._run_chunk(buffer)
                buffer = []
        yield from self._run_chunk(buffer)

    def _run_chunk(self, articles: list[Article]) -> Iterator[Item]:
        if not self._funcs:
            yield from articles
            return
        try:
            done = [a.model_copy() for a in articles]  # stages may assign to fields
            for func in self._funcs:
                done = list(func(done))
            if len(done) != len(articles):
                raise RuntimeError("a stage dropped or added articles")
        except Exception:
            # One broken article must not fail its neighbours: redo them one by one.
            for article in articles:
                yield self._apply(article)
            return
        yield from done

    def _apply(self, article: Article) -> Item:
        try:
            result = article.model_copy()
            for func in self._funcs:
                result = next(iter(func([result])))
        except Exception as exc:
            where = article.origin
            assert where is not None
            detail = f"analysis failed: {type(exc).__name__}: {exc}"[:300]
            return Failure(where, ErrorCode.E099, ErrorCode.E099.format(detail=detail))
        return result


def analyze(
    paths: Iterable[str], options: Options | None = None, stages: Sequence[str] = DEFAULT_STAGES
) -> Iterator[Item]:
    """Read and analyse every input; yields ``Article`` or ``Failure`` in input order."""
    analyzer = Analyzer(stages)
    return analyzer.run(read_inputs(paths, options))


def analyze_text(text: str, published: str | None = None,
                 stages: Sequence[str] = DEFAULT_STAGES) -> Article:
    """Analyse one article given as a text dump string (raises ``LagebildError`` if unusable)."""
    from lagebild.errors import LagebildError
    from lagebild.ingest.textdump import parse_textdump

    article = parse_textdump(text)
    if published and not article.published:
        article = article.model_copy(update={"published": published})
    result = next(Analyzer(stages).run([article]))
    if isinstance(result, Failure):
        raise LagebildError(result.code, detail=result.message)
    return result


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    files: int = 0
    files_already_done: int = 0
    failures: list[Failure] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        data = {k: v for k, v in self.__dict__.items() if k != "failures"}
        data["failures"] = [
            {"origin": str(f.origin), "code": f.code.name, "message": f.message,
             "skipped": f.skipped}
            for f in self.failures
        ]
        return data


ProgressCallback = Callable[[str, int], None]  # (current file, items so far)


def ingest(
    paths: Iterable[str],
    store: Store,
    options: Options | None = None,
    stages: Sequence[str] = DEFAULT_STAGES,
    batch_size: int = 50,
    on_file: Callable[[str], None] | None = None,
    on_item: Callable[[Item], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every input. Idempotent and resumable:

    - an article already stored is not stored again (same content → same id);
    - writes are committed in batches, and a file is marked done only after its last
      batch, so an interrupted run re-reads the unfinished file and stores what is missing;
    - files marked done (same path, size and mtime) are not read again; files with
      failures are never marked done, so they are retried.
    """
    report = IngestReport()
    analyzer = Analyzer(stages)
    for entry in expand_paths(paths):
        if isinstance(entry, Failure):
            record_item(report, entry, store)
            continue
        report.files += 1
        if on_file:
            on_file(entry)
        path = Path(entry)
        if entry != STDIN and store.source_done(path):
            report.files_already_done += 1
            continue
        items = 0
        clean = True
        with store.transaction():
            for item in analyzer.run(read_path(entry, options)):
                items += 1
                clean = clean and not is_failure(item)
                record_item(report, item, store)
                if on_item:
                    on_item(item)
                if items % batch_size == 0:
                    store.commit_and_continue()
            # Files with failures are read again next time (a fixed reader may now succeed).
            if entry != STDIN and clean:
                store.mark_source_done(path, items)
    return report


def is_failure(item: Item) -> bool:
    """A failure that a re-run could fix (skips such as 'not German' are final)."""
    return isinstance(item, Failure) and not item.skipped


def record_item(report: IngestReport, item: Item, store: Store, doc: str | None = None,
                signature: Signature | None = None) -> None:
    """Store one item (article or failure) and count it in ``report``; ``doc`` and
    ``signature``: the article's JSON and near-duplicate signature when the caller has them
    already (``Store.add``)."""
    report.read += 1
    if isinstance(item, Failure):
        store.add_failure(item)
        report.failures.append(item)
        if item.skipped:
            report.skipped += 1
        else:
            report.failed += 1
        return
    result = store.add(item, doc=doc, signature=signature)
    if result.status is AddStatus.STORED:
        report.stored += 1
        if result.near_duplicate_of:
            report.near_duplicates += 1
    elif result.status is AddStatus.DUPLICATE:
        report.duplicates += 1
    else:
        report.unchanged += 1
