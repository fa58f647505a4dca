"""Resumable batch jobs: one notes file per export, a JSONL manifest, atomic writes, threads.

Operators run dozens of groups and export logs in bulk. The batch must survive a bad file (it is
recorded as failed and the others go on), a crash or Ctrl-C (every finished output was written with
tmp-file + ``os.replace`` and recorded in the manifest, so nothing is half-written and a re-run
skips it by content hash), and a rate-limited API (a token bucket shared by the worker threads
paces model calls). LLM calls are I/O-bound, so threads give near-linear speed-up.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from langchain_core.rate_limiters import InMemoryRateLimiter

from copilot.config import Settings
from copilot.files import atomic_write
from copilot.llm import Engine
from copilot.notes.parse import NotesParseError
from copilot.notes.render import render_markdown, requested_script
from copilot.notes.summarize import summarize_file

INPUT_SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".log"}
MANIFEST = "manifest.jsonl"
INTERRUPT_GRACE_S = 60.0
MAX_WARNING_TEXTS = 50


def rate_limited(engine: Engine, requests_per_minute: float | None) -> Engine:
    """The engine with a token bucket shared by every worker thread: at most ``requests_per_minute``
    model calls on average, bursts of up to one second's worth (LangChain's ``InMemoryRateLimiter``,
    which the chat model consults before each call)."""
    if engine.is_offline or not requests_per_minute:
        return engine
    per_second = requests_per_minute / 60.0
    limiter = InMemoryRateLimiter(requests_per_second=per_second, check_every_n_seconds=min(0.1, 0.5 / per_second),
                                  max_bucket_size=max(1.0, per_second))
    model = engine.chat_model.model_copy(update={"rate_limiter": limiter})  # type: ignore[union-attr]
    return Engine(name=engine.name, chat_model=model, settings=engine.settings)


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass
class Record:
    input: str
    sha256: str
    status: str  # ok | failed | skipped
    engine: str | None = None
    output: str | None = None
    error: str | None = None
    notice: str | None = None
    warnings: int = 0
    warning_texts: list[str] = field(default_factory=list)  # the parse warnings themselves (first 50)
    checked: int = 0  # items the faithfulness check put back to their own sentence or removed
    checked_texts: list[str] = field(default_factory=list)
    seconds: float = 0.0
    finished_at: str = ""


@dataclass
class BatchSummary:
    """Counts are rebuilt from the manifest at the end, so the summary and the manifest agree
    even when Ctrl-C lands between writing a manifest line and updating the progress display."""

    total: int = 0
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    fallback: int = 0
    pending: int = 0  # not processed because the run was interrupted
    seconds: float = 0.0
    interrupted: bool = False
    records: list[Record] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # files left alone (not an export format)
    manifest: Path | None = None


class Manifest:
    """Append-only JSONL, one line per finished file; the last line for an input wins.

    Lines are appended under a lock and fsynced, so a kill loses at most the line being written,
    and a torn last line is ignored on load. Loading compacts the file atomically.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.latest: dict[str, dict[str, Any]] = {}
        self.appended: set[str] = set()  # inputs recorded by this run
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict) and "input" in row:
                    self.latest[row["input"]] = row
            atomic_write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.latest.values()))

    def done(self, rel: str, sha: str, out_dir: Path) -> bool:
        row = self.latest.get(rel)
        return bool(row and row.get("status") == "ok" and row.get("sha256") == sha
                    and row.get("output") and (out_dir / row["output"]).exists())

    def append(self, record: Record) -> None:
        line = json.dumps(record.__dict__, ensure_ascii=False) + "\n"
        with self.lock:
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(line)
                fh.flush()
                os.fsync(fh.fileno())
            self.latest[record.input] = record.__dict__
            self.appended.add(record.input)


