"""Operator UI (Gradio): one page with a tab per capability; callbacks are plain functions in ``tabs_*``."""
