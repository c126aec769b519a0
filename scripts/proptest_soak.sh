#!/usr/bin/env bash
# Property tests at scale, with fresh random draws: what to run before
# landing a change of what `clean` outputs. CI draws a fixed seed (see
# .ci/run) so that its verdict is reproducible; this script explores.
#
#   scripts/proptest_soak.sh [CASES] [cargo test args...]
#
# CASES (default 20000) is PROPTEST_CASES: tests with proptest's default
# count run that many cases, tests with their own count run it scaled by
# CASES / 256 (crates/testkit). A failure is shrunk, printed, and saved to
# the test's `.proptest-regressions` file: commit that line with the fix.
# Runs the release profile (the draws are the same; it is ten times faster).
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-20000}"
shift || true
unset PROPTEST_RNG_SEED
export PROPTEST_CASES="$cases"
echo "proptest soak: PROPTEST_CASES=$cases, random seeds" >&2
exec cargo test --release --workspace --all-features "$@"
