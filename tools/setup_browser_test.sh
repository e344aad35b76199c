#!/usr/bin/env bash
# Optional: what tests/test_browser.py needs, on Debian or Ubuntu (run inside the project's venv).
# Chromium comes from the distribution's package and Playwright from PyPI; 'playwright install' (which
# downloads a browser build) is never run. Without these the browser test is skipped with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then
    sudo="" ; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update
    $sudo apt-get install -y chromium
fi
pip install -e '.[test,browser]'
python -m pytest -q tests/test_browser.py -rs
