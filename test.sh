#!/usr/bin/env bash
# One command to set up (if needed) and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
if [ -x scripts/test-deps.sh ]; then scripts/test-deps.sh; fi
exec .venv/bin/python -m pytest "$@"
