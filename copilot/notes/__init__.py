"""Talk notes (分享整理): turn exported group chats into cited, shareable write-ups.

Entry points: :func:`summarize_file` / :func:`summarize_text` for one transcript,
:func:`run_batch` for a resumable batch, :func:`render_markdown` for output.
The pipeline is parse (formats, encodings, noise) → structure (session type, speakers, Q&A,
to-dos) → engine (LLM map-reduce, or the offline extractive summariser) → faithfulness check.
"""

from copilot.notes import checks as _checks  # noqa: F401 - registers the notes rule kinds
from copilot.notes.batch import run_batch
from copilot.notes.model import Notes, NotesResult, Transcript
from copilot.notes.parse import NotesParseError
from copilot.notes.render import render_markdown
from copilot.notes.summarize import summarize_file, summarize_text, summarize_transcript

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
