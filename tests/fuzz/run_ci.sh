#!/usr/bin/env bash
# Short CI run of the atheris fuzz target: tests/fuzz/run_ci.sh [SECONDS] (default 25).
# Skips (exit 0) when atheris is not installed; exits non-zero on any crash or broken
# invariant, leaving the input in $FUZZ_ARTIFACTS (default /tmp/newsparse-fuzz-crash-*).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN=${1:-25}
PY=${PYTHON:-.venv/bin/python}
if ! "$PY" -c "import atheris" 2>/dev/null; then
  echo "fuzz: atheris not installed, skipped (pip install -e '.[fuzz]' or pip install atheris)"
  exit 0
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp tests/fuzz/corpus/* "$WORK"/
"$PY" tests/fuzz/fuzz_parse.py "$WORK" \
  -dict=tests/fuzz/news.dict -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
  -artifact_prefix="${FUZZ_ARTIFACTS:-${TMPDIR:-/tmp}/newsparse-fuzz-}" \
  -print_final_stats=1 -verbosity=0
echo "fuzz: ${SECONDS_TO_RUN}s without a crash or broken invariant"