def find_inputs(input_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """Export files under ``input_dir`` (recursively), never our own outputs when OUT_DIR is inside it."""
    out = out_dir.resolve() if out_dir else None
    return sorted(p for p in input_dir.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES
                  and not p.name.startswith(".") and not (out and p.resolve().is_relative_to(out)))


def find_unsupported(input_dir: Path, out_dir: Path | None = None) -> list[str]:
    """Visible files that are not an export format (``bin.dat``), so the summary can name them."""
    out = out_dir.resolve() if out_dir else None
    return sorted(str(p.relative_to(input_dir)) for p in input_dir.rglob("*")
                  if p.is_file() and p.suffix.lower() not in INPUT_SUFFIXES and not p.name.startswith(".")
                  and not any(part.startswith(".") for part in p.relative_to(input_dir).parts)
                  and not (out and p.resolve().is_relative_to(out)))


def output_name(rel: Path) -> str:
    """``talk.txt`` → ``talk.md`` (the usual case; see :func:`output_names` for clashes)."""
    return str(rel.with_suffix("")) + ".md"


def output_names(rels: list[Path]) -> dict[str, str]:
    """One distinct output per input: ``s.json``/``s.csv`` in one folder become ``s.json.md``/``s.csv.md``.

    Names are compared case-insensitively (macOS/Windows file systems), and a clash that survives
    (``s.json.txt`` vs ``s.json``) gets a numeric suffix, so no input's notes overwrite another's.
    """
    by_stem: dict[str, list[Path]] = {}
    for rel in rels:
        by_stem.setdefault(output_name(rel).lower(), []).append(rel)
    names = {str(r): (output_name(r) if len(by_stem[output_name(r).lower()]) == 1 else str(r) + ".md") for r in rels}
    seen: dict[str, int] = {}
    for rel in rels:
        key = names[str(rel)].lower()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            names[str(rel)] = str(rel) + f".{seen[key]}.md"
    return names


def _process(path: Path, rel: str, sha: str, out_dir: Path, settings: Settings, engine: Engine,
             out: str | None = None) -> Record:
    start = time.perf_counter()
    record = Record(input=rel, sha256=sha, status="failed")
    try:
        result = summarize_file(path, settings, engine)
        out = out or output_name(Path(rel))
        md = render_markdown(result.notes, requested_script(settings), engine=result.engine, notice=result.notice)
        atomic_write(out_dir / out, md)
        record.status, record.engine, record.output = "ok", result.engine, out
        record.notice, record.warnings = result.notice, len(result.warnings)
        record.warning_texts = result.warnings[:MAX_WARNING_TEXTS]
        record.checked, record.checked_texts = len(result.removed), result.removed[:MAX_WARNING_TEXTS]
    except NotesParseError as exc:
        record.error = str(exc)
    except Exception as exc:  # one bad file must not stop the batch
        record.error = f"处理失败：{type(exc).__name__}: {exc}"[:500]
    record.seconds = round(time.perf_counter() - start, 3)
    record.finished_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return record


@dataclass
class _Job:
    path: Path
    rel: str
    sha: str
    output: str


class _BatchRun:
    """One run's bookkeeping: what is skipped, what is in flight, what the manifest already holds."""

    def __init__(self, summary: BatchSummary, manifest: Manifest,
                 progress: Callable[[int, int, Record], None] | None) -> None:
        self.summary = summary
        self.manifest = manifest
        self.progress = progress
        self.done = 0
        self.skipped: dict[str, Record] = {}
        self.submitted: list[Future[Record]] = []
        self.recorded: set[Future[Record]] = set()

    def finish(self, record: Record) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.summary.total, record)

    def plan(self, inputs: list[Path], input_dir: Path, out_dir: Path, names: dict[str, str],
             force: bool) -> list[_Job]:
        """The files to process; the ones already done (same content, output present) are skipped."""
        todo: list[_Job] = []
        for path in inputs:
            rel = str(path.relative_to(input_dir))
            sha = file_hash(path)
            row = self.manifest.latest.get(rel)
            if not force and self.manifest.done(rel, sha, out_dir) and row and row.get("output") == names[rel]:
                self.skipped[rel] = Record(input=rel, sha256=sha, status="skipped", engine=row.get("engine"),
                                           output=row.get("output"))
                self.finish(self.skipped[rel])
            else:
                todo.append(_Job(path, rel, sha, names[rel]))
        return todo

    def record(self, fut: Future[Record]) -> None:
        if fut in self.recorded:
            return
        self.recorded.add(fut)  # first, so an interrupt below never records the same future twice
        record = fut.result()
        self.manifest.append(record)
        self.finish(record)

    def run(self, pool: ThreadPoolExecutor, todo: list[_Job], workers: int,
            work: Callable[[_Job], Record]) -> None:
        """Submit the jobs, at most 2×workers in flight so Ctrl-C stops quickly; record each as it ends."""
        pending: set[Future[Record]] = set()
        for job in todo:
            fut = pool.submit(work, job)
            self.submitted.append(fut)
            pending.add(fut)
            if len(pending) >= 2 * max(1, workers):
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    self.record(f)
        for f in list(pending):
            f.result()
            self.record(f)

    def interrupted(self, pool: ThreadPoolExecutor) -> None:
        """Ctrl-C: stop scheduling, let the files being processed finish (at most one model call each)
        and record them, so their outputs are not orphaned; a second Ctrl-C aborts the wait."""
        self.summary.interrupted = True
        pool.shutdown(wait=False, cancel_futures=True)
        running = [f for f in self.submitted if not f.cancelled() and f not in self.recorded]
        try:
            wait(running, timeout=INTERRUPT_GRACE_S)
        except KeyboardInterrupt:
            pass
        for fut in self.submitted:  # record what finished; the rest re-runs next time
            if fut.done() and not fut.cancelled() and fut.exception() is None and fut not in self.recorded:
                try:
                    self.record(fut)
                except KeyboardInterrupt:
                    break


