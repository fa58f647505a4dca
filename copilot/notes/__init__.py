"""Talk notes (分享整理): turn exported group chats into cited, shareable write-ups.

Entry points: :func:`summarize_file` / :func:`summarize_text` for one transcript,
:func:`copilot.notes.batch.run_batch` for a resumable batch, :func:`render_markdown` for output.
The pipeline is parse (formats, encodings, noise) → structure (session type, speakers, Q&A,
to-dos) → engine (LLM map-reduce, or the offline extractive summariser) → faithfulness check.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from copilot.config import Settings
from copilot.llm import Engine, run_with_fallback
from copilot.notes.model import Notes, NotesResult, Transcript
from copilot.notes.parse import NotesParseError, parse_file, parse_text
from copilot.notes.render import render_markdown

__all__ = [
    "Notes",
    "NotesParseError",
    "NotesResult",
    "Transcript",
    "render_markdown",
    "run_batch",
    "summarize_file",
    "summarize_text",
    "summarize_transcript",
]


def summarize_transcript(transcript: Transcript, settings: Settings, engine: Engine) -> NotesResult:
    """Notes for a parsed transcript with ``engine``, falling back to offline on model failure."""
    from copilot.notes.offline import summarize_offline
    from copilot.notes.script import detect_script, make_shadow, restore_notes
    from copilot.notes.structure import analyze, display_name

    # Traditional exports are analysed through a Simplified shadow (same ids/offsets) and the notes
    # restored to the transcript's own characters, so names and quotes stay exactly as written.
    script = detect_script(transcript)
    work = make_shadow(transcript) if script == "zh-Hant" else transcript
    st = analyze(work)
    extra: dict[str, object] = {}

    def llm_fn(eng: Engine) -> Notes:
        from copilot.notes.llm import summarize_llm

        notes, removed, ref = summarize_llm(eng, transcript, st)
        extra["removed"], extra["prompt"] = removed, ref
        return notes

    run = run_with_fallback(engine, llm_fn, lambda: summarize_offline(work, st))
    if run.engine == "offline":
        extra = {}
    notes = restore_notes(run.value, transcript) if script == "zh-Hant" else run.value
    notes.host = display_name(notes.host)  # 主持人阿明 → 阿明 (a substring of the nickname, not invented)
    return NotesResult(
        notes=notes,
        engine=run.engine,
        notice=run.notice,
        warnings=list(transcript.warnings),
        dropped=list(transcript.dropped),
        removed=list(extra.get("removed", [])),  # type: ignore[arg-type]
        prompt=extra.get("prompt"),  # type: ignore[arg-type]
    )


def summarize_text(text: str, name: str, settings: Settings, engine: Engine, *,
                   columns: Mapping[str, str] | None = None, suffix: str = "") -> NotesResult:
    """Parse already-decoded export text and summarise it. Raises :class:`NotesParseError`."""
    transcript = parse_text(text, name, suffix=suffix or Path(name).suffix, columns=columns)
    return summarize_transcript(transcript, settings, engine)


def summarize_file(path: Path | str, settings: Settings, engine: Engine, *,
                   columns: Mapping[str, str] | None = None) -> NotesResult:
    """Read (any common encoding), parse and summarise one export. Raises :class:`NotesParseError`."""
    return summarize_transcript(parse_file(path, columns=columns), settings, engine)


def run_batch(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See :func:`copilot.notes.batch.run_batch` (imported lazily: threads and hashing not needed for one file)."""
    from copilot.notes.batch import run_batch as _run_batch

    return _run_batch(*args, **kwargs)
