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
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from copilot.config import Settings
from copilot.llm import Engine

INPUT_SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".log"}
MANIFEST = "manifest.jsonl"
INTERRUPT_GRACE_S = 60.0


class RateLimiter:
    """Token bucket: at most ``rate`` acquisitions per second on average, bursts up to ``burst``."""

    def __init__(self, rate: float, burst: int | None = None) -> None:
        self.rate = rate
        self.capacity = float(burst or max(1, int(rate)))
        self.tokens = self.capacity
        self.updated = time.monotonic()
        self.lock = threading.Lock()

    def acquire(self) -> None:
        while True:
            with self.lock:
                now = time.monotonic()
                self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
                self.updated = now
                if self.tokens >= 1:
                    self.tokens -= 1
                    return
                wait_s = (1 - self.tokens) / self.rate
            time.sleep(wait_s)


class RateLimitedModel:
    """Wraps a chat model so every ``invoke`` first takes a token from the shared bucket."""

    def __init__(self, model: Any, limiter: RateLimiter) -> None:
        self._model = model
        self._limiter = limiter

    def invoke(self, *args: Any, **kwargs: Any) -> Any:
        self._limiter.acquire()
        return self._model.invoke(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._model, name)


def rate_limited(engine: Engine, requests_per_minute: float | None) -> Engine:
    if engine.is_offline or not requests_per_minute:
        return engine
    limiter = RateLimiter(requests_per_minute / 60.0, burst=max(1, int(requests_per_minute / 60.0) or 1))
    return Engine(name=engine.name, chat_model=RateLimitedModel(engine.chat_model, limiter),  # type: ignore[arg-type]
                  settings=engine.settings)


def file_hash(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _umask() -> int:
    """The process umask, read without changing it where /proc allows (os.umask is racy in threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` so readers see the old file or the whole new one, never a partial one.

    ``mkstemp`` creates 0600 files; the result gets the mode an ordinary ``open`` would give
    (0666 minus the umask), or keeps the mode of the file it replaces, so notes stay shareable.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    from copilot.notes import summarize_file
    from copilot.notes.parse import NotesParseError
    from copilot.notes.render import render_markdown, requested_script

    start = time.perf_counter()
    record = Record(input=rel, sha256=sha, status="failed")
    try:
        result = summarize_file(path, settings, engine)
        out = out or output_name(Path(rel))
        md = render_markdown(result.notes, requested_script(settings), engine=result.engine, notice=result.notice)
        atomic_write(out_dir / out, md)
        record.status, record.engine, record.output = "ok", result.engine, out
        record.notice, record.warnings = result.notice, len(result.warnings)
    except NotesParseError as exc:
        record.error = str(exc)
    except Exception as exc:  # one bad file must not stop the batch
        record.error = f"处理失败：{type(exc).__name__}: {exc}"[:500]
    record.seconds = round(time.perf_counter() - start, 3)
    record.finished_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return record


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
    done = 0
    skipped: dict[str, Record] = {}

    def finish(record: Record) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, summary.total, record)

    todo: list[tuple[Path, str, str]] = []
    for path in inputs:
        rel = str(path.relative_to(input_dir))
        sha = file_hash(path)
        row = manifest.latest.get(rel)
        if not force and manifest.done(rel, sha, out_dir) and row and row.get("output") == names[rel]:
            skipped[rel] = Record(input=rel, sha256=sha, status="skipped", engine=row.get("engine"),
                                  output=row.get("output"))
            finish(skipped[rel])
        else:
            todo.append((path, rel, sha))

    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="notes")
    pending: set[Future[Record]] = set()
    submitted: list[Future[Record]] = []
    recorded: set[Future[Record]] = set()

    def record_result(fut: Future[Record]) -> None:
        if fut in recorded:
            return
        recorded.add(fut)  # first, so an interrupt below never records the same future twice
        record = fut.result()
        manifest.append(record)
        finish(record)

    try:
        for path, rel, sha in todo:  # keep at most 2×workers in flight so Ctrl-C stops quickly
            fut = pool.submit(_process, path, rel, sha, out_dir, settings, engine, names[rel])
            submitted.append(fut)
            pending.add(fut)
            if len(pending) >= 2 * max(1, workers):
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    record_result(fut)
        for fut in list(pending):
            fut.result()
            record_result(fut)
        pending.clear()
    except KeyboardInterrupt:
        # Stop scheduling, let the files already being processed finish (at most one model call
        # each) and record them, so their outputs are not orphaned; a second Ctrl-C aborts the wait.
        summary.interrupted = True
        pool.shutdown(wait=False, cancel_futures=True)
        running = [f for f in submitted if not f.cancelled() and f not in recorded]
        try:
            wait(running, timeout=INTERRUPT_GRACE_S)
        except KeyboardInterrupt:
            pass
        for fut in submitted:  # record what finished; the rest re-runs next time
            if fut.done() and not fut.cancelled() and fut.exception() is None and fut not in recorded:
                try:
                    record_result(fut)
                except KeyboardInterrupt:
                    break
    finally:
        pool.shutdown(wait=not summary.interrupted, cancel_futures=True)
    _tally(summary, inputs, input_dir, skipped, manifest)
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
