"""One transcript → notes: parse → structure → engine (LLM with offline fallback) → script restored.

The batch runner, the CLI, the UI and the eval suite all call these three functions, so the notes a
batch job writes are exactly the notes ``copilot notes`` prints for the same file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from copilot.config import Settings
from copilot.llm import Engine, run_with_fallback
from copilot.notes.dates import assumed_day_note
from copilot.notes.faithfulness import ground_notes
from copilot.notes.llm import summarize_llm
from copilot.notes.model import Drafted, NotesResult, Omitted, Transcript
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_file, parse_text
from copilot.notes.reading import display_name
from copilot.notes.script import detect_script, make_shadow, restore_notes
from copilot.notes.structure import Structure, analyze

Stage = Callable[[str], None]  # told the step being worked on (the CLI's progress bar)
STAGES = ("读取、去噪", "识别结构", "生成整理稿")


def _quiet(_: str) -> None:
    return None


def _offline(transcript: Transcript, st: Structure) -> Drafted:
    """The offline engine's notes after the same faithfulness check as a model's (:func:`ground_notes`): an item
    with a name or number the chat does not hold is removed and listed, never shown."""
    notes, removed = ground_notes(summarize_offline(transcript, st), transcript)
    return Drafted(notes, removed)


def summarize_transcript(transcript: Transcript, settings: Settings, engine: Engine,
                         stage: Stage = _quiet) -> NotesResult:
    """Notes for a parsed transcript with ``engine``, falling back to offline on model failure."""
    # Traditional exports are analysed through a Simplified shadow (same ids/offsets) and the notes
    # restored to the transcript's own characters, so names and quotes stay exactly as written.
    script = detect_script(transcript)
    work = make_shadow(transcript) if script == "zh-Hant" else transcript
    stage(STAGES[1])
    st = analyze(work)
    stage(STAGES[2])
    run = run_with_fallback(engine, lambda eng: summarize_llm(eng, transcript, st),
                            lambda: _offline(work, st))
    notes = restore_notes(run.value.notes, transcript) if script == "zh-Hant" else run.value.notes
    notes.host = display_name(notes.host)  # 主持人阿明 → 阿明 (a substring of the nickname, not invented)
    # what was left out and what could not be read travel with the notes (the appendix of the write-up)
    notes.omitted = [Omitted(id=d.id, reason=d.reason, speaker=d.speaker, text=d.text) for d in transcript.dropped]
    notes.dropped_count = len(notes.omitted)
    # a chat without dated messages had its deadlines counted from a day its own words fix: the notes say which
    assumed = assumed_day_note([(m.text, m.time) for m in transcript.messages])
    warnings = [*transcript.warnings, *([assumed] if assumed else [])]
    notes.warnings = list(warnings)
    notes.checked = list(run.value.removed)  # what the faithfulness check changed or took out: in the appendix too
    return NotesResult(
        notes=notes,
        engine=run.engine,
        notice=run.notice,
        warnings=warnings,
        dropped=list(transcript.dropped),
        removed=run.value.removed,
        prompt=run.value.prompt,
    )


def summarize_text(text: str, name: str, settings: Settings, engine: Engine, *,
                   columns: Mapping[str, str] | None = None, suffix: str = "") -> NotesResult:
    """Parse already-decoded export text and summarise it. Raises :class:`NotesParseError`."""
    transcript = parse_text(text, name, suffix=suffix or Path(name).suffix, columns=columns)
    return summarize_transcript(transcript, settings, engine)


def summarize_file(path: Path | str, settings: Settings, engine: Engine, *,
                   columns: Mapping[str, str] | None = None, stage: Stage = _quiet) -> NotesResult:
    """Read (any common encoding), parse and summarise one export. Raises :class:`NotesParseError`."""
    stage(STAGES[0])
    return summarize_transcript(parse_file(path, columns=columns), settings, engine, stage)