def run_batch(
    input_dir: Path | str,
    out_dir: Path | str,
    workers: int,
    settings: Settings,
    engine: Engine,
    progress: Callable[[int, int, Record], None] | None = None,
    *,
    requests_per_minute: float | None = None,
    force: bool = False,
) -> BatchSummary:
    """Notes for every export under ``input_dir`` into ``out_dir``; resumable via ``manifest.jsonl``.

    ``progress(done, total, record)`` is called after each file (including skipped ones).
    Ctrl-C stops scheduling new files; finished ones stay written and recorded.
    """
    input_dir, out_dir = Path(input_dir), Path(out_dir)
    if not input_dir.is_dir():
        raise FileNotFoundError(f"输入目录不存在：{input_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.rglob(".*.tmp"):  # temp files of a killed run (never visible as notes)
        stale.unlink(missing_ok=True)
    manifest = Manifest(out_dir / MANIFEST)
    engine = rate_limited(engine, requests_per_minute)
    inputs = find_inputs(input_dir, out_dir)
    names = output_names([p.relative_to(input_dir) for p in inputs])
    summary = BatchSummary(total=len(inputs), manifest=manifest.path,
                           unsupported=find_unsupported(input_dir, out_dir))
    started = time.perf_counter()
    batch = _BatchRun(summary, manifest, progress)
    todo = batch.plan(inputs, input_dir, out_dir, names, force)

    def work(job: _Job) -> Record:
        return _process(job.path, job.rel, job.sha, out_dir, settings, engine, job.output)

    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="notes")
    try:
        batch.run(pool, todo, workers, work)
    except KeyboardInterrupt:
        batch.interrupted(pool)
    finally:
        pool.shutdown(wait=not summary.interrupted, cancel_futures=True)
    _tally(summary, inputs, input_dir, batch.skipped, manifest)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


def _tally(summary: BatchSummary, inputs: list[Path], input_dir: Path, skipped: dict[str, Record],
           manifest: Manifest) -> None:
    """Fill the summary from what the manifest actually holds for this run's inputs."""
    fields = set(Record.__dataclass_fields__)
    summary.records = []
    for path in inputs:
        rel = str(path.relative_to(input_dir))
        if rel in skipped:
            record = skipped[rel]
        elif rel in manifest.appended:
            record = Record(**{k: v for k, v in manifest.latest[rel].items() if k in fields})
        else:
            summary.pending += 1
            continue
        summary.records.append(record)
        if record.status == "ok":
            summary.ok += 1
            summary.fallback += bool(record.notice)
        elif record.status == "skipped":
            summary.skipped += 1
        else:
            summary.failed += 1
