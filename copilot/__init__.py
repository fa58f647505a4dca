"""社群运营 Copilot: drafting, moderation, talk notes and evals for Chinese community groups.

The package is laid out as the product reads:
``config`` (settings), ``textnorm`` (Chinese normalisation/tokenisation), ``knowledge`` (cards, rules,
ingestion, retrieval), ``llm`` (engines: OpenAI-compatible or offline), ``profile`` (group profiles),
``agents`` (drafting), ``moderation``, ``notes``, ``evals``, ``ui``, ``server`` and ``cli``.
"""

from __future__ import annotations

import os

__version__ = "0.1.0"

# Nothing in the default path may reach the internet: chromadb telemetry, Hugging Face hub and
# Gradio analytics are switched off before any of those libraries is imported.
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
