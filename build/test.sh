#!/usr/bin/env bash
# The one test command (README, .ci/run): warning-free Release build of the solution, all unit tests,
# the misuse-gallery and TorchSharp sample checks (the sample also trains) and the package consumption check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build Analyzers.sln -c Release -warnaserror

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Analyzers.sln -c Release --no-build 2>&1 | tee "$log" || status=$?
count() { grep -oE "$1: +[0-9]+" "$log" | awk '{ total += $2 } END { print total + 0 }'; }
passed=$(count Passed)
failed=$(count Failed)
echo "unit tests: $passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$passed" -gt 0 ] || exit 1

bash build/test-sample.sh | tee -a "$log"
bash build/test-packages.sh | tee -a "$log"

checks=$(grep -oE "^(sample|package) checks: [0-9]+ passed" "$log" | awk '{ total += $3 } END { print total + 0 }')
echo "all checks: $((passed + checks)) passed, 0 failed"
