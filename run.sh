#!/usr/bin/env bash
# One command to set up and start the copilot on the embedded offline engine:
# creates .venv/, installs, builds the knowledge index, starts the Gradio app (app.py).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
.venv/bin/copilot index
exec .venv/bin/python app.py "$@"
