#!/usr/bin/env bash
# Builds the misuse gallery (the README's main command) and checks that each gallery file shows its diagnostic
# on the misuse and none on the fixed form.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$root/samples/LossGuard.Samples.Gallery" --no-incremental >"$log" 2>&1 || { cat "$log"; exit 1; }

failures=0
passed=0
for file in "$root"/samples/LossGuard.Samples.Gallery/*/LG*.cs; do
  id=$(basename "$file" | cut -d_ -f1)
  name=$(basename "$file")
  found=$(grep -E "$name\([0-9]+,[0-9]+\): warning LG" "$log" | sort -u | grep -oE "warning LG[0-9]+" | sort -u | tr '\n' ' ')
  if [ "$found" = "warning $id " ]; then
    passed=$((passed + 1))
  else
    echo "FAIL $name: expected only $id, the build reported: ${found:-nothing}"
    failures=$((failures + 1))
  fi
done
# The TorchSharp sample must report exactly the findings it lists (file and rule), no more and no fewer.
torch="$root/samples/LossGuard.Samples.TorchSharp"
dotnet build "$torch" --no-incremental >"$log" 2>&1 || { cat "$log"; exit 1; }
reported=$(grep -oE "[A-Za-z]+\.cs\([0-9]+,[0-9]+\): warning LG[0-9]+" "$log" | sed -E 's/\([0-9]+,[0-9]+\): warning / /' | sort -u)
expected=$(sort -u "$torch/expected-diagnostics.txt")
if [ "$reported" = "$expected" ]; then
  passed=$((passed + 1))
else
  echo "FAIL TorchSharp sample: expected [$expected], the build reported [$reported]"
  failures=$((failures + 1))
fi

echo "sample checks: $passed passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$passed" -gt 0 ]
