"""Names vulture reports as unused that are used from outside Python's view (run by ./test.sh).

Each line names the thing and why it is alive; a new entry needs a reason as good as these.
"""

from rich.text import Text

from copilot.agents.copy import CopyItem
from copilot.agents.name import NameItem
from copilot.config import Settings
from copilot.evals.cache import SQLiteLLMCache
from copilot.knowledge.index import Hit
from copilot.knowledge.safety import SafetyCues
from copilot.llm import __getattr__ as llm_module_getattr
from copilot.moderation.signals import Patterns
from copilot.notes.batch import Record
from copilot.notes.model import Notes

Settings.settings_customise_sources  # pydantic-settings calls it to order the config sources
SQLiteLLMCache.lookup  # LangChain's BaseCache interface: the chat model calls it before each request
Hit.dense_rank, Hit.bm25_rank  # in `copilot search --json` and the retrieval eval's debugging output
Record.finished_at  # written to manifest.jsonl for operators
Record.checked_texts  # written to manifest.jsonl: what the faithfulness check put back or removed, for the operator
NameItem.rationale  # the LLM's JSON schema for names: the reason shown beside each name
CopyItem.tactic, CopyItem.arithmetic  # the LLM's JSON schema for promotion copy
Notes.dropped_count  # in `copilot notes --json` and the LLM path's notes: how many messages were left out
llm_module_getattr  # PEP 562 module __getattr__: Python calls it to load the structured-output helpers lazily
Patterns.reach_note  # read by name: signals.yaml `mask: reach_note` (Scan.text looks a mask up on patterns() with getattr)
Text.overflow  # Rich reads it when a help table cell wraps: --help folds long Chinese runs (cli_support.tidy_help)
SafetyCues.medical_emergency  # read by kind: SafetyCues.case(kind) is getattr over the fields, tried in their order
